package org.braindyn.random;

import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A {@link Variable} holding a random key (BrainPy's {@code bm.random.RandomState}): its value is the int32 pair
 * {@code [k0, k1]}, {@code [0, seed]} after seeding, and every draw splits it, uses one half and keeps the
 * other, so the value changes with each draw. As a state it is saved, restored and (later) threaded through
 * compiled code like any other variable.
 * <pre>{@code
 * RandomState rs = new RandomState(1234);   // value [0, 1234]
 * Tensor x = rs.normal(0, 1, 1000);         // key advances
 * Key k = rs.splitKey();                    // an independent key for a sub-computation
 * }</pre>
 */
public class RandomState extends Variable implements Sampler {
    /** A state seeded with {@code seed}. */
    public RandomState(int seed) { this(Key.of(seed), null); }

    /** A state holding {@code key}, named for messages (may be null). */
    public RandomState(Key key, String name) { super(keyTensor(key), name); }

    private static Tensor keyTensor(Key k) { return Tensor.wrap(DType.I32, Shape.of(2), new int[] {k.k0(), k.k1()}); }

    /** The current key. */
    public synchronized Key key() {
        int[] v = value().toIntArray();
        return new Key(v[0], v[1]);
    }

    /** Resets the key to {@code [0, seed]}. */
    public synchronized void seed(int seed) { set(keyTensor(Key.of(seed))); }

    /** Sets the key. */
    public synchronized void setKey(Key key) { set(keyTensor(key)); }

    /** A new independent key; advances this state (BrainPy {@code split_key()}). */
    public synchronized Key splitKey() { return nextKey(); }

    /** {@code n} new independent keys; advances this state once (BrainPy {@code split_keys(n)}). */
    public synchronized Key[] splitKeys(int n) {
        Key[] ks = key().split(n + 1);
        setKey(ks[0]);
        return java.util.Arrays.copyOfRange(ks, 1, n + 1);
    }

    @Override public synchronized Key nextKey() {
        Key[] ks = key().split(2);
        setKey(ks[0]);
        return ks[1];
    }
}
