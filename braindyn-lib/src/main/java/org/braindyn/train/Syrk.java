package org.braindyn.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@code G += XᵀX} (upper triangle) and {@code R += XᵀY} for a row-major block X {@code (n, p)} in float64, the
 * inner loop of {@link Gram}. Rows of X are taken {@value #DEPTH} at a time and packed into panels of 6 columns
 * (the broadcast side) and {@code 2·lanes} columns (the vector side); a 6 × {@code 2·lanes} tile of G keeps its 12
 * vector accumulators in registers across the packed depth — the register-blocked scheme of the matmul kernel, on
 * the one operand, with only the tiles that touch the upper triangle computed. An optional leading column of ones
 * (the intercept) is handled without materialising it.
 */
final class Syrk {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int VL = D.length(), NR = 2 * VL, MR = 6, DEPTH = 256;

    private Syrk() {}

    /**
     * Accumulates rows {@code 0…n−1} of {@code x} ({@code n × px}, row-major) into {@code g} ({@code p × p}) and
     * {@code r} ({@code p × q}) with {@code y} ({@code n × q}), where {@code p = px + (ones ? 1 : 0)} and, with
     * {@code ones}, column 0 of the design is the constant 1.
     */
    static void accumulate(double[] x, int n, int px, boolean ones, double[] y, int q, double[] g, double[] r) {
        int off = ones ? 1 : 0, p = px + off;
        if (ones) {                                                    // the constant column's row and column of G
            g[0] += n;
            for (int i = 0; i < n; i++) {
                int xr = i * px;
                for (int j = 0; j < px; j++) g[1 + j] += x[xr + j];
                for (int c = 0; c < q; c++) r[c] += y[i * q + c];
            }
        }
        for (int i = 0; i < n; i++) {                                  // XᵀY: q is small
            int xr = i * px;
            for (int c = 0; c < q; c++) {
                double yv = y[i * q + c];
                for (int j = 0; j < px; j++) r[(off + j) * q + c] += x[xr + j] * yv;
            }
        }
        int panels = (px + NR - 1) / NR, blocks = (px + MR - 1) / MR;
        double[] packB = new double[DEPTH * NR * panels], packA = new double[DEPTH * MR * blocks], tile = new double[MR * NR];
        for (int r0 = 0; r0 < n; r0 += DEPTH) {
            int depth = Math.min(DEPTH, n - r0);
            pack(x, px, r0, depth, packB, NR, panels);
            pack(x, px, r0, depth, packA, MR, blocks);
            for (int jp = 0; jp < panels; jp++) {
                int j0 = jp * NR;
                for (int ib = 0; ib < blocks; ib++) {
                    int i0 = ib * MR;
                    if (i0 > j0 + NR - 1) break;                            // the tile lies below the diagonal
                    kernel(packA, ib * DEPTH * MR, packB, jp * DEPTH * NR, depth, tile);
                    int rows = Math.min(MR, px - i0), cols = Math.min(NR, px - j0);
                    for (int a = 0; a < rows; a++) {
                        int gr = (off + i0 + a) * p + off + j0, tr = a * NR;
                        for (int b = 0; b < cols; b++) g[gr + b] += tile[tr + b];
                    }
                }
            }
        }
    }

    /** Column panels of width {@code w} of rows {@code r0…r0+depth−1}: panel k holds, per row, columns k·w … k·w+w−1 (zero-padded). */
    private static void pack(double[] x, int px, int r0, int depth, double[] dst, int w, int panels) {
        for (int k = 0; k < panels; k++) {
            int c0 = k * w, cols = Math.min(w, px - c0), base = k * DEPTH * w;
            for (int d = 0; d < depth; d++) {
                System.arraycopy(x, (r0 + d) * px + c0, dst, base + d * w, cols);
                for (int c = cols; c < w; c++) dst[base + d * w + c] = 0;
            }
        }
    }

    private static void kernel(double[] a, int ao, double[] b, int bo, int depth, double[] tile) {
        DoubleVector c00 = DoubleVector.zero(D), c01 = c00, c10 = c00, c11 = c00, c20 = c00, c21 = c00, c30 = c00, c31 = c00, c40 = c00, c41 = c00, c50 = c00, c51 = c00;
        for (int d = 0, pa = ao, pb = bo; d < depth; d++, pa += MR, pb += NR) {
            DoubleVector b0 = DoubleVector.fromArray(D, b, pb), b1 = DoubleVector.fromArray(D, b, pb + VL);
            DoubleVector x0 = DoubleVector.broadcast(D, a[pa]);
            c00 = x0.fma(b0, c00); c01 = x0.fma(b1, c01);
            DoubleVector x1 = DoubleVector.broadcast(D, a[pa + 1]);
            c10 = x1.fma(b0, c10); c11 = x1.fma(b1, c11);
            DoubleVector x2 = DoubleVector.broadcast(D, a[pa + 2]);
            c20 = x2.fma(b0, c20); c21 = x2.fma(b1, c21);
            DoubleVector x3 = DoubleVector.broadcast(D, a[pa + 3]);
            c30 = x3.fma(b0, c30); c31 = x3.fma(b1, c31);
            DoubleVector x4 = DoubleVector.broadcast(D, a[pa + 4]);
            c40 = x4.fma(b0, c40); c41 = x4.fma(b1, c41);
            DoubleVector x5 = DoubleVector.broadcast(D, a[pa + 5]);
            c50 = x5.fma(b0, c50); c51 = x5.fma(b1, c51);
        }
        c00.intoArray(tile, 0); c01.intoArray(tile, VL);
        c10.intoArray(tile, NR); c11.intoArray(tile, NR + VL);
        c20.intoArray(tile, 2 * NR); c21.intoArray(tile, 2 * NR + VL);
        c30.intoArray(tile, 3 * NR); c31.intoArray(tile, 3 * NR + VL);
        c40.intoArray(tile, 4 * NR); c41.intoArray(tile, 4 * NR + VL);
        c50.intoArray(tile, 5 * NR); c51.intoArray(tile, 5 * NR + VL);
    }
}
