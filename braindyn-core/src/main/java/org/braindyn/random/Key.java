package org.braindyn.random;

/**
 * A splittable random key: two 32-bit words, as JAX's {@code PRNGKey} and BrainPy's {@code RandomState} value
 * {@code [0, seed]}. Splitting and sampling use disjoint Philox counter domains, so keys obtained by
 * {@link #split(int)} give statistically independent streams.
 * <pre>{@code
 * Key k = Key.of(42);
 * Key[] two = k.split(2);   // independent keys
 * }</pre>
 */
public record Key(int k0, int k1) {
    static final int DOMAIN_SAMPLE = 0x5A3D_0001, DOMAIN_SPLIT = 0x5A3D_0002, DOMAIN_FOLD = 0x5A3D_0003;

    /** The key {@code [0, seed]}. */
    public static Key of(int seed) { return new Key(0, seed); }

    /** The key of a 64-bit seed: high and low words. */
    public static Key of(long seed) { return new Key((int) (seed >>> 32), (int) seed); }

    /** {@code n} new keys derived from this one. */
    public Key[] split(int n) {
        if (n < 1) throw new IllegalArgumentException("Key.split: n must be >= 1; got " + n);
        Key[] out = new Key[n];
        int[] w = new int[4];
        for (int i = 0; i < n; i++) {
            Philox.block(k0, k1, i, 0, DOMAIN_SPLIT, 0, w);
            out[i] = new Key(w[0], w[1]);
        }
        return out;
    }

    /** A key derived from this one and {@code data} (JAX {@code fold_in}). */
    public Key foldIn(int data) {
        int[] w = new int[4];
        Philox.block(k0, k1, data, 0, DOMAIN_FOLD, 0, w);
        return new Key(w[0], w[1]);
    }

    @Override public String toString() { return "Key[" + Integer.toUnsignedString(k0) + ", " + Integer.toUnsignedString(k1) + "]"; }
}
