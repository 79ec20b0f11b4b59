package org.braindyn.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * Shape manipulation: reshape, transpose, broadcast, squeeze/expand, concatenate/stack/split, flip, repeat, tile,
 * pad. Reshape, transpose, broadcast, squeeze, expand and flip are views. Part of {@link BM}.
 */
public class ShapeOps extends Elementwise {
    protected ShapeOps() {}

    /** Reshape; one extent may be {@code -1} (inferred). A view when strides allow. */
    public static Tensor reshape(Tensor x, int... shape) {
        int[] s = shape.clone();
        int infer = -1, known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) throw new IllegalArgumentException("reshape: only one extent may be -1; got " + Arrays.toString(shape));
                infer = i;
            } else known *= s[i];
        }
        if (infer >= 0) {
            if (known == 0 || x.size() % known != 0)
                throw new IllegalArgumentException("reshape: cannot reshape " + x.shape() + " (" + x.size() + " elements) to " + Arrays.toString(shape));
            s[infer] = x.size() / known;
        }
        Shape to = Shape.of(s);
        return to.equals(x.shape()) ? x : Prims.bind(Op.RESHAPE, new Attr.ToShape(to), x);
    }

    /** A 1-D view or copy of all elements in C order. */
    public static Tensor flatten(Tensor x) { return reshape(x, -1); }

    /** Alias of {@link #flatten}. */
    public static Tensor ravel(Tensor x) { return flatten(x); }

    /** Broadcast view to {@code shape}. */
    public static Tensor broadcastTo(Tensor x, int... shape) {
        Shape to = Shape.of(shape);
        return to.equals(x.shape()) ? x : Prims.bind(Op.BROADCAST, new Attr.ToShape(to), x);
    }

    /** Broadcasts several tensors to their common shape. */
    public static Tensor[] broadcastArrays(Tensor... xs) {
        Shape s = Shape.SCALAR;
        for (Tensor x : xs) s = Shape.broadcast(s, x.shape());
        Tensor[] out = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) out[i] = broadcastTo(xs[i], s.toArray());
        return out;
    }

    /** Permutes axes; with no arguments, reverses them (NumPy {@code x.T}). */
    public static Tensor transpose(Tensor x, int... axes) {
        int r = x.ndim();
        int[] p = new int[r];
        if (axes.length == 0) for (int i = 0; i < r; i++) p[i] = r - 1 - i;
        else {
            if (axes.length != r) throw new IllegalArgumentException("transpose: axes " + Arrays.toString(axes) + " do not match rank " + r);
            for (int i = 0; i < r; i++) p[i] = Shape.normalizeAxis(axes[i], r, "transpose");
        }
        boolean identity = true;
        for (int i = 0; i < r; i++) identity &= p[i] == i;
        return identity ? x : Prims.bind(Op.TRANSPOSE, new Attr.Perm(p), x);
    }

    /** Swaps two axes. */
    public static Tensor swapaxes(Tensor x, int a, int b) {
        int[] p = new int[x.ndim()];
        for (int i = 0; i < p.length; i++) p[i] = i;
        a = Shape.normalizeAxis(a, p.length, "swapaxes");
        b = Shape.normalizeAxis(b, p.length, "swapaxes");
        p[a] = b;
        p[b] = a;
        return transpose(x, p);
    }

    /** Inserts an axis of extent 1 at {@code axis} (may be negative, counting in the result's rank). */
    public static Tensor expandDims(Tensor x, int axis) {
        int a = Shape.normalizeAxis(axis, x.ndim() + 1, "expandDims");
        int[] d = new int[x.ndim() + 1];
        for (int i = 0, k = 0; i < d.length; i++) d[i] = i == a ? 1 : x.dim(k++);
        return reshape(x, d);
    }

    /** Removes the given axes of extent 1, or all of them when none are given. */
    public static Tensor squeeze(Tensor x, int... axes) {
        boolean[] drop = new boolean[x.ndim()];
        if (axes.length == 0) for (int i = 0; i < drop.length; i++) drop[i] = x.dim(i) == 1;
        for (int a : axes) {
            int n = Shape.normalizeAxis(a, x.ndim(), "squeeze");
            if (x.dim(n) != 1) throw new IllegalArgumentException("squeeze: axis " + a + " has extent " + x.dim(n) + " in " + x.shape() + "; expected 1");
            drop[n] = true;
        }
        List<Integer> d = new ArrayList<>();
        for (int i = 0; i < drop.length; i++) if (!drop[i]) d.add(x.dim(i));
        return reshape(x, d.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Joins tensors along an existing axis (dtypes promote). */
    public static Tensor concatenate(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("concatenate: needs at least one tensor");
        DType t = xs[0].dtype();
        for (Tensor x : xs) t = DType.promote(t, x.dtype());
        Tensor[] c = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) c[i] = astype(xs[i], t);
        int a = Shape.normalizeAxis(axis, xs[0].ndim(), "concatenate");
        return xs.length == 1 ? c[0] : Prims.bind(Op.CONCAT, new Attr.Axis(a), c);
    }

    /** Joins along axis 0. */
    public static Tensor concatenate(Tensor... xs) { return concatenate(0, xs); }

    /** Joins 1-D tensors end to end, or higher ones along axis 1 (NumPy {@code hstack}). */
    public static Tensor hstack(Tensor... xs) { return concatenate(xs[0].ndim() == 1 ? 0 : 1, xs); }

    /** Stacks rows (NumPy {@code vstack}). */
    public static Tensor vstack(Tensor... xs) {
        Tensor[] r = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) r[i] = xs[i].ndim() == 1 ? reshape(xs[i], 1, -1) : xs[i];
        return concatenate(0, r);
    }

    /** Joins tensors of equal shape along a new axis. */
    public static Tensor stack(int axis, Tensor... xs) {
        if (xs.length == 0) throw new IllegalArgumentException("stack: needs at least one tensor");
        Tensor[] e = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].shape().equals(xs[0].shape()))
                throw new IllegalArgumentException("stack: all tensors must share a shape; got " + xs[0].shape() + " and " + xs[i].shape() + " at position " + i);
            e[i] = expandDims(xs[i], axis);
        }
        return concatenate(Shape.normalizeAxis(axis, xs[0].ndim() + 1, "stack"), e);
    }

    /** Stacks along a new axis 0. */
    public static Tensor stack(Tensor... xs) { return stack(0, xs); }

    /** Splits into {@code sections} equal parts along {@code axis} (views). */
    public static Tensor[] split(Tensor x, int sections, int axis) {
        int a = Shape.normalizeAxis(axis, x.ndim(), "split");
        if (sections <= 0 || x.dim(a) % sections != 0)
            throw new IllegalArgumentException("split: axis " + axis + " of extent " + x.dim(a) + " does not divide into " + sections + " equal sections");
        int len = x.dim(a) / sections;
        int[] at = new int[sections - 1];
        for (int i = 1; i < sections; i++) at[i - 1] = i * len;
        return splitAt(x, at, a);
    }

    /** Splits before each of the given indices along {@code axis} (views). */
    public static Tensor[] splitAt(Tensor x, int[] indices, int axis) {
        int a = Shape.normalizeAxis(axis, x.ndim(), "split");
        Tensor[] out = new Tensor[indices.length + 1];
        int from = 0;
        for (int i = 0; i <= indices.length; i++) {
            int to = i < indices.length ? Math.min(indices[i], x.dim(a)) : x.dim(a);
            out[i] = sliceAxis(x, a, from, Math.max(from, to), 1);
            from = Math.max(from, to);
        }
        return out;
    }

    /** The elements {@code from, from+step, …} (before {@code to}) of one axis, as a view. */
    public static Tensor sliceAxis(Tensor x, int axis, int from, int to, int step) {
        int r = x.ndim();
        int[] start = new int[r], st = new int[r], cnt = x.shape().toArray();
        Arrays.fill(st, 1);
        int n = step > 0 ? Math.max(0, (to - from + step - 1) / step) : Math.max(0, (from - to - step - 1) / -step);
        start[axis] = n == 0 ? 0 : from;
        st[axis] = step;
        cnt[axis] = n;
        return Prims.bind(Op.SLICE, new Attr.Slice(start, st, cnt), x);
    }

    /** Reverses the order along the given axes (all when none given); a view. */
    public static Tensor flip(Tensor x, int... axes) {
        int r = x.ndim();
        int[] start = new int[r], st = new int[r], cnt = x.shape().toArray();
        Arrays.fill(st, 1);
        boolean[] f = new boolean[r];
        if (axes.length == 0) Arrays.fill(f, true);
        for (int a : axes) f[Shape.normalizeAxis(a, r, "flip")] = true;
        for (int a = 0; a < r; a++) if (f[a] && cnt[a] > 0) { start[a] = cnt[a] - 1; st[a] = -1; }
        return Prims.bind(Op.SLICE, new Attr.Slice(start, st, cnt), x);
    }

    /** Repeats each element {@code repeats} times along {@code axis} (NumPy {@code repeat}). */
    public static Tensor repeat(Tensor x, int repeats, int axis) {
        int a = Shape.normalizeAxis(axis, x.ndim(), "repeat");
        int[] d = x.shape().toArray();
        int[] e = new int[d.length + 1];
        for (int i = 0, k = 0; i < e.length; i++) e[i] = i == a + 1 ? repeats : d[k++];
        Tensor b = broadcastTo(expandDims(x, a + 1), e);
        d[a] *= repeats;
        return reshape(b, d);
    }

    /** Repeats the flattened tensor elementwise (NumPy {@code repeat} without axis). */
    public static Tensor repeat(Tensor x, int repeats) { return repeat(flatten(x), repeats, 0); }

    /** Tiles {@code x} {@code reps[i]} times along each axis (NumPy {@code tile}). */
    public static Tensor tile(Tensor x, int... reps) {
        int r = Math.max(x.ndim(), reps.length);
        int[] d = new int[r], rp = new int[r];
        for (int i = 0; i < r; i++) {
            d[i] = i < r - x.ndim() ? 1 : x.dim(i - (r - x.ndim()));
            rp[i] = i < r - reps.length ? 1 : reps[i - (r - reps.length)];
        }
        Tensor y = reshape(x, d);
        int[] inter = new int[2 * r], expanded = new int[2 * r], fin = new int[r];
        for (int i = 0; i < r; i++) {
            inter[2 * i] = 1; inter[2 * i + 1] = d[i];
            expanded[2 * i] = rp[i]; expanded[2 * i + 1] = d[i];
            fin[i] = rp[i] * d[i];
        }
        return reshape(broadcastTo(reshape(y, inter), expanded), fin);
    }

    /** Constant padding with {@code value}; {@code widths[a] = {before, after}} per axis. */
    public static Tensor pad(Tensor x, int[][] widths, double value) {
        if (widths.length != x.ndim())
            throw new IllegalArgumentException("pad: " + widths.length + " width pairs for rank " + x.ndim() + "; expected one {before, after} per axis");
        int[] lo = new int[x.ndim()], hi = new int[x.ndim()];
        for (int a = 0; a < lo.length; a++) { lo[a] = widths[a][0]; hi[a] = widths[a][1]; }
        return Prims.bind(Op.PAD, new Attr.Pad(lo, hi, value), x);
    }

    /** Zero padding of {@code before} and {@code after} on every axis. */
    public static Tensor pad(Tensor x, int before, int after) {
        int[][] w = new int[x.ndim()][];
        for (int a = 0; a < w.length; a++) w[a] = new int[] {before, after};
        return pad(x, w, 0);
    }
}
