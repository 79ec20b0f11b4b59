package org.braindyn.ops.internal;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The float64 CSR mat-vec {@code y = A·x} with one value per stored entry: each output row is the dot product of the
 * row's values with the entries of x its column indices select. This is a reservoir's recurrent step (a 2,000-unit
 * echo-state network at 10% density reads 400,000 entries per step), so it is the one sparse kernel whose speed
 * decides a reservoir run.
 * <p>
 * Two forms, chosen once per JVM: with 512-bit vectors (AVX-512), eight entries of x are gathered per instruction
 * ({@code DoubleVector.fromArray} with an index map, which HotSpot compiles to {@code vgatherdpd}) into four
 * independent fused multiply-add chains, written out four gathers per pass — measured 0.55–0.6 ns per entry against
 * 1.1–1.2 ns for the scalar loop on a Xeon, and 0.49 ns (197 µs for 400,000 entries) on an EPYC, where a two-gather
 * loop that HotSpot unrolled itself took 240–270 µs; with narrower vectors the scalar loop with four partial sums,
 * because 256-bit gathers were measured six times slower than it on an AVX2 Zen core. The two forms add in different orders (results agree to rounding);
 * eager and compiled code call the same form, so they agree bit for bit on any one machine.
 */
final class CsrRowDots {
    private CsrRowDots() {}

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** The species of the gathering forms, which run only where {@link #GATHER} (512-bit vectors: eight lanes). */
    private static final VectorSpecies<Double> D8 = DoubleVector.SPECIES_512;
    /** Whether the gathering form runs: 512-bit vectors ({@code -Dbraindyn.csr.gather=false} turns it off). */
    static final boolean GATHER = D.vectorBitSize() >= 512 && !"false".equals(System.getProperty("braindyn.csr.gather"));

    /**
     * Stored entries from which a mat-vec is split across the cores (when parallel kernels are on): about 50 µs of
     * row dots, well above a hand-off; each part gets at least half of it, so a many-core machine does not hand a
     * 400,000-entry mat-vec out in 64 slivers.
     */
    static final int SPLIT_ENTRIES = 1 << 17;

    /**
     * {@code y[yo + r] = Σ_s d[dof + s]·x[xo + ix[ixo + s]]} over row r's entries {@code s ∈ [ip[ipo + r], ip[ipo + r + 1])}.
     * With every offset 0 (the arrays of contiguous tensors), the gathering form runs the loop without them, and with
     * parallel kernels on and at least {@value #SPLIT_ENTRIES} entries the rows are split across the cores into parts
     * of equal entry counts. Each row is still summed by one thread in one order, so the result is the same bits for
     * any split.
     */
    static void rows(int[] ip, int ipo, int[] ix, int ixo, double[] d, int dof, double[] x, int xo, int rows, double[] y, int yo) {
        if (!GATHER) { scalar(ip, ipo, ix, ixo, d, dof, x, xo, rows, y, yo); return; }
        if ((ipo | ixo | dof | xo | yo) != 0) { gathered(ip, ipo, ix, ixo, d, dof, x, xo, rows, y, yo); return; }
        int parts = Parallel.enabled() && !SpinTeam.onWorker() ? Math.min(Parallel.threads(), (ip[rows] - ip[0]) / (SPLIT_ENTRIES / 2)) : 1;
        if (parts >= 2) split(ip, ix, d, x, rows, y, parts);
        else gatheredRange(ip, ix, d, x, 0, rows, y);
    }

    /**
     * The rows in {@code parts} parts of equal entry counts (at least {@code SPLIT_ENTRIES / 2} each, one per core at
     * most), on {@link SpinTeam}'s workers: a mat-vec of 100–200 µs runs every reservoir step, and the common pool's
     * hand-off cost 40–50 µs of it.
     */
    private static void split(int[] ip, int[] ix, double[] d, double[] x, int rows, double[] y, int parts) {
        int nnz = ip[rows] - ip[0];
        int[] bounds = new int[parts + 1];
        bounds[parts] = rows;
        for (int k = 1, r = 0; k < parts; k++) {                     // part k starts at the row where k/parts of the entries begin
            long target = ip[0] + (long) nnz * k / parts;
            while (r < rows && ip[r] < target) r++;
            bounds[k] = r;
        }
        SpinTeam.shared(parts - 1).run(parts, k -> gatheredRange(ip, ix, d, x, bounds[k], bounds[k + 1], y));
    }

    static void scalar(int[] ip, int ipo, int[] ix, int ixo, double[] d, int dof, double[] x, int xo, int rows, double[] y, int yo) {
        for (int r = 0; r < rows; r++) {
            // four partial sums break the add latency chain (one add per ~4 cycles otherwise)
            double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
            int s = ip[ipo + r], e = ip[ipo + r + 1];
            for (; s + 3 < e; s += 4) {
                a0 += d[dof + s] * x[xo + ix[ixo + s]];
                a1 += d[dof + s + 1] * x[xo + ix[ixo + s + 1]];
                a2 += d[dof + s + 2] * x[xo + ix[ixo + s + 2]];
                a3 += d[dof + s + 3] * x[xo + ix[ixo + s + 3]];
            }
            for (; s < e; s++) a0 += d[dof + s] * x[xo + ix[ixo + s]];
            y[yo + r] = (a0 + a1) + (a2 + a3);
        }
    }

    /** {@link #gatheredRange} with offsets into every array: the same additions in the same order, so the same bits. */
    static void gathered(int[] ip, int ipo, int[] ix, int ixo, double[] d, int dof, double[] x, int xo, int rows, double[] y, int yo) {
        for (int r = 0; r < rows; r++) {
            int s = ip[ipo + r], e = ip[ipo + r + 1];
            DoubleVector a0 = DoubleVector.zero(D8), a1 = a0, a2 = a0, a3 = a0;
            for (; s + 32 <= e; s += 32) {
                a0 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s).fma(DoubleVector.fromArray(D8, d, dof + s), a0);
                a1 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s + 8).fma(DoubleVector.fromArray(D8, d, dof + s + 8), a1);
                a2 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s + 16).fma(DoubleVector.fromArray(D8, d, dof + s + 16), a2);
                a3 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s + 24).fma(DoubleVector.fromArray(D8, d, dof + s + 24), a3);
            }
            if (s + 16 <= e) {
                a0 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s).fma(DoubleVector.fromArray(D8, d, dof + s), a0);
                a1 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s + 8).fma(DoubleVector.fromArray(D8, d, dof + s + 8), a1);
                s += 16;
            }
            if (s + 8 <= e) {
                a2 = DoubleVector.fromArray(D8, x, xo, ix, ixo + s).fma(DoubleVector.fromArray(D8, d, dof + s), a2);
                s += 8;
            }
            double t = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            for (; s < e; s++) t += d[dof + s] * x[xo + ix[ixo + s]];
            y[yo + r] = t;
        }
    }

    /**
     * The gathering form over rows {@code r0…r1−1} with no offsets. Measured on an AVX-512 EPYC (2,000 × 2,000, 10%,
     * standalone loops): with two gathers per pass, 200–205 µs per mat-vec without offsets against 270–285 µs with the
     * offset parameters (all zero at run time; turning the Vector API's bounds checks off recovered most of the
     * difference), and 240–267 µs again once inlined into {@link #rows}, where C2 unrolled the short inner loop itself
     * ({@code -XX:LoopUnrollLimit=0}: 202 µs). Four gathers per pass, as written here: 197 µs wherever it is compiled.
     */
    static void gatheredRange(int[] ip, int[] ix, double[] d, double[] x, int r0, int r1, double[] y) {
        for (int r = r0; r < r1; r++) {
            int s = ip[r], e = ip[r + 1];
            DoubleVector a0 = DoubleVector.zero(D8), a1 = a0, a2 = a0, a3 = a0;
            for (; s + 32 <= e; s += 32) {                              // four gathers per pass: HotSpot leaves it unrolled as written
                a0 = DoubleVector.fromArray(D8, x, 0, ix, s).fma(DoubleVector.fromArray(D8, d, s), a0);
                a1 = DoubleVector.fromArray(D8, x, 0, ix, s + 8).fma(DoubleVector.fromArray(D8, d, s + 8), a1);
                a2 = DoubleVector.fromArray(D8, x, 0, ix, s + 16).fma(DoubleVector.fromArray(D8, d, s + 16), a2);
                a3 = DoubleVector.fromArray(D8, x, 0, ix, s + 24).fma(DoubleVector.fromArray(D8, d, s + 24), a3);
            }
            if (s + 16 <= e) {
                a0 = DoubleVector.fromArray(D8, x, 0, ix, s).fma(DoubleVector.fromArray(D8, d, s), a0);
                a1 = DoubleVector.fromArray(D8, x, 0, ix, s + 8).fma(DoubleVector.fromArray(D8, d, s + 8), a1);
                s += 16;
            }
            if (s + 8 <= e) {
                a2 = DoubleVector.fromArray(D8, x, 0, ix, s).fma(DoubleVector.fromArray(D8, d, s), a2);
                s += 8;
            }
            double t = a0.add(a1).add(a2.add(a3)).reduceLanes(VectorOperators.ADD);
            for (; s < e; s++) t += d[s] * x[ix[s]];
            y[r] = t;
        }
    }
}
