package org.braindyn.ops.internal;

import org.braindyn.ops.Attr;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/** Eager kernels of the shape primitives. Reshape, broadcast, transpose and slice are views; concat and pad copy. */
public final class ShapeKernels {
    private ShapeKernels() {}

    /** Reshape: a view when the strides allow it (always for contiguous input), else a copy. */
    public static Tensor reshape(Tensor x, Shape to) {
        int[] st = viewStrides(x, to);
        if (st != null) return x.view(to, x.offset(), st);
        Tensor c = x.contiguous();
        return c.view(to, c.offset(), to.contiguousStrides());
    }

    /** Strides that express {@code to} over {@code x}'s storage without copying, or null if none exist. */
    private static int[] viewStrides(Tensor x, Shape to) {
        if (x.size() == 0 || x.isContiguous()) return to.contiguousStrides();
        // group runs of axes with equal products; a run of old axes must be mutually contiguous (extent-1 axes ignored)
        int cnt = 0;
        for (int i = 0; i < x.ndim(); i++) if (x.dim(i) != 1) cnt++;
        int[] od = new int[cnt], os = new int[cnt];
        for (int i = 0, k = 0; i < x.ndim(); i++) if (x.dim(i) != 1) { od[k] = x.dim(i); os[k++] = x.stride(i); }
        int[] nd = to.toArray(), ns = new int[nd.length];
        int oi = 0, ni = 0;
        while (oi < od.length) {
            while (nd[ni] == 1) ns[ni++] = 1;
            int np = nd[ni], op = od[oi], oj = oi + 1, nj = ni + 1;
            while (np != op) {
                if (np < op) np *= nd[nj++]; else op *= od[oj++];
            }
            for (int k = oi; k < oj - 1; k++) if (os[k] != os[k + 1] * od[k + 1]) return null;
            ns[nj - 1] = os[oj - 1];
            for (int k = nj - 1; k > ni; k--) ns[k - 1] = ns[k] * nd[k];
            oi = oj;
            ni = nj;
        }
        for (; ni < nd.length; ni++) ns[ni] = 1;
        return ns;
    }

    /** Broadcast view: stride 0 along new or stretched axes. */
    public static Tensor broadcast(Tensor x, Shape to) {
        int r = to.rank(), lead = r - x.ndim();
        int[] st = new int[r];
        for (int i = lead; i < r; i++) st[i] = x.dim(i - lead) == 1 && to.dim(i) != 1 ? 0 : x.stride(i - lead);
        return x.view(to, x.offset(), st);
    }

    /** Transpose view. */
    public static Tensor transpose(Tensor x, int[] perm, TensorType out) {
        int[] st = new int[perm.length];
        for (int i = 0; i < perm.length; i++) st[i] = x.stride(perm[i]);
        return x.view(out.shape(), x.offset(), st);
    }

    /** Strided slice view (negative steps flip). */
    public static Tensor slice(Tensor x, Attr.Slice s, TensorType out) {
        int off = x.offset();
        int[] st = new int[x.ndim()];
        boolean empty = out.shape().size() == 0;
        for (int a = 0; a < st.length; a++) {
            if (!empty) off += s.start()[a] * x.stride(a);
            st[a] = s.step()[a] * x.stride(a);
        }
        return x.view(out.shape(), empty ? 0 : off, st);
    }

    /** Concatenation along {@code axis}. */
    public static Tensor concat(Tensor[] xs, int axis, TensorType out) {
        Shape s = out.shape();
        Object dst = Storage.allocate(out.dtype(), s.size());
        int outer = 1;
        for (int i = 0; i < axis; i++) outer *= s.dim(i);
        int innerOut = s.size() / Math.max(outer, 1);
        int pos = 0;
        for (Tensor x : xs) {
            Tensor c = x.contiguous();
            int block = outer == 0 ? 0 : c.size() / outer;
            for (int o = 0; o < outer; o++)
                System.arraycopy(c.storage(), c.offset() + o * block, dst, o * innerOut + pos, block);
            pos += block;
        }
        return Tensor.wrap(out.dtype(), s, dst);
    }

    /** Constant padding. */
    public static Tensor pad(Tensor x, Attr.Pad p, TensorType out) {
        Shape s = out.shape();
        int n = s.size();
        Object dst = Storage.allocate(out.dtype(), n);
        if (p.value() != 0) for (int i = 0; i < n; i++) Storage.writeDouble(out.dtype(), dst, i, p.value());
        if (x.size() == 0) return Tensor.wrap(out.dtype(), s, dst);
        // copy x into the interior row by row: an odometer over x's leading axes walks the output's row offsets
        int[] st = s.contiguousStrides();
        int off = 0;
        for (int a = 0; a < st.length; a++) off += p.lo()[a] * st[a];
        Tensor xc = x.contiguous();
        Object src = xc.storage();
        int inner = x.ndim() == 0 ? 1 : x.dim(-1), lead = Math.max(0, x.ndim() - 1);
        int[] idx = new int[lead];
        for (int from = xc.offset(), end = xc.offset() + x.size(), to = off; from < end; from += inner) {
            System.arraycopy(src, from, dst, to, inner);
            for (int a = lead - 1; a >= 0; a--) {             // next row: carry through the leading axes
                to += st[a];
                if (++idx[a] < x.dim(a)) break;
                to -= st[a] * idx[a];
                idx[a] = 0;
            }
        }
        return Tensor.wrap(out.dtype(), s, dst);
    }
}
