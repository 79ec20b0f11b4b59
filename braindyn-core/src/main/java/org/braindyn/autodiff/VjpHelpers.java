package org.braindyn.autodiff;

import static org.braindyn.tensor.BM.*;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** The longer vector-Jacobian products: zero-safe product, strided slice, scatter, and the CSR operators. */
final class VjpHelpers {
    private VjpHelpers() {}

    /** Product reduction: each element's cotangent is the product of the others (exclusive prefix × suffix products, no division). */
    static Tensor prodVjp(Tensor x, Tensor g, Attr.Axes ax) {
        int r = x.ndim();
        int[] perm = new int[r];
        int k = 0, n = 1;
        for (int a = 0; a < r; a++) if (!ax.contains(a)) perm[k++] = a;
        for (int a : ax.axes()) { perm[k++] = a; n *= x.dim(a); }
        Tensor xt = x.transpose(perm);
        int[] permShape = xt.shape().toArray();
        Tensor flat = xt.reshape(-1, n);
        Tensor ones = onesLike(sliceAxis(flat, 1, 0, 1, 1));
        Tensor left = cumprod(concatenate(1, ones, sliceAxis(flat, 1, 0, n - 1, 1)), 1);
        Tensor right = flip(cumprod(flip(concatenate(1, sliceAxis(flat, 1, 1, n, 1), ones), 1), 1), 1);
        Tensor gx = g.reshape(-1, 1).mul(left.mul(right));
        int[] inv = new int[r];
        for (int i = 0; i < r; i++) inv[perm[i]] = i;
        return gx.reshape(permShape).transpose(inv);
    }

    /**
     * Cumulative product along {@code axis} without division: {@code x̄ᵢ = Lᵢ · Sᵢ} with the exclusive prefix product
     * {@code Lᵢ = Π_{j<i} xⱼ} and the reverse recurrence {@code Sᵢ = gᵢ + x_{i+1} · S_{i+1}} (one slice per step).
     */
    static Tensor cumprodVjp(Tensor x, Tensor g, int axis) {
        int n = x.dim(axis);
        if (n == 0) return zerosLike(g);
        Tensor ones = onesLike(sliceAxis(x, axis, 0, 1, 1));
        Tensor left = cumprod(concatenate(axis, ones, sliceAxis(x, axis, 0, n - 1, 1)), axis);
        Tensor[] s = new Tensor[n];
        s[n - 1] = sliceAxis(g, axis, n - 1, n, 1);
        for (int i = n - 2; i >= 0; i--)
            s[i] = sliceAxis(g, axis, i, i + 1, 1).add(sliceAxis(x, axis, i + 1, i + 2, 1).mul(s[i + 1]));
        return left.mul(concatenate(axis, s));
    }

    /** Strided slice: the cotangent placed back at the sliced positions of a zero tensor of {@code x}'s shape. */
    static Tensor sliceVjp(Tensor g, Tensor x, Attr.Slice s) {
        if (g.size() == 0) return zerosLike(x).astype(g.dtype());
        Tensor r = g;
        for (int a = 0; a < x.ndim(); a++) {
            int c = s.count()[a], step = s.step()[a], start = s.start()[a];
            if (step < 0) {
                r = flip(r, a);
                start = start + (c - 1) * step;
                step = -step;
            }
            if (step > 1) {                         // interleave step-1 zeros after each element
                int[] e = r.shape().toArray();
                Tensor ex = r.expandDims(a + 1);
                int[] zs = ex.shape().toArray();
                zs[a + 1] = step - 1;
                Tensor dil = concatenate(a + 1, ex, zeros(Shape.of(zs), r.dtype()));
                e[a] = c * step;
                r = sliceAxis(dil.reshape(e), a, 0, (c - 1) * step + 1, 1);
            }
            int len = r.dim(a);
            int[][] w = new int[r.ndim()][2];
            w[a][0] = start;
            w[a][1] = x.dim(a) - start - len;
            r = pad(r, w, 0);
        }
        return r;
    }

    /** A copy of {@code x} with {@code upd} written at {@code idx} along {@code axis} (last write wins). */
    static Tensor scatterSet(Tensor x, Tensor idx, Tensor upd, int axis) {
        return Prims.bind(Op.SCATTER, new Attr.Axis(axis), x, idx, upd);
    }

    /** Row index of every synapse of a CSR structure. */
    static Tensor rowIds(Tensor indptr, Tensor indices, int rows, int cols) {
        return Prims.bind(Op.PRE_GATHER, new Attr.Csr(rows, cols, false), indptr, indices, arange(rows));
    }

    static Tensor preGatherVjp(Tensor indptr, Tensor g, Attr.Csr c) {
        Tensor ids = rowIds(indptr, zeros(Shape.of(g.size()), DType.I32), c.rows(), c.cols());
        return segmentSum(g, ids, c.rows());
    }

    /** Cotangents of the CSR operators {@code (indptr, indices, data, x)}: data per synapse (or summed when scalar) and x. */
    static Tensor[] csrVjp(Op op, Attr.Csr c, Tensor[] in, Tensor g) {
        Tensor indptr = in[0], indices = in[1], data = in[2], x = in[3];
        Tensor rows = rowIds(indptr, indices, c.rows(), c.cols());
        boolean t = c.transpose();
        Tensor perSyn;
        Tensor gx;
        Tensor dataF = data.dtype().isFloating() ? data : data.astype(g.dtype());
        if (op == Op.CSR_MATMAT) {
            Tensor gRows = take(g, t ? indices : rows, 0), xRows = take(x, t ? rows : indices, 0);
            perSyn = sum(gRows.mul(xRows), 1);
            gx = Prims.bind(Op.CSR_MATMAT, new Attr.Csr(c.rows(), c.cols(), !t), indptr, indices, dataF.astype(g.dtype()), g);
        } else {
            Tensor xv = x.dtype().isFloating() ? x : x.astype(g.dtype());
            if (op == Op.CSR_EVENT_SUM) xv = x.dtype() == DType.BOOL ? x.astype(g.dtype()) : xv.ne(0).astype(g.dtype());
            perSyn = take(g, t ? indices : rows, 0).mul(take(xv, t ? rows : indices, 0));
            gx = Prims.bind(Op.CSR_MATVEC, new Attr.Csr(c.rows(), c.cols(), !t), indptr, indices, dataF.astype(g.dtype()), g);
        }
        Tensor gData = !data.dtype().isFloating() ? null : data.ndim() == 0 ? sum(perSyn) : perSyn;
        boolean xDiff = x.dtype().isFloating();
        return new Tensor[] {null, null, gData, xDiff ? gx : null};
    }

    /**
     * Cotangents of {@code EVENT_MATMUL}. Product {@code y = e·w}: {@code ḡw = eᵀ·ḡ} (event-driven again) and, for
     * float events, {@code ḡe = ḡ·wᵀ}. Outer {@code y = eᵀ·b}: {@code ḡb = e·ḡ} (event-driven) and {@code ḡe = b·ḡᵀ}.
     */
    static Tensor[] eventMatmulVjp(boolean outer, Tensor[] in, Tensor g) {
        Tensor e = in[0], b = in[1];
        Tensor gb = Prims.bind(Op.EVENT_MATMUL, new Attr.EventProduct(!outer), e, g);
        Tensor ge = null;
        if (e.dtype().isFloating()) {
            ge = outer ? matmul(b, swapaxes(g, -1, -2)) : matmul(g, swapaxes(b, -1, -2));
            if (ge.dtype() != e.dtype()) ge = ge.astype(e.dtype());
        }
        return new Tensor[] {ge, gb};
    }
}
