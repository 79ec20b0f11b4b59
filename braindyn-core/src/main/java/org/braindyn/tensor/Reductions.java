package org.braindyn.tensor;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * Reductions with NumPy's {@code axis}/{@code keepdims}: no axes means all axes. Sums of bool count trues
 * (int32); {@code mean}, {@code var} and {@code std} of integers are float. Part of {@link BM}.
 */
public class Reductions extends ShapeOps {
    protected Reductions() {}

    static Attr.Axes axes(Tensor x, int[] axes, boolean keepDims, String who) {
        int[] a;
        if (axes.length == 0) {
            a = new int[x.ndim()];
            for (int i = 0; i < a.length; i++) a[i] = i;
        } else {
            a = new int[axes.length];
            for (int i = 0; i < a.length; i++) a[i] = Shape.normalizeAxis(axes[i], x.ndim(), who);
            for (int i = 0; i < a.length; i++) for (int j = 0; j < i; j++)
                if (a[i] == a[j]) throw new IllegalArgumentException(who + ": duplicate axis " + axes[i]);
        }
        return new Attr.Axes(a, keepDims);
    }

    private static Tensor numeric(Tensor x) { return x.dtype() == DType.BOOL ? astype(x, DType.I32) : x; }

    /** Sum over {@code axes} (all when none). */
    public static Tensor sum(Tensor x, int... axes) { return sum(x, false, axes); }
    /** Sum, keeping reduced axes with extent 1 when {@code keepDims}. */
    public static Tensor sum(Tensor x, boolean keepDims, int... axes) { return Prims.bind(Op.REDUCE_SUM, axes(x, axes, keepDims, "sum"), numeric(x)); }
    /** Product. */
    public static Tensor prod(Tensor x, int... axes) { return prod(x, false, axes); }
    /** Product with keepdims. */
    public static Tensor prod(Tensor x, boolean keepDims, int... axes) { return Prims.bind(Op.REDUCE_PROD, axes(x, axes, keepDims, "prod"), numeric(x)); }
    /** Maximum (NaN-propagating). */
    public static Tensor max(Tensor x, int... axes) { return max(x, false, axes); }
    /** Maximum with keepdims. */
    public static Tensor max(Tensor x, boolean keepDims, int... axes) { return Prims.bind(Op.REDUCE_MAX, axes(x, axes, keepDims, "max"), x); }
    /** Minimum (NaN-propagating). */
    public static Tensor min(Tensor x, int... axes) { return min(x, false, axes); }
    /** Minimum with keepdims. */
    public static Tensor min(Tensor x, boolean keepDims, int... axes) { return Prims.bind(Op.REDUCE_MIN, axes(x, axes, keepDims, "min"), x); }

    /** Arithmetic mean (float). */
    public static Tensor mean(Tensor x, int... axes) { return mean(x, false, axes); }
    /** Mean with keepdims. */
    public static Tensor mean(Tensor x, boolean keepDims, int... axes) {
        Attr.Axes ax = axes(x, axes, keepDims, "mean");
        int n = 1;
        for (int a : ax.axes()) n *= x.dim(a);
        return divide(Prims.bind(Op.REDUCE_SUM, ax, toFloat(x)), (double) n);
    }

    /** Variance with {@code ddof} delta degrees of freedom (NumPy default 0). */
    public static Tensor var(Tensor x, int ddof, boolean keepDims, int... axes) {
        Attr.Axes ax = axes(x, axes, keepDims, "var");
        int n = 1;
        for (int a : ax.axes()) n *= x.dim(a);
        Tensor xf = toFloat(x);
        Tensor d = subtract(xf, mean(xf, true, ax.axes()));
        return divide(sum(multiply(d, d), keepDims, ax.axes()), (double) (n - ddof));
    }
    /** Population variance. */
    public static Tensor var(Tensor x, int... axes) { return var(x, 0, false, axes); }
    /** Standard deviation with {@code ddof}. */
    public static Tensor std(Tensor x, int ddof, boolean keepDims, int... axes) { return sqrt(var(x, ddof, keepDims, axes)); }
    /** Population standard deviation. */
    public static Tensor std(Tensor x, int... axes) { return std(x, 0, false, axes); }

    /** Index of the maximum along {@code axis} (first one; first NaN wins). */
    public static Tensor argmax(Tensor x, int axis) { return Prims.bind(Op.ARGMAX, new Attr.Axis(Shape.normalizeAxis(axis, x.ndim(), "argmax")), x); }
    /** Index of the maximum of the flattened tensor. */
    public static Tensor argmax(Tensor x) { return argmax(flatten(x), 0); }
    /** Index of the minimum along {@code axis}. */
    public static Tensor argmin(Tensor x, int axis) { return Prims.bind(Op.ARGMIN, new Attr.Axis(Shape.normalizeAxis(axis, x.ndim(), "argmin")), x); }
    /** Index of the minimum of the flattened tensor. */
    public static Tensor argmin(Tensor x) { return argmin(flatten(x), 0); }

    /** True if any element (along axes) is non-zero; false for empty input. */
    public static Tensor any(Tensor x, int... axes) { return greater(sum(astype(truth(x), DType.I32), axes), 0); }
    /** True if all elements (along axes) are non-zero; true for empty input. */
    public static Tensor all(Tensor x, int... axes) { return equal(sum(astype(logicalNot(x), DType.I32), axes), 0); }

    /** Cumulative sum along {@code axis}. */
    public static Tensor cumsum(Tensor x, int axis) { return Prims.bind(Op.CUMSUM, new Attr.Axis(Shape.normalizeAxis(axis, x.ndim(), "cumsum")), numeric(x)); }
    /** Cumulative sum of the flattened tensor. */
    public static Tensor cumsum(Tensor x) { return cumsum(flatten(x), 0); }
    /** Cumulative product along {@code axis}. */
    public static Tensor cumprod(Tensor x, int axis) { return Prims.bind(Op.CUMPROD, new Attr.Axis(Shape.normalizeAxis(axis, x.ndim(), "cumprod")), numeric(x)); }
    /** Cumulative product of the flattened tensor. */
    public static Tensor cumprod(Tensor x) { return cumprod(flatten(x), 0); }

    /** {@code log Σ exp(x)} over axes, computed stably by shifting by the maximum. */
    public static Tensor logsumexp(Tensor x, int... axes) { return logsumexp(x, false, axes); }
    /** logsumexp with keepdims. */
    public static Tensor logsumexp(Tensor x, boolean keepDims, int... axes) {
        Tensor xf = toFloat(x);
        Tensor m = max(xf, true, axes);
        Tensor mSafe = where(isfinite(m), m, zerosLike(m));
        Tensor s = log(sum(exp(subtract(xf, mSafe)), true, axes));
        Tensor r = add(s, mSafe);
        return keepDims ? r : squeeze(r, axes(xf, axes, true, "logsumexp").axes());
    }
}
