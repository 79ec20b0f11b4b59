package org.braindyn.init;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/** Values uniform on {@code [minVal, maxVal)} (BrainPy's {@code Uniform(min_val=0., max_val=1.)}). */
public record Uniform(double minVal, double maxVal, RandomState rng) implements Initializer {
    public Uniform {
        if (!(maxVal >= minVal)) throw new IllegalArgumentException("Uniform: maxVal (" + maxVal + ") must be >= minVal (" + minVal + ")");
        if (rng == null) rng = org.braindyn.random.Random.DEFAULT;
    }

    /** On {@code [minVal, maxVal)} from the default random state. */
    public Uniform(double minVal, double maxVal) { this(minVal, maxVal, null); }

    @Override public Tensor init(int[] shape, DType dtype) { return rng.uniform(minVal, maxVal, shape).astype(dtype); }
}
