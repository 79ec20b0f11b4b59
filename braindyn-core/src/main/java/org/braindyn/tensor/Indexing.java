package org.braindyn.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * NumPy indexing: basic indices (integers, slices, new axes, ellipsis) give views; integer arrays and boolean
 * masks gather. Functional updates ({@code at(x, idx).set(v)}, {@code .add(v)}) return a new tensor, the same
 * positions being found by indexing an iota of {@code x}'s shape. Part of {@link BM}.
 */
public class Indexing extends LinearOps {
    protected Indexing() {}

    /** {@code x[idx…]}. */
    public static Tensor get(Tensor x, Index... idx) {
        List<Index> ix = expandEllipsis(x, idx);
        int r = x.ndim();
        int[] start = new int[r], step = new int[r], count = new int[r];
        List<Integer> outDims = new ArrayList<>();
        List<int[]> adv = new ArrayList<>();          // {position in result of basic pass, index into ix}
        int axis = 0;
        for (int k = 0; k < ix.size(); k++) {
            Index i = ix.get(k);
            switch (i) {
                case Index.NewAxis n -> outDims.add(1);
                case Index.At at -> {
                    int d = x.dim(axis), j = at.index() < 0 ? at.index() + d : at.index();
                    if (j < 0 || j >= d) throw new IndexOutOfBoundsException("index " + at.index() + " is out of bounds for axis " + axis + " with size " + d);
                    start[axis] = j; step[axis] = 1; count[axis] = 1;
                    axis++;
                }
                case Index.Range rg -> {
                    int[] n = normalize(rg, x.dim(axis));
                    start[axis] = n[0]; step[axis] = n[1]; count[axis] = n[2];
                    outDims.add(n[2]);
                    axis++;
                }
                case Index.Take t -> {
                    start[axis] = 0; step[axis] = 1; count[axis] = x.dim(axis);
                    adv.add(new int[] {outDims.size(), k});
                    outDims.add(x.dim(axis));
                    axis++;
                }
                case Index.Mask m -> {
                    for (int q = 0; q < m.mask().ndim(); q++) {
                        if (m.mask().dim(q) != x.dim(axis))
                            throw new IndexOutOfBoundsException("boolean index of shape " + m.mask().shape() + " does not match axis " + axis + " of extent " + x.dim(axis));
                        start[axis] = 0; step[axis] = 1; count[axis] = x.dim(axis);
                        if (q == 0) adv.add(new int[] {outDims.size(), k});
                        outDims.add(x.dim(axis));
                        axis++;
                    }
                }
                case Index.Ellipsis e -> throw new IllegalStateException("unreachable");
            }
        }
        for (; axis < r; axis++) { start[axis] = 0; step[axis] = 1; count[axis] = x.dim(axis); outDims.add(x.dim(axis)); }
        boolean trivial = true;
        for (int a = 0; a < r; a++) trivial &= start[a] == 0 && step[a] == 1 && count[a] == x.dim(a);
        Tensor y = trivial ? x : Prims.bind(Op.SLICE, new Attr.Slice(start, step, count), x);
        y = reshape(y, outDims.stream().mapToInt(Integer::intValue).toArray());
        return adv.isEmpty() ? y : advanced(y, ix, adv);
    }

    /** Gathers for the integer-array and mask entries, NumPy's placement rule included. */
    private static Tensor advanced(Tensor y, List<Index> ix, List<int[]> adv) {
        List<Tensor> idx = new ArrayList<>();
        List<Integer> axes = new ArrayList<>();
        for (int[] a : adv) {
            Index i = ix.get(a[1]);
            if (i instanceof Index.Take t) { idx.add(t.indices()); axes.add(a[0]); }
            else {
                Tensor m = ((Index.Mask) i).mask();
                Tensor[] nz = nonzero(m);
                for (int q = 0; q < nz.length; q++) { idx.add(nz[q]); axes.add(a[0] + q); }
            }
        }
        boolean adjacent = true;
        for (int q = 1; q < axes.size(); q++) adjacent &= axes.get(q) == axes.get(q - 1) + 1;
        // move the advanced axes to the front (NumPy puts them there unless adjacent), merge, gather once
        int r = y.ndim();
        int[] perm = new int[r];
        int k = 0;
        for (int a : axes) perm[k++] = a;
        for (int a = 0; a < r; a++) if (!axes.contains(a)) perm[k++] = a;
        Tensor moved = transpose(y, perm);
        Tensor[] b = broadcastArrays(idx.toArray(Tensor[]::new));
        Tensor flat = zeros(b[0].shape(), DType.I32);
        int merged = 1;
        for (int q = 0; q < axes.size(); q++) {
            int d = y.dim(axes.get(q));
            Tensor iq = where(less(b[q], 0), add(b[q], d), b[q]);
            checkRange(iq, d, axes.get(q));
            flat = add(multiply(flat, (double) d), iq);
            merged *= d;
        }
        int[] rest = new int[r - axes.size() + 1];
        rest[0] = merged;
        for (int a = axes.size(); a < r; a++) rest[a - axes.size() + 1] = moved.dim(a);
        Tensor g = Prims.bind(Op.GATHER, new Attr.Axis(0), reshape(moved, rest), flat);
        if (!adjacent || axes.get(0) == 0) return g;
        // adjacent advanced axes go back to where the first of them was
        int first = axes.get(0), ir = b[0].ndim(), gr = g.ndim();
        int[] back = new int[gr];
        int p = 0;
        for (int a = 0; a < first; a++) back[p++] = ir + a;
        for (int a = 0; a < ir; a++) back[p++] = a;
        for (int a = ir + first; a < gr; a++) back[p++] = a;
        return transpose(g, back);
    }

    private static void checkRange(Tensor i, int d, int axis) {
        int[] v = i.toIntArray();
        for (int j : v) if (j < 0 || j >= d)
            throw new IndexOutOfBoundsException("index " + (j < 0 ? j - d : j) + " is out of bounds for axis " + axis + " with size " + d);
    }

    /** Indices of the non-zero elements, one int32 vector per axis (NumPy {@code nonzero}). */
    public static Tensor[] nonzero(Tensor x) {
        boolean[] m = x.toBoolArray();
        int n = 0;
        for (boolean b : m) if (b) n++;
        int r = Math.max(1, x.ndim());
        int[][] out = new int[r][n];
        int[] dims = x.ndim() == 0 ? new int[] {1} : x.shape().toArray();
        for (int f = 0, k = 0; f < m.length; f++) {
            if (!m[f]) continue;
            int rem = f;
            for (int a = r - 1; a >= 0; a--) { out[a][k] = rem % dims[a]; rem /= dims[a]; }
            k++;
        }
        Tensor[] t = new Tensor[r];
        for (int a = 0; a < r; a++) t[a] = Tensor.wrap(DType.I32, Shape.of(n), out[a]);
        return t;
    }

    /** NumPy {@code take(x, indices, axis)}. */
    public static Tensor take(Tensor x, Tensor indices, int axis) {
        return Prims.bind(Op.GATHER, new Attr.Axis(Shape.normalizeAxis(axis, x.ndim(), "take")), x, astype(indices, DType.I32));
    }

    /** A copy of {@code x} with {@code updates} added at {@code indices} along {@code axis}; duplicates accumulate. */
    public static Tensor scatterAdd(Tensor x, Tensor indices, Tensor updates, int axis) { return scatterOp(Op.SCATTER_ADD, x, indices, updates, axis, "scatterAdd"); }

    /**
     * A copy of {@code x} with {@code updates} written at {@code indices} along {@code axis} (the inverse of
     * {@link #take}; for repeated indices the last write wins). With a scalar index it replaces one slice:
     * {@code scatter(hist, scalar(3), row, 0)} is {@code hist} with row 3 set to {@code row}; inside a compiled loop
     * that writes a loop carry, it updates the carry in place.
     */
    public static Tensor scatter(Tensor x, Tensor indices, Tensor updates, int axis) { return scatterOp(Op.SCATTER, x, indices, updates, axis, "scatter"); }

    private static Tensor scatterOp(Op op, Tensor x, Tensor indices, Tensor updates, int axis, String name) {
        int a = Shape.normalizeAxis(axis, x.ndim(), name);
        int[] want = new int[x.ndim() - 1 + indices.ndim()];
        int k = 0;
        for (int i = 0; i < a; i++) want[k++] = x.dim(i);
        for (int i = 0; i < indices.ndim(); i++) want[k++] = indices.dim(i);
        for (int i = a + 1; i < x.ndim(); i++) want[k++] = x.dim(i);
        return Prims.bind(op, new Attr.Axis(a), x, astype(indices, DType.I32), astype(broadcastTo(updates, want), x.dtype()));
    }

    /** The diagonal {@code k} of a matrix (1-D result), or a square matrix with {@code v} on diagonal {@code k} (NumPy {@code diag}). */
    public static Tensor diag(Tensor v, int k) {
        if (v.ndim() == 1) {
            int n = v.dim(0) + Math.abs(k);
            Tensor rows = add(arange(v.dim(0)), (double) Math.max(0, -k)), cols = add(arange(v.dim(0)), (double) Math.max(0, k));
            return at(zeros(Shape.of(n, n), v.dtype()), Index.take(rows), Index.take(cols)).set(v);
        }
        if (v.ndim() != 2) throw new IllegalArgumentException("diag: needs a vector or a matrix; got shape " + v.shape());
        int len = Math.max(0, Math.min(v.dim(0) - Math.max(0, -k), v.dim(1) - Math.max(0, k)));
        Tensor rows = add(arange(len), (double) Math.max(0, -k)), cols = add(arange(len), (double) Math.max(0, k));
        return get(v, Index.take(rows), Index.take(cols));
    }

    /** The main diagonal of a matrix, or the diagonal matrix of a vector. */
    public static Tensor diag(Tensor v) { return diag(v, 0); }

    /** Sum of the main diagonal. */
    public static Tensor trace(Tensor m) { return sum(diag(m, 0)); }

    /** A copy of matrix {@code m} with its main diagonal set to {@code value} (functional {@code fill_diagonal}). */
    public static Tensor fillDiagonal(Tensor m, double value) {
        if (m.ndim() != 2) throw new IllegalArgumentException("fillDiagonal: needs a matrix; got shape " + m.shape());
        Tensor i = arange(Math.min(m.dim(0), m.dim(1)));
        return at(m, Index.take(i), Index.take(i)).set(value);
    }

    /** Lower triangle of a matrix: elements above diagonal {@code k} set to zero. */
    public static Tensor tril(Tensor m, int k) { return where(greaterEqual(add(reshape(arange(m.dim(-2)), -1, 1), (double) k), arange(m.dim(-1))), m, zerosLike(m)); }

    /** Upper triangle of a matrix: elements below diagonal {@code k} set to zero. */
    public static Tensor triu(Tensor m, int k) { return where(lessEqual(add(reshape(arange(m.dim(-2)), -1, 1), (double) k), arange(m.dim(-1))), m, zerosLike(m)); }

    /** Functional updates at an index: {@code at(x, idx).set(v)} / {@code .add(v)} (JAX's {@code x.at[idx]}). */
    public static At at(Tensor x, Index... idx) { return new At(x, idx); }

    /** The positions an index selects, for functional updates. */
    public record At(Tensor x, Index[] idx) {
        private Tensor positions() {
            Tensor iota = reshape(arange(x.size()), x.shape().toArray());
            return Indexing.get(iota, idx);
        }

        private Tensor apply(Op op, Tensor v) {
            Tensor pos = positions();
            Tensor u = astype(broadcastTo(v, pos.shape().toArray()), x.dtype());
            Tensor r = Prims.bind(op, new Attr.Axis(0), flatten(x), flatten(pos), flatten(u));
            return reshape(r, x.shape().toArray());
        }

        /** A copy of {@code x} with the indexed elements replaced by {@code v} (broadcast, cast to x's dtype). */
        public Tensor set(Tensor v) { return apply(Op.SCATTER, v); }
        /** Replaces the indexed elements by a scalar. */
        public Tensor set(double v) { return set(scalar(v, x.dtype())); }
        /** A copy of {@code x} with {@code v} added at the indexed elements (repeated positions accumulate). */
        public Tensor add(Tensor v) { return apply(Op.SCATTER_ADD, v); }
        /** Adds a scalar at the indexed elements. */
        public Tensor add(double v) { return add(scalar(v, x.dtype())); }
        /** The indexed elements ({@code x[idx]}). */
        public Tensor get() { return Indexing.get(x, idx); }
    }

    private static List<Index> expandEllipsis(Tensor x, Index[] idx) {
        int consumed = 0, ell = -1;
        for (int k = 0; k < idx.length; k++) {
            switch (idx[k]) {
                case Index.At a -> consumed++;
                case Index.Range r -> consumed++;
                case Index.Take t -> consumed++;
                case Index.Mask m -> consumed += Math.max(1, m.mask().ndim());
                case Index.NewAxis n -> { }
                case Index.Ellipsis e -> {
                    if (ell >= 0) throw new IllegalArgumentException("an index can only have a single ellipsis ('...')");
                    ell = k;
                }
            }
        }
        if (consumed > x.ndim())
            throw new IndexOutOfBoundsException("too many indices for tensor of shape " + x.shape() + ": " + consumed + " were indexed");
        List<Index> out = new ArrayList<>(Arrays.asList(idx));
        if (ell >= 0) {
            out.remove(ell);
            for (int q = 0; q < x.ndim() - consumed; q++) out.add(ell, Index.all());
        }
        return out;
    }

    /** Python slice semantics: {start, step, count} within extent {@code n}. */
    static int[] normalize(Index.Range r, int n) {
        int step = r.step();
        int start, stop;
        if (step > 0) {
            start = r.start() == null ? 0 : clamp(r.start() < 0 ? r.start() + n : r.start(), 0, n);
            stop = r.stop() == null ? n : clamp(r.stop() < 0 ? r.stop() + n : r.stop(), 0, n);
            int c = Math.max(0, (stop - start + step - 1) / step);
            return new int[] {c == 0 ? 0 : start, step, c};
        }
        start = r.start() == null ? n - 1 : clamp(r.start() < 0 ? r.start() + n : r.start(), -1, n - 1);
        stop = r.stop() == null ? -1 : clamp(r.stop() < 0 ? r.stop() + n : r.stop(), -1, n - 1);
        int c = Math.max(0, (start - stop - step - 1) / -step);
        return new int[] {c == 0 ? 0 : start, step, c};
    }

    private static int clamp(int v, int lo, int hi) { return Math.max(lo, Math.min(hi, v)); }
}
