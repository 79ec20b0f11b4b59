package org.braindyn.losses;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** How a loss combines its per-sample (or per-element) values (BrainPy's {@code reduction}). */
public enum Reduction {
    /** Keep every value. */
    NONE,
    /** Their sum. */
    SUM,
    /** Their mean. */
    MEAN;

    /** Applies this reduction. */
    public Tensor apply(Tensor values) {
        return switch (this) {
            case NONE -> values;
            case SUM -> BM.sum(values);
            case MEAN -> BM.mean(values);
        };
    }
}
