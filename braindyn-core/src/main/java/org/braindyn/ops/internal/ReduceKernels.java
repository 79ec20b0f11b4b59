package org.braindyn.ops.internal;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager kernels of reductions, arg-reductions and cumulative scans. The reduced axes are moved last (a view),
 * made contiguous, and each output element then reduces one contiguous run. Float sums and products
 * accumulate in double and round once.
 */
public final class ReduceKernels {
    private ReduceKernels() {}

    /** REDUCE_SUM / PROD / MAX / MIN over {@code ax}. */
    public static Tensor reduce(Op op, Tensor x, Attr.Axes ax, TensorType out) {
        if (leading(ax.axes()) && x.isContiguous() && x.size() > 0 && ax.axes().length < x.ndim()) return reduceLeading(op, x, out);
        Tensor m = axesLast(x, ax.axes()).contiguous();
        int outer = out.shape().size(), inner = outer == 0 ? 0 : x.size() / outer;
        Object src = m.storage(), dst = Storage.allocate(out.dtype(), outer);
        int base = m.offset();
        if (x.dtype() == DType.I32) {
            int[] a = (int[]) src, r = (int[]) dst;
            for (int o = 0; o < outer; o++) {
                int from = base + o * inner;
                int acc = switch (op) { case REDUCE_SUM -> 0; case REDUCE_PROD -> 1; default -> a[from]; };
                for (int j = 0; j < inner; j++) acc = combineInt(op, acc, a[from + j]);
                r[o] = acc;
            }
        } else {
            for (int o = 0; o < outer; o++) {
                int from = base + o * inner;
                double acc = switch (op) { case REDUCE_SUM -> 0.0; case REDUCE_PROD -> 1.0; default -> Storage.readDouble(x.dtype(), src, from); };
                if (x.dtype() == DType.F32 && op == Op.REDUCE_SUM) {
                    float[] a = (float[]) src;
                    for (int j = 0; j < inner; j++) acc += a[from + j];
                } else {
                    for (int j = 0; j < inner; j++) acc = combine(op, acc, Storage.readDouble(x.dtype(), src, from + j));
                }
                Storage.writeDouble(out.dtype(), dst, o, acc);
            }
        }
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    private static boolean leading(int[] axes) {
        for (int i = 0; i < axes.length; i++) if (axes[i] != i) return false;
        return axes.length > 0;
    }

    /**
     * A reduction over the leading axes of a contiguous x, e.g. {@code sum(x, 0)} of a {@code (batch, n)} array: the
     * rows stream through one accumulator row, without the transposed copy {@link #reduce} would make. Each output
     * still combines its inputs in the same order (and in double for floats), so the results are the same.
     */
    private static Tensor reduceLeading(Op op, Tensor x, TensorType out) {
        int outer = out.shape().size(), rows = x.size() / outer, base = x.offset();
        Object src = x.storage(), dst = Storage.allocate(out.dtype(), outer);
        if (x.dtype() == DType.I32) {
            int[] a = (int[]) src, r = (int[]) dst;
            int from = 0;
            if (op == Op.REDUCE_SUM || op == Op.REDUCE_PROD) java.util.Arrays.fill(r, op == Op.REDUCE_SUM ? 0 : 1);
            else { System.arraycopy(a, base, r, 0, outer); from = 1; }
            for (int j = from; j < rows; j++) for (int o = 0; o < outer; o++) r[o] = combineInt(op, r[o], a[base + j * outer + o]);
            return Tensor.wrap(out.dtype(), out.shape(), dst);
        }
        double[] acc = new double[outer];
        int first = 0;
        if (op == Op.REDUCE_SUM || op == Op.REDUCE_PROD) java.util.Arrays.fill(acc, op == Op.REDUCE_SUM ? 0.0 : 1.0);
        else { for (int o = 0; o < outer; o++) acc[o] = Storage.readDouble(x.dtype(), src, base + o); first = 1; }
        if (x.dtype() == DType.F32 && op == Op.REDUCE_SUM) {
            float[] a = (float[]) src;
            for (int j = 0; j < rows; j++) for (int o = 0, p = base + j * outer; o < outer; o++) acc[o] += a[p + o];
        } else {
            for (int j = first; j < rows; j++) for (int o = 0; o < outer; o++) acc[o] = combine(op, acc[o], Storage.readDouble(x.dtype(), src, base + j * outer + o));
        }
        for (int o = 0; o < outer; o++) Storage.writeDouble(out.dtype(), dst, o, acc[o]);
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    static double combine(Op op, double acc, double v) {
        return switch (op) {
            case REDUCE_SUM -> acc + v;
            case REDUCE_PROD -> acc * v;
            case REDUCE_MAX -> Math.max(acc, v);
            case REDUCE_MIN -> Math.min(acc, v);
            default -> throw new IllegalArgumentException(op.label() + ": not a reduction");
        };
    }

    static int combineInt(Op op, int acc, int v) {
        return switch (op) {
            case REDUCE_SUM -> acc + v;
            case REDUCE_PROD -> acc * v;
            case REDUCE_MAX -> Math.max(acc, v);
            case REDUCE_MIN -> Math.min(acc, v);
            default -> throw new IllegalArgumentException(op.label() + ": not a reduction");
        };
    }

    /** ARGMAX / ARGMIN along one axis: first extreme, or first NaN. */
    public static Tensor arg(Op op, Tensor x, int axis, TensorType out) {
        Tensor m = axesLast(x, new int[] {axis}).contiguous();
        int outer = out.shape().size(), inner = x.dim(axis);
        int[] r = new int[outer];
        for (int o = 0; o < outer; o++) {
            int from = m.offset() + o * inner, bi = 0;
            double best = m.readDouble(from);
            for (int j = 1; j < inner && best == best; j++) {
                double v = m.readDouble(from + j);
                if (v != v || (op == Op.ARGMAX ? v > best : v < best)) { best = v; bi = j; }
            }
            r[o] = bi;
        }
        return Tensor.wrap(DType.I32, out.shape(), r);
    }

    /** CUMSUM / CUMPROD along one axis. */
    public static Tensor scan(Op op, Tensor x, int axis, TensorType out) {
        int[] perm = permLast(x.ndim(), new int[] {axis});
        Tensor m = axesLast(x, new int[] {axis}).contiguous();
        int inner = x.dim(axis), outer = inner == 0 ? 0 : x.size() / inner;
        Object dst = Storage.allocate(x.dtype(), x.size());
        boolean sum = op == Op.CUMSUM;
        for (int o = 0; o < outer; o++) {
            int from = m.offset() + o * inner;
            if (x.dtype() == DType.I32) {
                int[] a = (int[]) m.storage(), r = (int[]) dst;
                int acc = sum ? 0 : 1;
                for (int j = 0; j < inner; j++) { acc = sum ? acc + a[from + j] : acc * a[from + j]; r[o * inner + j] = acc; }
            } else {
                double acc = sum ? 0 : 1;
                for (int j = 0; j < inner; j++) {
                    double v = m.readDouble(from + j);
                    acc = sum ? acc + v : acc * v;
                    Storage.writeDouble(x.dtype(), dst, o * inner + j, acc);
                }
            }
        }
        int[] permShape = new int[x.ndim()];
        for (int i = 0; i < perm.length; i++) permShape[i] = x.dim(perm[i]);
        Tensor moved = Tensor.wrap(x.dtype(), Shape.of(permShape), dst);
        int[] inv = new int[perm.length];
        for (int i = 0; i < perm.length; i++) inv[perm[i]] = i;
        return ShapeKernels.transpose(moved, inv, out);
    }

    /** A view of {@code x} with {@code axes} (sorted) moved to the end, other axes in order. */
    static Tensor axesLast(Tensor x, int[] axes) {
        int[] perm = permLast(x.ndim(), axes);
        int[] d = new int[perm.length];
        for (int i = 0; i < perm.length; i++) d[i] = x.dim(perm[i]);
        return ShapeKernels.transpose(x, perm, new TensorType(x.dtype(), Shape.of(d)));
    }

    static int[] permLast(int rank, int[] axes) {
        int[] perm = new int[rank];
        int k = 0;
        boolean[] moved = new boolean[rank];
        for (int a : axes) moved[a] = true;
        for (int i = 0; i < rank; i++) if (!moved[i]) perm[k++] = i;
        for (int a : axes) perm[k++] = a;
        return perm;
    }
}
