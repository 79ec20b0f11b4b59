package org.braindyn.ops;

import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;

/** The abstract value of a tensor: what shape rules compute and what a tracer knows before running. */
public record TensorType(DType dtype, Shape shape) {
    @Override public String toString() { return dtype.numpyName() + shape; }
}
