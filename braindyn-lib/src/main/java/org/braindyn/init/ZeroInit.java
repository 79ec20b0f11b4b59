package org.braindyn.init;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** All zeros (BrainPy's {@code ZeroInit}). */
public record ZeroInit() implements Initializer {
    @Override public Tensor init(int[] shape, DType dtype) { return BM.zeros(Shape.of(shape), dtype); }
}
