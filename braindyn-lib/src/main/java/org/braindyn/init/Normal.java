package org.braindyn.init;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/** Gaussian values {@code N(mean, scale²)} (BrainPy's {@code Normal(mean=0., scale=1.)}; {@code new Normal(0.01)} has std 0.01). */
public record Normal(double mean, double scale, RandomState rng) implements Initializer {
    public Normal {
        if (!(scale >= 0)) throw new IllegalArgumentException("Normal.scale: must be >= 0; got " + scale);
        if (rng == null) rng = org.braindyn.random.Random.DEFAULT;
    }

    /** Mean 0 and standard deviation {@code scale}, from the default random state. */
    public Normal(double scale) { this(0, scale, null); }

    @Override public Tensor init(int[] shape, DType dtype) { return rng.normal(mean, scale, shape).astype(dtype); }
}
