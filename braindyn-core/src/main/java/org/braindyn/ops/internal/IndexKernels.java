package org.braindyn.ops.internal;

import org.braindyn.ops.Op;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager kernels of GATHER ({@code take} along an axis) and SCATTER / SCATTER_ADD (write or accumulate at those
 * positions of a copy). Negative indices count from the end; out-of-range ones raise an error naming them.
 */
public final class IndexKernels {
    private IndexKernels() {}

    /** NumPy {@code take(x, idx, axis)}. */
    public static Tensor gather(Tensor x, Tensor idx, int axis, TensorType out) {
        Tensor c = x.contiguous();
        int[] ix = (int[]) Storage.copyToFlat(idx);
        int n = x.dim(axis), outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= x.dim(i);
        for (int i = axis + 1; i < x.ndim(); i++) inner *= x.dim(i);
        Object dst = Storage.allocate(x.dtype(), out.shape().size());
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            int rowBase = c.offset() + o * n * inner;
            for (int j : ix) {
                int k = check(Op.GATHER, j, n, axis);
                if (inner == 1) Storage.writeRaw(x.dtype(), c.storage(), rowBase + k, dst, pos);
                else System.arraycopy(c.storage(), rowBase + k * inner, dst, pos, inner);
                pos += inner;
            }
        }
        return Tensor.wrap(x.dtype(), out.shape(), dst);
    }

    /** A copy of {@code x} with {@code upd} written (SCATTER, last write wins) or added (SCATTER_ADD) at {@code idx} along {@code axis}. */
    public static Tensor scatter(Op op, Tensor x, Tensor idx, Tensor upd, int axis) {
        Object dst = Storage.copyToFlat(x);
        Object u = Storage.copyToFlat(upd);
        int[] ix = (int[]) Storage.copyToFlat(idx);
        int n = x.dim(axis), outer = 1, inner = 1;
        for (int i = 0; i < axis; i++) outer *= x.dim(i);
        for (int i = axis + 1; i < x.ndim(); i++) inner *= x.dim(i);
        boolean add = op == Op.SCATTER_ADD;
        DType dt = x.dtype();
        int pos = 0;
        for (int o = 0; o < outer; o++) {
            int rowBase = o * n * inner;
            for (int j : ix) {
                int k = check(op, j, n, axis), d = rowBase + k * inner;
                if (!add) System.arraycopy(u, pos, dst, d, inner);
                else switch (dt) {
                    case F32 -> { float[] a = (float[]) dst, b = (float[]) u; for (int q = 0; q < inner; q++) a[d + q] += b[pos + q]; }
                    case F64 -> { double[] a = (double[]) dst, b = (double[]) u; for (int q = 0; q < inner; q++) a[d + q] += b[pos + q]; }
                    case I32 -> { int[] a = (int[]) dst, b = (int[]) u; for (int q = 0; q < inner; q++) a[d + q] += b[pos + q]; }
                    case BOOL -> throw new IllegalArgumentException("scatter_add: not defined for bool");
                }
                pos += inner;
            }
        }
        return Tensor.wrap(dt, x.shape(), dst);
    }

    public static int check(Op op, int j, int n, int axis) {
        int k = j < 0 ? j + n : j;
        if (k < 0 || k >= n)
            throw new IndexOutOfBoundsException(op.label() + ": index " + j + " is out of bounds for axis " + axis
                    + " with size " + n + "; expected " + (-n) + " <= index < " + n);
        return k;
    }
}
