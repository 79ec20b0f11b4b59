package org.braindyn.nn;

import org.braindyn.dyn.Shared;
import org.braindyn.jit.Jit;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Dropout (BrainPy's {@code bp.dnn.Dropout(prob)}; {@code prob} is the probability of keeping a value): while the shared
 * {@code fit} flag is set ({@link Shared#fit()}, as trainers set it), each value is kept with probability p and scaled
 * by 1/p, else zeroed; outside fitting it passes values through unchanged. The mask is drawn fresh every call,
 * also inside compiled loops.
 * <pre>{@code Dropout d = new Dropout(100, 0.8, 7);   Shared.with(new Shared(0, 0, 0.1, true), () -> d.forward(x, null));}</pre>
 */
public final class Dropout extends Node {
    private final int features;
    private final double keep;
    private final RandomState rng;

    /**
     * @param features input (= output) features
     * @param keepProb probability of keeping a value, in (0, 1]
     * @param seed     seed of the masks
     */
    public Dropout(int features, double keepProb, int seed) {
        super(null);
        if (features < 1) throw new IllegalArgumentException("Dropout.features: must be >= 1; got " + features);
        if (!(keepProb > 0 && keepProb <= 1)) throw new IllegalArgumentException("Dropout.prob: the keep probability must be in (0, 1]; got " + keepProb);
        this.features = features;
        this.keep = keepProb;
        this.rng = new RandomState(seed);
    }

    @Override public int inFeatures() { return features; }
    @Override public int outFeatures() { return features; }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, features, "input");
        if (!Shared.current().fit() || keep == 1) return x;
        int b = x.dim(0);
        Tensor mask = Jit.hostValue(x.dtype(), Shape.of(b, features), () -> rng.bernoulli(keep, b, features).astype(x.dtype()));
        return x.mul(mask).div(keep);
    }

    @Override public void resetState(int batchSize) {}
}
