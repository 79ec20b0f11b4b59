package org.braindyn.nn;

import org.braindyn.tensor.Tensor;

/** Passes its input through (BrainPy's {@code bp.nn.Input}); with {@link Concat}, a skip connection. */
public final class Identity extends Node {
    private final int features;

    public Identity(int features) {
        super(null);
        if (features < 1) throw new IllegalArgumentException("Identity.features: must be >= 1; got " + features);
        this.features = features;
    }

    @Override public int inFeatures() { return features; }
    @Override public int outFeatures() { return features; }
    @Override public Tensor forward(Tensor ff, Tensor fb) { return checkStep(ff, features, "input"); }
    @Override public void resetState(int batchSize) {}
}
