package org.braindyn.ops.internal;

import java.util.Arrays;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager matmul with batch broadcasting. Float32 uses a register-blocked Vector API micro-kernel: a panel of
 * {@code NR = 3} vectors of B's columns is packed contiguously, then each block of {@code MR = 4} rows of A
 * keeps {@code 4 × 3} vector accumulators in registers over the whole depth (broadcast A, load B, FMA).
 * Float64 and int32 use the row-axpy loop C2 auto-vectorises. Large products split rows across cores.
 */
public final class MatmulKernel {
    private static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;
    private static final int VL = F.length();
    private static final int MR = 4, NR = 3 * VL;

    private MatmulKernel() {}

    /** {@code a @ b} for rank ≥ 2 operands of the same dtype; batch axes broadcast. */
    public static Tensor matmul(Tensor a, Tensor b, TensorType out) {
        int m = a.dim(-2), k = a.dim(-1), n = b.dim(-1);
        Shape os = out.shape();
        int batch = os.size() / Math.max(1, m * n);
        if (m * n == 0) return Tensor.wrap(out.dtype(), os, Storage.allocate(out.dtype(), os.size()));
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
            case F64 -> Parallel.forRange(m, grain(k, n), (lo, hi) -> axpyF64((double[]) a, a0, (double[]) b, b0, (double[]) c, c0, lo, hi, k, n));
            case I32 -> axpyI32((int[]) a, a0, (int[]) b, b0, (int[]) c, c0, m, k, n);
            case BOOL -> throw new IllegalArgumentException("matmul: not defined for bool");
        }
    }

    private static int grain(int k, int n) { return Math.max(MR, (1 << 22) / Math.max(1, k * n)); }

    static void gemmF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n) {
        int panels = (n + NR - 1) / NR;
        boolean split = Parallel.enabled() && (long) m * n * k >= (1L << 22) && panels > 1;
        if (split) {
            Parallel.forRange(panels, 1, (lo, hi) -> { for (int p = lo; p < hi; p++) panelF32(a, a0, b, b0, c, c0, m, k, n, p); });
        } else {
            for (int p = 0; p < panels; p++) panelF32(a, a0, b, b0, c, c0, m, k, n, p);
        }
    }

    private static void panelF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n, int p) {
        int j0 = p * NR, w = Math.min(NR, n - j0);
        if (w < NR) { tailF32(a, a0, b, b0, c, c0, m, k, n, j0, w); return; }
        float[] pack = new float[k * NR];
        for (int q = 0; q < k; q++) System.arraycopy(b, b0 + q * n + j0, pack, q * NR, NR);
        int i = 0;
        for (; i + MR <= m; i += MR) block4(a, a0 + i * k, k, pack, c, c0 + i * n + j0, n);
        for (; i < m; i++) block1(a, a0 + i * k, k, pack, c, c0 + i * n + j0);
    }

    private static void block4(float[] a, int ar, int k, float[] pack, float[] c, int cr, int n) {
        FloatVector c00 = FloatVector.zero(F), c01 = c00, c02 = c00, c10 = c00, c11 = c00, c12 = c00;
        FloatVector c20 = c00, c21 = c00, c22 = c00, c30 = c00, c31 = c00, c32 = c00;
        int r1 = ar + k, r2 = r1 + k, r3 = r2 + k;
        for (int q = 0, pb = 0; q < k; q++, pb += NR) {
            FloatVector b0 = FloatVector.fromArray(F, pack, pb);
            FloatVector b1 = FloatVector.fromArray(F, pack, pb + VL);
            FloatVector b2 = FloatVector.fromArray(F, pack, pb + 2 * VL);
            FloatVector x = FloatVector.broadcast(F, a[ar + q]);
            c00 = x.fma(b0, c00); c01 = x.fma(b1, c01); c02 = x.fma(b2, c02);
            x = FloatVector.broadcast(F, a[r1 + q]);
            c10 = x.fma(b0, c10); c11 = x.fma(b1, c11); c12 = x.fma(b2, c12);
            x = FloatVector.broadcast(F, a[r2 + q]);
            c20 = x.fma(b0, c20); c21 = x.fma(b1, c21); c22 = x.fma(b2, c22);
            x = FloatVector.broadcast(F, a[r3 + q]);
            c30 = x.fma(b0, c30); c31 = x.fma(b1, c31); c32 = x.fma(b2, c32);
        }
        store(c, cr, c00, c01, c02);
        store(c, cr + n, c10, c11, c12);
        store(c, cr + 2 * n, c20, c21, c22);
        store(c, cr + 3 * n, c30, c31, c32);
    }

    private static void block1(float[] a, int ar, int k, float[] pack, float[] c, int cr) {
        FloatVector c0 = FloatVector.zero(F), c1 = c0, c2 = c0;
        for (int q = 0, pb = 0; q < k; q++, pb += NR) {
            FloatVector x = FloatVector.broadcast(F, a[ar + q]);
            c0 = x.fma(FloatVector.fromArray(F, pack, pb), c0);
            c1 = x.fma(FloatVector.fromArray(F, pack, pb + VL), c1);
            c2 = x.fma(FloatVector.fromArray(F, pack, pb + 2 * VL), c2);
        }
        store(c, cr, c0, c1, c2);
    }

    private static void store(float[] c, int at, FloatVector v0, FloatVector v1, FloatVector v2) {
        v0.intoArray(c, at);
        v1.intoArray(c, at + VL);
        v2.intoArray(c, at + 2 * VL);
    }

    /** Columns {@code [j0, j0+w)} with {@code w < NR}: scalar FMA in float, the same rounding as the vector path. */
    private static void tailF32(float[] a, int a0, float[] b, int b0, float[] c, int c0, int m, int k, int n, int j0, int w) {
        for (int i = 0; i < m; i++) {
            int ar = a0 + i * k, cr = c0 + i * n + j0;
            for (int j = 0; j < w; j++) {
                float s = 0;
                for (int q = 0; q < k; q++) s = Math.fma(a[ar + q], b[b0 + q * n + j0 + j], s);
                c[cr + j] = s;
            }
        }
    }

    private static void axpyF64(double[] a, int a0, double[] b, int b0, double[] c, int c0, int lo, int hi, int k, int n) {
        for (int i = lo; i < hi; i++) {
            int cr = c0 + i * n;
            for (int q = 0; q < k; q++) {
                double x = a[a0 + i * k + q];
                int br = b0 + q * n;
                for (int j = 0; j < n; j++) c[cr + j] += x * b[br + j];
            }
        }
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
