package org.braindyn.train;

import org.braindyn.ops.internal.MatmulKernel;
import org.braindyn.ops.internal.Parallel;

/**
 * {@code G += XᵀX} (upper triangle) and {@code R += XᵀY} for a row-major block X {@code (n, p)} in float64, the
 * inner loop of {@link Gram}. Rows of X are taken {@value #DEPTH} at a time and packed into panels of 6 columns
 * (the broadcast side) and {@code 2·lanes} columns (the vector side); chunks of {@value #CHUNK} row blocks are
 * swept across all column panels, and each 6 × {@code 2·lanes} tile of G that touches the upper triangle is computed
 * by the matmul kernel's float64 micro-kernel ({@code MatmulKernel.block6F64Into}). With parallel kernels on
 * ({@code Config.setParallelKernels}) the column panels are shared among the cores, with the same bits as one
 * thread. An optional leading column of ones (the intercept) is handled without materialising it.
 */
final class Syrk {
    private static final int NR = MatmulKernel.F64_TILE_COLS, MR = MatmulKernel.F64_TILE_ROWS, DEPTH = 256;
    /**
     * Row blocks of A per pass over the panels: 48 blocks of 6 × 256 doubles are 576 KB, which stay in a core's L2
     * while every panel of B meets them. Without it, each panel re-read all of A's packed blocks (4 MB for 2,000
     * columns) from L3, and the kernel ran at L3 bandwidth instead of at its FMA rate.
     */
    private static final int CHUNK = 48;

    private Syrk() {}

    /** The packed panels of one depth block, reused from block to block. */
    static final class Scratch {
        final int px;
        final double[] packA, packB;

        Scratch(int px) {
            this.px = px;
            packB = new double[DEPTH * NR * ((px + NR - 1) / NR)];
            packA = new double[DEPTH * MR * ((px + MR - 1) / MR)];
        }

        boolean fits(int features) { return features == px; }
    }

    /**
     * Accumulates rows {@code 0…n−1} of {@code x} ({@code n × px}, row-major) into {@code g} ({@code p × p}) and
     * {@code r} ({@code p × q}) with {@code y} ({@code n × q}), where {@code p = px + (ones ? 1 : 0)} and, with
     * {@code ones}, column 0 of the design is the constant 1; {@code share}: the panels may be split among the cores;
     * {@code s}: packing buffers made for {@code px}.
     */
    static void accumulate(double[] x, int n, int px, boolean ones, double[] y, int q, double[] g, double[] r, boolean share, Scratch s) {
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
        double[] packB = s.packB, packA = s.packA;
        // Panels of G are disjoint, so they split across threads; each tile still receives its additions in row
        // order, one micro-kernel call per depth block, so the sums are the same bits for any split.
        boolean split = share && Parallel.enabled() && (long) px * px * n >= (1L << 26) && panels > 1;
        for (int r0 = 0; r0 < n; r0 += DEPTH) {
            int depth = Math.min(DEPTH, n - r0);
            pack(x, px, r0, depth, packB, NR, panels);
            packRows(x, px, r0, depth, packA, blocks);
            if (split) {                                                // panel jp holds ~jp tiles: every T-th panel per thread balances the triangle
                int t = Parallel.threads();
                Parallel.forRange(t, 1, (lo, hi) -> { for (int first = lo; first < hi; first++) panels(packA, packB, depth, px, p, off, blocks, panels, first, t, g); });
            } else panels(packA, packB, depth, px, p, off, blocks, panels, 0, 1, g);
        }
    }

    /**
     * The tiles of G that touch the upper triangle in column panels {@code first, first + stride, …} (below
     * {@code panels}), for one packed depth block.
     */
    private static void panels(double[] packA, double[] packB, int depth, int px, int p, int off, int blocks, int panels, int first, int stride, double[] g) {
        double[] tile = null;
        for (int c0 = 0; c0 < blocks; c0 += CHUNK) {                       // a chunk of A's row blocks stays in L2 across the panels
            int c1 = Math.min(blocks, c0 + CHUNK), left = c0 * MR / NR;    // panels left of the chunk's first row lie below the diagonal
            int jp0 = left <= first ? first : first + (left - first + stride - 1) / stride * stride;
            for (int jp = jp0; jp < panels; jp += stride) {
                int j0 = jp * NR;
                for (int ib = c0; ib < c1; ib++) {
                    int i0 = ib * MR;
                    if (i0 > j0 + NR - 1) break;                            // the tile lies below the diagonal
                    int rows = Math.min(MR, px - i0), cols = Math.min(NR, px - j0);
                    if (rows == MR && cols == NR) {                       // a full tile: added into G by vectors
                        MatmulKernel.block6F64Into(packA, ib * DEPTH * MR, depth, packB, jp * DEPTH * NR, g, (off + i0) * p + off + j0, p);
                        continue;
                    }
                    if (tile == null) tile = new double[MR * NR];
                    MatmulKernel.block6F64(packA, ib * DEPTH * MR, depth, packB, jp * DEPTH * NR, tile);
                    for (int a = 0; a < rows; a++) {
                        int gr = (off + i0 + a) * p + off + j0, tr = a * NR;
                        for (int b = 0; b < cols; b++) g[gr + b] += tile[tr + b];
                    }
                }
            }
        }
    }

    /** Blocks of 6 columns as 6 rows of {@code depth} values each (block k at {@code k·DEPTH·6}, row stride {@code depth}). */
    private static void packRows(double[] x, int px, int r0, int depth, double[] dst, int blocks) {
        for (int k = 0; k < blocks; k++) {
            int c0 = k * MR, base = k * DEPTH * MR, cols = Math.min(MR, px - c0);
            for (int d = 0; d < depth; d++) {                              // each row's six values are adjacent in x
                int xr = (r0 + d) * px + c0;
                for (int r = 0; r < cols; r++) dst[base + r * depth + d] = x[xr + r];
                for (int r = cols; r < MR; r++) dst[base + r * depth + d] = 0;
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

}
