package org.braindyn.ops;

import java.util.Arrays;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;

/** Static attributes of a primitive application (axes, target shapes, dtypes …). Immutable. */
public sealed interface Attr {
    /** No attributes. */
    None NONE = new None();

    /** For primitives without attributes. */
    record None() implements Attr {}

    /** Reduction axes (sorted, non-negative) and whether reduced axes are kept with extent 1. */
    record Axes(int[] axes, boolean keepDims) implements Attr {
        public Axes { axes = axes.clone(); Arrays.sort(axes); }
        public boolean contains(int axis) { return Arrays.binarySearch(axes, axis) >= 0; }
        @Override public boolean equals(Object o) { return o instanceof Axes a && Arrays.equals(axes, a.axes) && keepDims == a.keepDims; }
        @Override public int hashCode() { return Arrays.hashCode(axes) * 31 + (keepDims ? 1 : 0); }
        @Override public String toString() { return "Axes" + Arrays.toString(axes) + (keepDims ? " keepdims" : ""); }
    }

    /** One non-negative axis (argmax, cumsum, concat, gather, scatter). */
    record Axis(int axis) implements Attr {}

    /** A target shape (reshape, broadcast). */
    record ToShape(Shape shape) implements Attr {}

    /** An axis permutation (transpose). */
    record Perm(int[] perm) implements Attr {
        public Perm { perm = perm.clone(); }
        @Override public boolean equals(Object o) { return o instanceof Perm p && Arrays.equals(perm, p.perm); }
        @Override public int hashCode() { return Arrays.hashCode(perm); }
        @Override public String toString() { return "Perm" + Arrays.toString(perm); }
    }

    /**
     * A strided slice per axis, already normalised: element {@code j} of axis {@code a} is input index
     * {@code start[a] + j*step[a]}, for {@code j < count[a]}. Steps may be negative (flip).
     */
    record Slice(int[] start, int[] step, int[] count) implements Attr {
        public Slice { start = start.clone(); step = step.clone(); count = count.clone(); }
        @Override public boolean equals(Object o) { return o instanceof Slice s && Arrays.equals(start, s.start) && Arrays.equals(step, s.step) && Arrays.equals(count, s.count); }
        @Override public int hashCode() { return Arrays.hashCode(start) ^ Arrays.hashCode(step) * 7 ^ Arrays.hashCode(count) * 31; }
    }

    /** Constant padding: {@code lo[a]} and {@code hi[a]} elements of {@code value} before and after axis {@code a}. */
    record Pad(int[] lo, int[] hi, double value) implements Attr {
        public Pad { lo = lo.clone(); hi = hi.clone(); }
        @Override public boolean equals(Object o) { return o instanceof Pad p && Arrays.equals(lo, p.lo) && Arrays.equals(hi, p.hi) && Double.compare(value, p.value) == 0; }
        @Override public int hashCode() { return Arrays.hashCode(lo) ^ Arrays.hashCode(hi) * 31; }
    }

    /** Target dtype of a cast. */
    record To(DType dtype) implements Attr {}

    /** A CSR matrix's logical shape, and whether the operator applies its transpose. */
    record Csr(int rows, int cols, boolean transpose) implements Attr {}

    /**
     * The form of an {@link Op#EVENT_MATMUL}: {@code outer = false} the product {@code e·w}, {@code outer = true}
     * the product {@code eᵀ·g} (the weight gradient of the first).
     */
    record EventProduct(boolean outer) implements Attr {}

    /** Number of output segments of a segment-sum. */
    record Segments(int count) implements Attr {}

    /** A {@link Op#HOST_CALL}: its name (for errors and graphs), output type and Java kernel. */
    record Host(String name, TensorType out, HostKernel kernel) implements Attr {
        public Host {
            if (name == null || out == null || kernel == null) throw new IllegalArgumentException("Attr.Host: name, output type and kernel are required");
        }
    }
}
