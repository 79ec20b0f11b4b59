package org.braindyn.ops.internal;

import org.braindyn.ops.Attr;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager kernels of the event-driven synaptic primitives on a CSR matrix (rows = presynaptic, cols =
 * postsynaptic). Work is proportional to the rows touched times their fan-out: silent rows cost one test.
 */
public final class CsrKernels {
    private CsrKernels() {}

    /** For each row with a non-zero event, add its weight(s) to its columns. */
    public static Tensor eventSum(Tensor indptr, Tensor indices, Tensor w, Tensor events, Attr.Csr c, TensorType out) {
        int[] ip = ints(indptr), ix = ints(indices);
        Tensor evb = ElementwiseKernels.cast(events, DType.BOOL).contiguous();
        boolean[] ev = (boolean[]) evb.storage();
        int eo = evb.offset();
        int ipo = indptr.contiguous().offset(), ixo = indices.contiguous().offset();
        Object dst = Storage.allocate(out.dtype(), c.cols());
        boolean homo = w.ndim() == 0;
        if (out.dtype() == DType.F32) {
            // scatter into a cache-hot scratch row, then copy out sequentially: a freshly allocated array is cold,
            // and random read-modify-writes into it cost more than the copy
            float[] r = scratch(c.cols());
            Tensor wc = w.contiguous();
            float[] wa = (float[]) wc.storage();
            int wo = wc.offset();
            if (homo) addRows(ip, ipo, ix, ixo, ev, eo, c.rows(), r, 0, wa[wo]);
            else addRows(ip, ipo, ix, ixo, ev, eo, c.rows(), r, 0, wa, wo);
            System.arraycopy(r, 0, dst, 0, c.cols());
        } else {
            double[] acc = new double[c.cols()];
            Tensor wc = w.contiguous();
            for (int row = 0; row < c.rows(); row++) {
                if (!ev[eo + row]) continue;
                for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++)
                    acc[ix[ixo + s]] += wc.readDouble(wc.offset() + (homo ? 0 : s));
            }
            for (int j = 0; j < acc.length; j++) Storage.writeDouble(out.dtype(), dst, j, acc[j]);
        }
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    private static final ThreadLocal<float[]> SCRATCH = ThreadLocal.withInitial(() -> new float[0]);

    /** A zeroed per-thread scratch row of at least {@code n} floats (reused across calls). */
    private static float[] scratch(int n) {
        float[] s = SCRATCH.get();
        if (s.length < n) {
            s = new float[n];
            SCRATCH.set(s);
        } else {
            java.util.Arrays.fill(s, 0, n, 0f);
        }
        return s;
    }

    /** The hot loop of a homogeneous-weight event sum, kept small so C2 compiles it as one tight unit. */
    private static void addRows(int[] ip, int ipo, int[] ix, int ixo, boolean[] ev, int eo, int rows, float[] r, int ro, float v) {
        for (int row = 0; row < rows; row++) {
            if (!ev[eo + row]) continue;
            for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++) r[ro + ix[ixo + s]] += v;
        }
    }

    /**
     * The float32 event sum written into {@code out[oo … oo+cols)} (zeroed first) instead of a new array: the
     * compiler's executor calls it with a preallocated buffer, so a compiled step allocates nothing. Events are
     * booleans; {@code w} is one weight ({@code homo}) or one per synapse from {@code wo}.
     */
    public static void eventSumInto(int[] ip, int ipo, int[] ix, int ixo, float[] w, int wo, boolean homo, boolean[] ev, int eo,
                                    int rows, float[] out, int oo, int cols) {
        java.util.Arrays.fill(out, oo, oo + cols, 0f);
        if (homo) addRows(ip, ipo, ix, ixo, ev, eo, rows, out, oo, w[wo]);
        else addRows(ip, ipo, ix, ixo, ev, eo, rows, out, oo, w, wo);
    }

    /**
     * As {@link #eventSumInto}, with the events given as the list of active rows {@code rows[0 … count)} (see
     * {@link EventLists#compact}): only the rows that fired are visited.
     */
    public static void eventSumListInto(int[] ip, int ipo, int[] ix, int ixo, float[] w, int wo, boolean homo, int[] rows, int count,
                                        float[] out, int oo, int cols) {
        java.util.Arrays.fill(out, oo, oo + cols, 0f);
        if (ix.length == 0) return;
        int touched = 0, last = ix.length - 1, lastW = w.length - 1;
        if (homo) {
            float v = w[wo];
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (k + AHEAD < count) touched += ix[Math.min(ixo + ip[ipo + rows[k + AHEAD]], last)];   // look-ahead (below)
                for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++) out[oo + ix[ixo + s]] += v;
            }
        } else {
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (k + AHEAD < count) touched += ahead(ix, ixo, w, wo, ip[ipo + rows[k + AHEAD]], last, lastW);
                for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++) out[oo + ix[ixo + s]] += w[wo + s];
            }
        }
        if (touched == KEEP) touch = touched;   // (almost) never stored: the reads stay, without a shared write per call
    }

    /**
     * Rows ahead whose synapse list an event sum reads early. The active rows of a step lie anywhere in a large CSR
     * (12.8 MB for the 32,000-neuron E→E projection), so each row's first cache line is a miss to L3; loading the
     * line of the row {@value #AHEAD} ahead (a plain read whose value goes to {@link #touch}, so that the JIT keeps it)
     * overlaps those misses with the current row's additions. Java has no prefetch instruction; this read is one.
     */
    private static final int AHEAD = 2;
    /** Where the look-ahead reads would go, when their sum happens to equal {@link #KEEP}: the test keeps them alive. */
    @SuppressWarnings("unused") private static int touch;
    private static final int KEEP = 0x5eed_cafe;

    /** The look-ahead read of a per-synapse-weight row starting at synapse {@code q}: its first index and weight. */
    private static int ahead(int[] ix, int ixo, float[] w, int wo, int q, int last, int lastW) {
        return ix[Math.min(ixo + q, last)] + Float.floatToRawIntBits(w[Math.min(wo + q, lastW)]);
    }

    /**
     * Where each row's synapses reach column {@code bound}: {@code at[row]} is the first synapse of the row whose
     * column is ≥ bound, for rows whose columns ascend; null when some row's columns do not ascend.
     */
    public static int[] columnSplit(int[] ip, int ipo, int[] ix, int ixo, int rows, int bound) {
        int[] at = new int[rows + 1];
        for (int row = 0; row < rows; row++) {
            int s = ip[ipo + row], e = ip[ipo + row + 1];
            for (int q = s + 1; q < e; q++) if (ix[ixo + q] < ix[ixo + q - 1]) return null;
            int lo = s, hi = e;   // first q in [s, e) with ix[q] >= bound
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (ix[ixo + mid] < bound) lo = mid + 1; else hi = mid;
            }
            at[row] = lo;
        }
        return at;
    }

    /**
     * The part of {@link #eventSumListInto} that lands in columns {@code [c0, c1)}: zeroes them, then adds the
     * synapses {@code [from[row], to[row])} of every active row (from {@link #columnSplit} at c0 and c1). Each
     * column receives the same additions in the same order as in the whole sum, so splitting the columns across
     * threads gives the same bits.
     */
    public static void eventSumListColumns(int[] ix, int ixo, float[] w, int wo, boolean homo, int[] rows, int count,
                                           int[] from, int[] to, float[] out, int oo, int c0, int c1) {
        java.util.Arrays.fill(out, oo + c0, oo + c1, 0f);
        if (ix.length == 0) return;
        int touched = 0, last = ix.length - 1, lastW = w.length - 1;
        if (homo) {
            float v = w[wo];
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (k + AHEAD < count) touched += ix[Math.min(ixo + from[rows[k + AHEAD]], last)];
                for (int s = from[row], e = to[row]; s < e; s++) out[oo + ix[ixo + s]] += v;
            }
        } else {
            for (int k = 0; k < count; k++) {
                int row = rows[k];
                if (k + AHEAD < count) touched += ahead(ix, ixo, w, wo, from[rows[k + AHEAD]], last, lastW);
                for (int s = from[row], e = to[row]; s < e; s++) out[oo + ix[ixo + s]] += w[wo + s];
            }
        }
        if (touched == KEEP) touch = touched;   // (almost) never stored: the reads stay, without a shared write per call
    }

    /** The hot loop of a per-synapse-weight event sum. */
    private static void addRows(int[] ip, int ipo, int[] ix, int ixo, boolean[] ev, int eo, int rows, float[] r, int ro, float[] w, int wo) {
        for (int row = 0; row < rows; row++) {
            if (!ev[eo + row]) continue;
            for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++) r[ro + ix[ixo + s]] += w[wo + s];
        }
    }

    /** {@code A·x} or {@code Aᵀ·x} for a vector x; with transpose, zero entries of x are skipped. */
    public static Tensor matvec(Tensor indptr, Tensor indices, Tensor data, Tensor x, Attr.Csr c, TensorType out) {
        if (!c.transpose() && data.ndim() == 1 && (out.dtype() == DType.F64 || out.dtype() == DType.F32))
            return rowDots(indptr, indices, data, x, c, out);
        Tensor xm = ShapeKernels.reshape(x, Shape.of(x.dim(0), 1));
        Tensor y = matmat(indptr, indices, data, xm, c, new TensorType(out.dtype(), Shape.of(out.shape().dim(0), 1)));
        return ShapeKernels.reshape(y, out.shape());
    }

    /**
     * {@code A·x} with one value per synapse: each output row is a dot product of the row's values with the
     * gathered entries of x, read straight from the backing arrays (float64: {@link CsrRowDots}).
     */
    private static Tensor rowDots(Tensor indptr, Tensor indices, Tensor data, Tensor x, Attr.Csr c, TensorType out) {
        Tensor ipc = indptr.contiguous(), ixc = indices.contiguous(), dc = data.contiguous(), xc = x.contiguous();
        int[] ip = (int[]) ipc.storage(), ix = (int[]) ixc.storage();
        int ipo = ipc.offset(), ixo = ixc.offset() - 0, dof = dc.offset(), xo = xc.offset();
        int rows = c.rows();
        if (out.dtype() == DType.F64) {
            double[] d = (double[]) dc.storage(), xv = (double[]) xc.storage(), y = new double[rows];
            CsrRowDots.rows(ip, ipo, ix, ixo, d, dof, xv, xo, rows, y, 0);
            return Tensor.wrap(DType.F64, out.shape(), y);
        }
        float[] d = (float[]) dc.storage(), xv = (float[]) xc.storage(), y = new float[rows];
        for (int r = 0; r < rows; r++) {
            double acc = 0;
            for (int s = ip[ipo + r], e = ip[ipo + r + 1]; s < e; s++) acc += (double) d[dof + s] * xv[xo + ix[ixo + s]];
            y[r] = (float) acc;
        }
        return Tensor.wrap(DType.F32, out.shape(), y);
    }

    /** {@code A·X} or {@code Aᵀ·X} for a matrix X of k columns. */
    public static Tensor matmat(Tensor indptr, Tensor indices, Tensor data, Tensor x, Attr.Csr c, TensorType out) {
        int[] ip = ints(indptr), ix = ints(indices);
        int ipo = indptr.contiguous().offset(), ixo = indices.contiguous().offset();
        Tensor dc = data.contiguous(), xc = x.contiguous();
        int k = x.dim(1);
        boolean homo = data.ndim() == 0;
        double[] acc = new double[out.shape().size()];
        for (int row = 0; row < c.rows(); row++) {
            int s0 = ip[ipo + row], s1 = ip[ipo + row + 1];
            for (int s = s0; s < s1; s++) {
                double v = dc.readDouble(dc.offset() + (homo ? 0 : s));
                int col = ix[ixo + s];
                if (c.transpose()) {
                    for (int q = 0; q < k; q++) {
                        double xv = xc.readDouble(xc.offset() + row * k + q);
                        if (xv != 0) acc[col * k + q] += v * xv;
                    }
                } else {
                    for (int q = 0; q < k; q++) acc[row * k + q] += v * xc.readDouble(xc.offset() + col * k + q);
                }
            }
        }
        Object dst = Storage.allocate(out.dtype(), acc.length);
        for (int j = 0; j < acc.length; j++) Storage.writeDouble(out.dtype(), dst, j, acc[j]);
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    /**
     * The float32 transposed mat-vec {@code out = Aᵀ·x} ({@link #matmat} with {@code transpose} and one column) written
     * into {@code out[oo … oo+cols)} through the caller's float64 accumulator {@code acc} (at least {@code cols}
     * long): the same float64 sums in the same order as the eager kernel, so results are bit-identical, and nothing
     * is allocated. Rows with {@code x = 0} are skipped.
     */
    public static void matvecTransposeInto(int[] ip, int ipo, int[] ix, int ixo, float[] data, int dof, boolean homo, float[] x, int xo,
                                           int rows, double[] acc, float[] out, int oo, int cols) {
        java.util.Arrays.fill(acc, 0, cols, 0.0);
        for (int row = 0; row < rows; row++) {
            double xv = x[xo + row];
            if (xv == 0) continue;
            for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++) acc[ix[ixo + s]] += (double) data[dof + (homo ? 0 : s)] * xv;
        }
        for (int j = 0; j < cols; j++) out[oo + j] = (float) acc[j];
    }

    /** Sums rows of {@code data} into {@code count} segments by id. */
    public static Tensor segmentSum(Tensor data, Tensor ids, int count, TensorType out) {
        int[] id = (int[]) Storage.copyToFlat(ids);
        Tensor dc = data.contiguous();
        int inner = data.dim(0) == 0 ? 0 : data.size() / data.dim(0);
        double[] acc = new double[out.shape().size()];
        for (int i = 0; i < id.length; i++) {
            int g = id[i];
            if (g < 0 || g >= count)
                throw new IndexOutOfBoundsException("segment_sum: segment id " + g + " at position " + i
                        + " is out of range; expected 0 <= id < " + count);
            for (int q = 0; q < inner; q++) acc[g * inner + q] += dc.readDouble(dc.offset() + i * inner + q);
        }
        Object dst = Storage.allocate(out.dtype(), acc.length);
        for (int j = 0; j < acc.length; j++) Storage.writeDouble(out.dtype(), dst, j, acc[j]);
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    /** Each synapse gets the value of its row. */
    public static Tensor preGather(Tensor indptr, Tensor values, int rows, TensorType out) {
        int[] ip = ints(indptr);
        int ipo = indptr.contiguous().offset();
        Tensor vc = values.contiguous();
        Object dst = Storage.allocate(out.dtype(), out.shape().size());
        for (int row = 0; row < rows; row++)
            for (int s = ip[ipo + row], e = ip[ipo + row + 1]; s < e; s++)
                Storage.writeRaw(out.dtype(), vc.storage(), vc.offset() + row, dst, s);
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    private static int[] ints(Tensor t) { return (int[]) t.contiguous().storage(); }
}
