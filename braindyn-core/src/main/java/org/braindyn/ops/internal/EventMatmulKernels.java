package org.braindyn.ops.internal;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager kernels of {@link org.braindyn.ops.Op#EVENT_MATMUL}: dense products whose left operand is a batch of
 * events (spikes, mostly zeros). The events {@code e} are read as {@code m} rows of {@code k} (leading axes folded);
 * each row is scanned for its non-zero entries sixteen at a time, and only those entries do work:
 * <ul>
 * <li>{@link #product}: {@code out[i, :] = Σ_{j: e[i,j] ≠ 0} e[i,j]·w[j, :]} — {@code e·w}, shape {@code (…, n)};</li>
 * <li>{@link #outer}: {@code out[j, :] = Σ_{i: e[i,j] ≠ 0} e[i,j]·g[i, :]} — {@code eᵀ·g}, shape {@code (k, n)}, the
 *     weight gradient of the product.</li>
 * </ul>
 * Cost ∝ (number of non-zero events) × n plus one compare per 16 events, against m·k·n for the dense product.
 * Boolean events count as 1. Sums run in the order of the events (row by row, column by column), in float32 for
 * float32 outputs.
 */
public final class EventMatmulKernels {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int L = F.length();

    private EventMatmulKernels() {}

    /** {@code e (…, k) · w (k, n)} into a new {@code (…, n)} tensor of {@code out}'s dtype. */
    public static Tensor product(Tensor e, Tensor w, TensorType out) {
        int k = w.dim(0), n = w.dim(1), m = n == 0 ? 0 : out.shape().size() / n;   // rows from the output: k may be 0
        Object dst = Storage.allocate(out.dtype(), m * n);
        Tensor ec = e.contiguous(), wc = w.contiguous();
        if (out.dtype() == DType.F32 && (ec.dtype() == DType.F32 || ec.dtype() == DType.BOOL))
            productF32(ec.dtype(), ec.storage(), ec.offset(), (float[]) wc.storage(), wc.offset(), m, k, n, (float[]) dst, 0, new Scratch());
        else {
            int[] list = new int[k];
            double[] acc = new double[n];   // other dtypes: the plain loops, in double
            for (int i = 0; i < m; i++) {
                java.util.Arrays.fill(acc, 0);
                int c = active(ec.dtype(), ec.storage(), ec.offset() + i * k, k, list, 0);
                for (int q = 0; q < c; q++) {
                    int j = list[q];
                    double v = value(ec, i * k + j);
                    for (int col = 0; col < n; col++) acc[col] += v * wc.readDouble(wc.offset() + j * n + col);
                }
                for (int col = 0; col < n; col++) Storage.writeDouble(out.dtype(), dst, i * n + col, acc[col]);
            }
        }
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    /** {@code eᵀ · g} for events {@code e (…, k)} and {@code g (…, n)} with the same leading axes: a new {@code (k, n)}. */
    public static Tensor outer(Tensor e, Tensor g, TensorType out) {
        int k = out.shape().dim(0), n = out.shape().dim(1), m = k == 0 ? 0 : e.size() / k;
        Object dst = Storage.allocate(out.dtype(), k * n);
        Tensor ec = e.contiguous(), gc = g.contiguous();
        if (out.dtype() == DType.F32 && (ec.dtype() == DType.F32 || ec.dtype() == DType.BOOL))
            outerF32(ec.dtype(), ec.storage(), ec.offset(), (float[]) gc.storage(), gc.offset(), m, k, n, (float[]) dst, 0, new Scratch());
        else {
            int[] list = new int[k];
            double[] acc = new double[k * n];
            for (int i = 0; i < m; i++) {
                int c = active(ec.dtype(), ec.storage(), ec.offset() + i * k, k, list, 0);
                for (int q = 0; q < c; q++) {
                    int j = list[q];
                    double v = value(ec, i * k + j);
                    for (int col = 0; col < n; col++) acc[j * n + col] += v * gc.readDouble(gc.offset() + i * n + col);
                }
            }
            for (int p = 0; p < acc.length; p++) Storage.writeDouble(out.dtype(), dst, p, acc[p]);
        }
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    /**
     * The active events of an {@code (m, k)} event array as per-row lists (filled by {@link #rows}), plus the work
     * arrays of the float32 kernels; grown on demand. A compiled step scans a step's events once into one of these
     * and lets every product on them (forward, recomputed forward and weight gradient) reuse the lists.
     */
    public static final class Scratch {
        private int[] cursor = new int[0], colPtr = new int[0], rowStart = new int[0], events = new int[0], cscRows = new int[0];
        private float[] values = new float[0], cscVals = new float[0];
        private int m;

        private void ensure(int m, int k) {
            if (cursor.length < k) { cursor = new int[k]; colPtr = new int[k + 1]; }
            if (rowStart.length < m + 1) rowStart = new int[m + 1];
        }

        private void ensureEvents(int nnz) {
            if (events.length < nnz) {
                int c = Math.max(nnz, 2 * events.length);
                events = java.util.Arrays.copyOf(events, c);
                values = java.util.Arrays.copyOf(values, c);
                cscRows = new int[c];
                cscVals = new float[c];
            }
        }
    }

    /** Scans {@code m} rows of {@code k} events (F32 or BOOL, from {@code e[eo …]}) into {@code s}'s row lists. */
    public static void rows(DType ed, Object e, int eo, int m, int k, Scratch s) {
        s.ensure(m, k);
        int total = 0;
        for (int i = 0; i < m; i++) {
            s.rowStart[i] = total;
            s.ensureEvents(total + k);
            int at = eo + i * k, c = active(ed, e, at, k, s.events, total);
            for (int q = total; q < total + c; q++) s.values[q] = floatValue(ed, e, at + s.events[q]);
            total += c;
        }
        s.rowStart[m] = total;
        s.m = m;
    }

    /**
     * The float32 product into {@code out[oo …]} (overwritten): events of dtype {@code ed} (F32 or BOOL) from
     * {@code e[eo …]}, {@code m} rows of {@code k}; {@code w[wo …]} is {@code (k, n)}.
     */
    public static void productF32(DType ed, Object e, int eo, float[] w, int wo, int m, int k, int n, float[] out, int oo, Scratch s) {
        rows(ed, e, eo, m, k, s);
        productRows(s, w, wo, n, out, oo);
    }

    /** The product of the events {@link #rows} put in {@code s} with {@code w (k, n)}: each output row summed in registers. */
    public static void productRows(Scratch s, float[] w, int wo, int n, float[] out, int oo) {
        for (int i = 0; i < s.m; i++) sumRows(w, wo, n, s.events, s.values, s.rowStart[i], s.rowStart[i + 1], n, out, oo + i * n);
    }

    /** The float32 {@code eᵀ·g} into {@code out[oo …]} (overwritten); arguments as {@link #productF32}, {@code g} is {@code (m, n)}. */
    public static void outerF32(DType ed, Object e, int eo, float[] g, int go, int m, int k, int n, float[] out, int oo, Scratch s) {
        rows(ed, e, eo, m, k, s);
        outerRows(s, k, g, go, n, out, oo);
    }

    /**
     * {@code eᵀ·g} for the events {@link #rows} put in {@code s} ({@code k} inputs) and {@code g (m, n)}: the events are
     * regrouped by input (a counting sort into column lists), so that each output row is again a register-held sum,
     * over the samples in which its input was active.
     */
    public static void outerRows(Scratch s, int k, float[] g, int go, int n, float[] out, int oo) {
        int m = s.m, total = s.rowStart[m];
        int[] rowStart = s.rowStart, colPtr = s.colPtr, cursor = s.cursor, events = s.events, cscRows = s.cscRows;
        float[] values = s.values, cscVals = s.cscVals;
        java.util.Arrays.fill(colPtr, 0, k + 1, 0);
        for (int p = 0; p < total; p++) colPtr[events[p] + 1]++;
        for (int j = 0; j < k; j++) colPtr[j + 1] += colPtr[j];
        System.arraycopy(colPtr, 0, cursor, 0, k);
        for (int i = 0; i < m; i++)
            for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
                int q = cursor[events[p]]++;
                cscRows[q] = i;
                cscVals[q] = values[p];
            }
        for (int j = 0; j < k; j++) sumRows(g, go, n, cscRows, cscVals, colPtr[j], colPtr[j + 1], n, out, oo + j * n);
    }

    /**
     * {@code dst[d … d+n) = Σ_{q ∈ [from, to)} val[q] · src[so + idx[q]·stride …]}, with up to eight vectors of columns
     * held in registers while the rows stream past, so that the sums advance in parallel even when there are only a
     * few events. A width that is not a multiple of the vector length gets a last vector ending at column n, which
     * overlaps the one before; the overlapping columns are computed from the same values in the same order, so both
     * stores write the same numbers.
     */
    private static void sumRows(float[] src, int so, int stride, int[] idx, float[] val, int from, int to, int n, float[] dst, int d) {
        if (n < L) {
            for (int c = 0; c < n; c++) {
                float a = 0f;
                for (int q = from; q < to; q++) a = Math.fma(val[q], src[so + idx[q] * stride + c], a);
                dst[d + c] = a;
            }
            return;
        }
        int vectors = (n + L - 1) / L;
        for (int g = 0; g < vectors; g += 8) {   // vector i of the row starts at column min(i·L, n − L)
            int last = Math.min(vectors, g + 8) - 1;
            int p0 = pos(g, last, n), p1 = pos(g + 1, last, n), p2 = pos(g + 2, last, n), p3 = pos(g + 3, last, n),
                    p4 = pos(g + 4, last, n), p5 = pos(g + 5, last, n), p6 = pos(g + 6, last, n), p7 = pos(g + 7, last, n);
            FloatVector a0 = FloatVector.zero(F), a1 = a0, a2 = a0, a3 = a0, a4 = a0, a5 = a0, a6 = a0, a7 = a0;
            for (int q = from; q < to; q++) {
                int b = so + idx[q] * stride;
                FloatVector v = FloatVector.broadcast(F, val[q]);
                a0 = FloatVector.fromArray(F, src, b + p0).fma(v, a0);
                a1 = FloatVector.fromArray(F, src, b + p1).fma(v, a1);
                a2 = FloatVector.fromArray(F, src, b + p2).fma(v, a2);
                a3 = FloatVector.fromArray(F, src, b + p3).fma(v, a3);
                a4 = FloatVector.fromArray(F, src, b + p4).fma(v, a4);
                a5 = FloatVector.fromArray(F, src, b + p5).fma(v, a5);
                a6 = FloatVector.fromArray(F, src, b + p6).fma(v, a6);
                a7 = FloatVector.fromArray(F, src, b + p7).fma(v, a7);
            }
            a0.intoArray(dst, d + p0);
            a1.intoArray(dst, d + p1);
            a2.intoArray(dst, d + p2);
            a3.intoArray(dst, d + p3);
            a4.intoArray(dst, d + p4);
            a5.intoArray(dst, d + p5);
            a6.intoArray(dst, d + p6);
            a7.intoArray(dst, d + p7);
        }
    }

    /** The first column of vector {@code i} of a row of {@code n} (vectors past {@code last} repeat the last one). */
    private static int pos(int i, int last, int n) { return Math.min(Math.min(i, last) * L, n - L); }

    /** The positions {@code j < k} with a non-zero event at {@code e[off + j]}, into {@code list[at …]}; their count. */
    private static int active(DType ed, Object e, int off, int k, int[] list, int at) {
        int c = at, j = 0;
        if (ed == DType.BOOL) return EventLists.compact((boolean[]) e, off, k, list, at);
        if (ed == DType.F32) {
            float[] a = (float[]) e;
            if (L <= 64)
                for (int bound = F.loopBound(k); j < bound; j += L) {
                    long bits = FloatVector.fromArray(F, a, off + j).compare(VectorOperators.NE, 0f).toLong();
                    while (bits != 0) {
                        list[c++] = j + Long.numberOfTrailingZeros(bits);
                        bits &= bits - 1;
                    }
                }
            for (; j < k; j++) if (a[off + j] != 0f) list[c++] = j;
            return c - at;
        }
        for (; j < k; j++) if (Storage.readDouble(ed, e, off + j) != 0) list[c++] = j;
        return c - at;
    }

    private static float floatValue(DType ed, Object e, int p) {
        return ed == DType.BOOL ? 1f : ((float[]) e)[p];
    }

    private static double value(Tensor e, int p) {
        return e.dtype() == DType.BOOL ? (((boolean[]) e.storage())[e.offset() + p] ? 1 : 0) : e.readDouble(e.offset() + p);
    }
}
