package org.braindyn.init;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** {@code value} on the main diagonal of a matrix, zero elsewhere (BrainPy's {@code Identity(value=1.)}). */
public record Identity(double value) implements Initializer {
    /** The identity. */
    public Identity() { this(1.0); }

    @Override public Tensor init(int[] shape, DType dtype) {
        if (shape.length != 2) throw new IllegalArgumentException("Identity: needs a 2-D shape; got " + Shape.of(shape));
        return BM.eye(shape[0], shape[1], 0).mul(value).astype(dtype);
    }
}
