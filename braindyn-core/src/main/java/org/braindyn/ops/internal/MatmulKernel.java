package org.braindyn.ops.internal;

import java.util.Arrays;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager matmul with batch broadcasting. Float32 uses a register-blocked Vector API micro-kernel: a panel of
 * {@code NR = 2} vectors of B's columns is packed contiguously, then each block of {@code MR = 6} rows of A
 * keeps {@code 6 × 2} vector accumulators in registers over the whole depth (broadcast A, load B, FMA).
 * Float64 and int32 use the row-axpy loop C2 auto-vectorises. Large products split rows across cores.
 */
public final class MatmulKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int VL = F.length();
    private static final int MR = 6, NR = 2 * VL;
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int DVL = D.length(), DNR = 2 * DVL;

    /** Below this many rows of A, packing B's panels costs more than it saves: rows are axpy'd straight from B. */
    static final int SMALL_M = 4;

    /** Depth block of the packed float32 kernel: 256 rows of a 2-vector panel are 32 KB (AVX-512) or 16 KB (AVX2). */
    static final int KC = 256;

    private MatmulKernel() {}

    /**
     * Few-row product (a row vector times a matrix, a readout of a small batch): each row of C is the sum of B's
     * rows weighted by that row of A, streamed once from B without packing. Every C element sums its k terms in
     * order q = 0…k−1, as the blocked kernel does.
     */
    static void rowsF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n) {
        int up = F.loopBound(n);
        for (int i = 0; i < m; i++) {
            int cr = c0 + i * n, ar = a0 + i * k;
            Arrays.fill(c, cr, cr + n, 0f);
            for (int q = 0; q < k; q++) {
                float x = a[ar + q];
                int br = b0 + q * n;
                FloatVector xv = FloatVector.broadcast(F, x);
                int j = 0;
                for (; j < up; j += VL) xv.fma(FloatVector.fromArray(F, b, br + j), FloatVector.fromArray(F, c, cr + j)).intoArray(c, cr + j);
                for (; j < n; j++) c[cr + j] = Math.fma(x, b[br + j], c[cr + j]);
            }
        }
    }

    /**
     * Matrix times a column ({@code n = 1}): one dot product per row of A over contiguous memory, in vector lanes
     * (the packed kernel would compute a whole panel of which one column is used).
     */
    static void dotsF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k) {
        int up = F.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ar = a0 + i * k;
            FloatVector acc = FloatVector.zero(F);
            int q = 0;
            for (; q < up; q += VL) acc = FloatVector.fromArray(F, a, ar + q).fma(FloatVector.fromArray(F, b, b0 + q), acc);
            float sum = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            for (; q < k; q++) sum = Math.fma(a[ar + q], b[b0 + q], sum);
            c[c0 + i] = sum;
        }
    }

    /** Float64 {@link #dotsF32}. */
    static void dotsF64(double[] a, int a0, double[] b, int b0, double[] c, int c0, int m, int k) {
        int up = D.loopBound(k);
        for (int i = 0; i < m; i++) {
            int ar = a0 + i * k;
            DoubleVector acc = DoubleVector.zero(D);
            int q = 0;
            for (; q < up; q += DVL) acc = DoubleVector.fromArray(D, a, ar + q).fma(DoubleVector.fromArray(D, b, b0 + q), acc);
            double sum = acc.reduceLanes(jdk.incubator.vector.VectorOperators.ADD);
            for (; q < k; q++) sum = Math.fma(a[ar + q], b[b0 + q], sum);
            c[c0 + i] = sum;
        }
    }

    /** Float64 {@link #rowsF32}. */
    static void rowsF64(double[] a, int a0, double[] b, int b0, double[] c, int c0, int m, int k, int n) {
        int up = D.loopBound(n);
        for (int i = 0; i < m; i++) {
            int cr = c0 + i * n, ar = a0 + i * k;
            Arrays.fill(c, cr, cr + n, 0.0);
            for (int q = 0; q < k; q++) {
                double x = a[ar + q];
                int br = b0 + q * n;
                DoubleVector xv = DoubleVector.broadcast(D, x);
                int j = 0;
                for (; j < up; j += DVL) xv.fma(DoubleVector.fromArray(D, b, br + j), DoubleVector.fromArray(D, c, cr + j)).intoArray(c, cr + j);
                for (; j < n; j++) c[cr + j] = Math.fma(x, b[br + j], c[cr + j]);
            }
        }
    }

    /** {@code a @ b} for rank ≥ 2 operands of the same dtype; batch axes broadcast. */
    public static Tensor matmul(Tensor a, Tensor b, TensorType out) {
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        Shape os = out.shape();
        int batch = os.size() / Math.max(1, m * n);
        if (m * n == 0) return Tensor.wrap(out.dtype(), os, Storage.allocate(out.dtype(), os.size()));
        if (a.ndim() == 2 && b.ndim() == 2 && a.dtype() == DType.F32 && m >= SMALL_M && a.stride(0) == 1 && a.stride(1) == m) {
            Tensor bc = b.contiguous();                        // a is the transpose of a row-major matrix (Xᵀ·dY of a layer's weight gradient)
            float[] c = new float[m * n];
            gemmTN((float[]) a.storage(), a.offset(), (float[]) bc.storage(), bc.offset(), c, 0, m, k, n);
            return Tensor.wrap(out.dtype(), os, c);
        }
        if (b.ndim() == 2 && a.isContiguous()) {              // fold a's batch axes into its rows
            Tensor bc = b.contiguous();
            Object c = Storage.allocate(out.dtype(), os.size());
            gemm(a.dtype(), a.storage(), a.offset(), bc.storage(), bc.offset(), c, 0, a.size() / k, k, n);
            return Tensor.wrap(out.dtype(), os, c);
        }
        int[] bshape = Arrays.copyOf(os.toArray(), os.rank() - 2);
        Tensor ab = rowMajor(a), bb = rowMajor(b);
        int[] aOff = batchOffsets(ab, bshape), bOff = batchOffsets(bb, bshape);
        Object c = Storage.allocate(out.dtype(), os.size());
        for (int t = 0; t < batch; t++) gemm(a.dtype(), ab.storage(), aOff[t], bb.storage(), bOff[t], c, t * m * n, m, k, n);
        return Tensor.wrap(out.dtype(), os, c);
    }

    private static Tensor rowMajor(Tensor t) {
        int r = t.ndim();
        boolean ok = t.stride(r - 1) == 1 && (t.stride(r - 2) == t.dim(r - 1) || t.dim(r - 2) == 1);
        return ok ? t : t.contiguous();
    }

    private static int[] batchOffsets(Tensor t, int[] batchShape) {
        int lead = batchShape.length - (t.ndim() - 2);
        int[] st = new int[batchShape.length];
        for (int i = lead; i < batchShape.length; i++) st[i] = t.dim(i - lead) == 1 ? 0 : t.stride(i - lead);
        Tensor view = t.view(Shape.of(batchShape), t.offset(), st);
        return Storage.offsets(view);
    }

    /** {@code C[c0..] = A[a0..] (m×k) · B[b0..] (k×n)}, all row-major with unit inner strides. */
    public static void gemm(DType dt, Object a, int a0, Object b, int b0, Object c, int c0, int m, int k, int n) {
        switch (dt) {
            case F32 -> gemmF32((float[]) a, a0, (float[]) b, b0, (float[]) c, c0, m, k, n);
            case F64 -> gemmF64((double[]) a, a0, (double[]) b, b0, (double[]) c, c0, m, k, n);
            case I32 -> axpyI32((int[]) a, a0, (int[]) b, b0, (int[]) c, c0, m, k, n);
            case BOOL -> throw new IllegalArgumentException("matmul: not defined for bool");
        }
    }


    static void gemmF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n) {
        if (m < SMALL_M) { rowsF32(a, a0, b, b0, c, c0, m, k, n); return; }
        if (n == 1) { dotsF32(a, a0, b, b0, c, c0, m, k); return; }
        int panels = (n + NR - 1) / NR;
        boolean split = Parallel.enabled() && (long) m * n * k >= (1L << 22) && panels > 1;
        if (split) {
            Parallel.forRange(panels, 1, (lo, hi) -> panelsF32(a, a0, b, b0, c, c0, m, k, n, lo, hi));
        } else {
            panelsF32(a, a0, b, b0, c, c0, m, k, n, 0, panels);
        }
    }

    /**
     * {@code C[c0 …] (m × n) = Aᵀ·B} for float32 {@code A[a0 …]} stored {@code (k × m)} and {@code B[b0 …]}
     * {@code (k × n)}, all row-major: a weight gradient {@code Xᵀ·dY} over many rows without transposing X. The
     * kernel reads A's columns in place; each element of C sums its k terms in order, as {@link #gemm} does on the
     * transposed copy (so the same bits).
     */
    public static void gemmTN(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n) {
        if (m == 0 || n == 0) return;
        if (k == 0) { Arrays.fill(c, c0, c0 + m * n, 0f); return; }
        int panels = (n + NR - 1) / NR;
        if (Parallel.enabled() && (long) m * n * k >= (1L << 22) && panels > 1)
            Parallel.forRange(panels, 1, (lo, hi) -> panelsTN(a, a0, b, b0, c, c0, m, k, n, lo, hi));
        else panelsTN(a, a0, b, b0, c, c0, m, k, n, 0, panels);
    }

    /**
     * Columns {@code [p0·NR, p1·NR)} of {@code Aᵀ·B}, per depth block of {@value #KC}: A's block is gathered once
     * into six-row strips (row r, term q of strip s at {@code s·6·d + r·d + q}, zero-padded past m; 100 KB for
     * a = 100 rows, in L2), then each panel of B is packed (in L1) and run against every strip — the loop of
     * {@link #panelsF32} with A packed instead of read in place.
     */
    private static void panelsTN(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n, int p0, int p1) {
        int kc = Math.min(k, KC), strips = (m + MR - 1) / MR;
        float[] pack = new float[kc * NR], tile = new float[MR * NR], apack = new float[strips * MR * kc];
        for (int kb = 0; kb < k; kb += KC) {
            int d = Math.min(KC, k - kb);
            boolean acc = kb > 0;
            for (int st = 0; st < strips; st++) {
                int i = st * MR, h = Math.min(MR, m - i), to = st * MR * d;
                for (int q = 0, src = a0 + (kb + q) * m + i; q < d; q++, src += m) for (int r = 0; r < h; r++) apack[to + r * d + q] = a[src + r];
                if (h < MR) Arrays.fill(apack, to + h * d, to + MR * d, 0f);
            }
            for (int p = p0; p < p1; p++) {
                int j0 = p * NR, w = Math.min(NR, n - j0);
                for (int q = 0; q < d; q++) System.arraycopy(b, b0 + (kb + q) * n + j0, pack, q * NR, w);
                for (int st = 0; st < strips; st++) {
                    int i = st * MR, h = Math.min(MR, m - i), cr = c0 + i * n + j0;
                    if (w == NR && h == MR) { block6(apack, st * MR * d, d, d, pack, 0, c, cr, n, acc); continue; }
                    if (acc) for (int r = 0; r < h; r++) System.arraycopy(c, cr + r * n, tile, r * NR, w);
                    block6(apack, st * MR * d, d, d, pack, 0, tile, 0, NR, acc);
                    for (int r = 0; r < h; r++) System.arraycopy(tile, r * NR, c, cr + r * n, w);
                }
            }
        }
    }

    /**
     * Columns {@code [p0·NR, p1·NR)} of C, one panel of B at a time, packed contiguously in depth blocks of at most
     * {@value #KC} rows (16 or 32 KB, in L1) so that the block stays in cache while every row block of A passes over
     * it: a long product such as a weight gradient over all steps of a sequence, k in the thousands, would otherwise
     * stream its panel from memory once per row block. Blocks after the first continue each element's sum from the
     * value the previous block stored — the same operations in the same order as one pass over the whole depth, so
     * the same bits as {@link PackedF32}. (Blocking A's rows as well, to keep a block of A in L2 across panels, made
     * these products 5–10% slower on AVX2: the kernel is bound by its fused multiply-adds, not by A's traffic.)
     */
    private static void panelsF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n, int p0, int p1) {
        int kc = Math.min(k, KC);
        float[] pack = new float[kc * NR], tile = new float[MR * NR], rows = new float[MR * kc];
        for (int p = p0; p < p1; p++) {
            int j0 = p * NR, w = Math.min(NR, n - j0);
            for (int kb = 0; kb < k; kb += KC) {
                int d = Math.min(KC, k - kb);
                for (int q = 0; q < d; q++) System.arraycopy(b, b0 + (kb + q) * n + j0, pack, q * NR, w);
                rowBlockF32(a, a0 + kb, k, d, pack, tile, rows, c, c0 + j0, n, m, w, kb > 0);
            }
        }
    }

    /**
     * {@code mb} rows by {@code w ≤ NR} columns of C ({@code c[cr …]}, rows {@code ldc} apart) over one packed
     * depth block: six rows at a time in the micro-kernel, a partial panel through the scratch {@code tile}, and the
     * last one to five rows copied into {@code rows} (zero-padded to six) so that they too run the six-row kernel
     * rather than one row at a time. Padding rows and columns compute into the tile and are dropped; every kept
     * element gets the same fused multiply-adds in the same order whichever path computes it.
     */
    private static void rowBlockF32(float[] a, int ar, int lda, int depth, float[] pack, float[] tile, float[] rows, float[] c, int cr, int ldc, int mb, int w, boolean acc) {
        int i = 0;
        for (; i + MR <= mb; i += MR) {
            float[] out = w == NR ? c : tile;
            int co = w == NR ? cr + i * ldc : 0, ldo = w == NR ? ldc : NR;
            if (w < NR && acc) for (int r = 0; r < MR; r++) System.arraycopy(c, cr + (i + r) * ldc, tile, r * NR, w);
            block6(a, ar + i * lda, lda, depth, pack, 0, out, co, ldo, acc);
            if (w < NR) for (int r = 0; r < MR; r++) System.arraycopy(tile, r * NR, c, cr + (i + r) * ldc, w);
        }
        int left = mb - i;
        if (left == 0) return;
        for (int r = 0; r < left; r++) System.arraycopy(a, ar + (i + r) * lda, rows, r * depth, depth);
        Arrays.fill(rows, left * depth, MR * depth, 0f);
        if (acc) for (int r = 0; r < left; r++) System.arraycopy(c, cr + (i + r) * ldc, tile, r * NR, w);
        block6(rows, 0, depth, depth, pack, 0, tile, 0, NR, acc);
        for (int r = 0; r < left; r++) System.arraycopy(tile, r * NR, c, cr + (i + r) * ldc, w);
    }

    /**
     * A float32 right operand {@code B (k × n)} packed into the micro-kernel's panels once, for repeated products
     * {@code C = A·B} that allocate nothing (a compiled loop multiplying by the same weights every step). The
     * products are bit-identical to {@link #gemm}'s: the same panels, blocks and summation order. Products with
     * fewer than {@value #SMALL_M} rows of A or one column never pack and read B as it is.
     */
    public static final class PackedF32 {
        private final int k, n;
        private final float[][] panels;
        private final float[] tile = new float[MR * NR], rows;

        /** Room for a {@code k × n} B; fill it with {@link #pack}. */
        public PackedF32(int k, int n) {
            this.k = k;
            this.n = n;
            panels = new float[(n + NR - 1) / NR][k * NR];
            rows = new float[MR * k];
        }

        /** True when a product with {@code m} rows of A uses the packed panels (otherwise B is read directly). */
        public boolean packs(int m) { return m >= SMALL_M && n > 1; }

        /** Copies row-major {@code B} from {@code b[b0 …]} into the panels (columns past {@code n} stay zero). */
        public void pack(float[] b, int b0) {
            for (int p = 0; p < panels.length; p++) {
                int j0 = p * NR, w = Math.min(NR, n - j0);
                for (int q = 0; q < k; q++) System.arraycopy(b, b0 + q * n + j0, panels[p], q * NR, w);
            }
        }

        /** {@code C[c0 …] = A[a0 …] (m × k) · B}; {@code b, b0} is B itself, read when {@link #packs} is false. */
        public void multiply(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m) {
            if (!packs(m)) { gemmF32(a, a0, b, b0, c, c0, m, k, n); return; }
            for (int p = 0; p < panels.length; p++) rowBlockF32(a, a0, k, k, panels[p], tile, rows, c, c0 + p * NR, n, m, Math.min(NR, n - p * NR), false);
        }
    }

    /**
     * Six rows of C over one packed panel block of {@code depth} terms at {@code pack[pk …]} (A's rows {@code lda} apart): 12 vector
     * accumulators live in registers across the depth loop, starting from zero or, with {@code acc}, from C.
     */
    private static void block6(float[] a, int ar, int lda, int depth, float[] pack, int pk, float[] c, int cr, int ldc, boolean acc) {
        FloatVector c00, c01, c10, c11, c20, c21, c30, c31, c40, c41, c50, c51;
        if (acc) {
            c00 = FloatVector.fromArray(F, c, cr); c01 = FloatVector.fromArray(F, c, cr + VL);
            c10 = FloatVector.fromArray(F, c, cr + ldc); c11 = FloatVector.fromArray(F, c, cr + ldc + VL);
            c20 = FloatVector.fromArray(F, c, cr + 2 * ldc); c21 = FloatVector.fromArray(F, c, cr + 2 * ldc + VL);
            c30 = FloatVector.fromArray(F, c, cr + 3 * ldc); c31 = FloatVector.fromArray(F, c, cr + 3 * ldc + VL);
            c40 = FloatVector.fromArray(F, c, cr + 4 * ldc); c41 = FloatVector.fromArray(F, c, cr + 4 * ldc + VL);
            c50 = FloatVector.fromArray(F, c, cr + 5 * ldc); c51 = FloatVector.fromArray(F, c, cr + 5 * ldc + VL);
        } else {
            c00 = FloatVector.zero(F); c01 = c00; c10 = c00; c11 = c00; c20 = c00; c21 = c00; c30 = c00; c31 = c00; c40 = c00; c41 = c00; c50 = c00; c51 = c00;
        }
        for (int q = 0, pb = pk; q < depth; q++, pb += NR) {
            FloatVector b0 = FloatVector.fromArray(F, pack, pb), b1 = FloatVector.fromArray(F, pack, pb + VL);
            FloatVector x0 = FloatVector.broadcast(F, a[ar + q]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            FloatVector x1 = FloatVector.broadcast(F, a[ar + lda + q]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            FloatVector x2 = FloatVector.broadcast(F, a[ar + 2 * lda + q]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            FloatVector x3 = FloatVector.broadcast(F, a[ar + 3 * lda + q]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            FloatVector x4 = FloatVector.broadcast(F, a[ar + 4 * lda + q]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            FloatVector x5 = FloatVector.broadcast(F, a[ar + 5 * lda + q]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
        }
        c00.intoArray(c, cr + 0 * ldc); c01.intoArray(c, cr + 0 * ldc + VL);
        c10.intoArray(c, cr + 1 * ldc); c11.intoArray(c, cr + 1 * ldc + VL);
        c20.intoArray(c, cr + 2 * ldc); c21.intoArray(c, cr + 2 * ldc + VL);
        c30.intoArray(c, cr + 3 * ldc); c31.intoArray(c, cr + 3 * ldc + VL);
        c40.intoArray(c, cr + 4 * ldc); c41.intoArray(c, cr + 4 * ldc + VL);
        c50.intoArray(c, cr + 5 * ldc); c51.intoArray(c, cr + 5 * ldc + VL);
    }

    /** Float64 C = A·B with the same panel and 6-row register blocking as float32 ({@link #gemmF32}), on {@code DoubleVector}s. */
    static void gemmF64(double[] a, int a0, double[] b, int b0, double[] c, int c0, int m, int k, int n) {
        if (m < SMALL_M) { rowsF64(a, a0, b, b0, c, c0, m, k, n); return; }
        if (n == 1) { dotsF64(a, a0, b, b0, c, c0, m, k); return; }
        int panels = (n + DNR - 1) / DNR;
        boolean split = Parallel.enabled() && (long) m * n * k >= (1L << 22) && panels > 1;
        if (split) Parallel.forRange(panels, 1, (lo, hi) -> { for (int p = lo; p < hi; p++) panelF64(a, a0, b, b0, c, c0, m, k, n, p); });
        else for (int p = 0; p < panels; p++) panelF64(a, a0, b, b0, c, c0, m, k, n, p);
    }

    private static void panelF64(double[] a, int a0, double[] b, int b0, double[] c, int c0, int m, int k, int n, int p) {
        int j0 = p * DNR, w = Math.min(DNR, n - j0);
        double[] pack = new double[k * DNR], tile = new double[MR * DNR];
        for (int q = 0; q < k; q++) System.arraycopy(b, b0 + q * n + j0, pack, q * DNR, w);
        for (int i = 0; i < m; i += MR) {
            int rows = Math.min(MR, m - i);
            if (rows == MR) block6F64(a, a0 + i * k, k, pack, 0, tile);
            else for (int r = 0; r < rows; r++) block1F64(a, a0 + (i + r) * k, k, pack, tile, r * DNR);
            for (int r = 0; r < rows; r++) System.arraycopy(tile, r * DNR, c, c0 + (i + r) * n + j0, w);
        }
    }

    /** Rows of the float64 register tile. */
    public static final int F64_TILE_ROWS = MR;
    /** Columns of the float64 register tile (two vectors). */
    public static final int F64_TILE_COLS = DNR;

    /**
     * The float64 micro-kernel: {@code tile (6 × 2·lanes) = A (6 rows of length k, row stride k, from ar) · P}, where
     * P is a packed panel of k rows of {@link #F64_TILE_COLS} values starting at {@code po}. Shared with the library's
     * normal-equation accumulation ({@code train.Syrk}).
     */
    public static void block6F64(double[] a, int ar, int k, double[] pack, int po, double[] tile) {
        java.util.Arrays.fill(tile, 0, MR * DNR, 0.0);
        block6F64Into(a, ar, k, pack, po, tile, 0, DNR);
    }

    /**
     * {@link #block6F64} that adds the 6 × {@link #F64_TILE_COLS} tile straight into {@code c} (row {@code r} at
     * {@code co + r·ldc}) with vector loads and stores, instead of writing a tile the caller adds element by element:
     * the normal-equation accumulation spent about a third of its time in that scalar add.
     */
    public static void block6F64Into(double[] a, int ar, int k, double[] pack, int po, double[] c, int co, int ldc) {
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int q = 0, pb = po; q < k; q++, pb += DNR) {
            DoubleVector b0 = DoubleVector.fromArray(D, pack, pb), b1 = DoubleVector.fromArray(D, pack, pb + DVL);
            DoubleVector x0 = DoubleVector.broadcast(D, a[ar + q]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(D, a[ar + k + q]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(D, a[ar + 2 * k + q]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(D, a[ar + 3 * k + q]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(D, a[ar + 4 * k + q]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(D, a[ar + 5 * k + q]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
        }
        addInto(c, co, c00, c01);
        addInto(c, co + ldc, c10, c11);
        addInto(c, co + 2 * ldc, c20, c21);
        addInto(c, co + 3 * ldc, c30, c31);
        addInto(c, co + 4 * ldc, c40, c41);
        addInto(c, co + 5 * ldc, c50, c51);
    }

    private static void addInto(double[] c, int at, DoubleVector v0, DoubleVector v1) {
        DoubleVector.fromArray(D, c, at).add(v0).intoArray(c, at);
        DoubleVector.fromArray(D, c, at + DVL).add(v1).intoArray(c, at + DVL);
    }

    private static void block1F64(double[] a, int ar, int k, double[] pack, double[] tile, int tr) {
        DoubleVector c0 = DoubleVector.zero(D), c1 = c0;
        for (int q = 0, pb = 0; q < k; q++, pb += DNR) {
            DoubleVector x = DoubleVector.broadcast(D, a[ar + q]);
            c0 = x.fma(DoubleVector.fromArray(D, pack, pb), c0);
            c1 = x.fma(DoubleVector.fromArray(D, pack, pb + DVL), c1);
        }
        c0.intoArray(tile, tr);
        c1.intoArray(tile, tr + DVL);
    }

    private static void axpyI32(int[] a, int a0, int[] b, int b0, int[] c, int c0, int m, int k, int n) {
        for (int i = 0; i < m; i++) {
            int cr = c0 + i * n;
            for (int q = 0; q < k; q++) {
                int x = a[a0 + i * k + q], br = b0 + q * n;
                for (int j = 0; j < n; j++) c[cr + j] += x * b[br + j];
            }
        }
    }
}
