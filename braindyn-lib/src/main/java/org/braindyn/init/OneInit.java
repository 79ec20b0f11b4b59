package org.braindyn.init;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** A constant tensor (BrainPy's {@code OneInit(value=1.)}). {@code new OneInit(2.5).init(5, 6)} is 5×6 of 2.5. */
public record OneInit(double value) implements Initializer {
    /** Ones. */
    public OneInit() { this(1.0); }

    @Override public Tensor init(int[] shape, DType dtype) { return BM.full(Shape.of(shape), value, dtype); }
}
