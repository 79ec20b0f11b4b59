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
 * ({@code DoubleVector.fromArray} with an index map, which HotSpot compiles to {@code vgatherdpd}) into two
 * independent fused multiply-add chains — measured 0.55–0.6 ns per entry against 1.1–1.2 ns for the scalar loop on
 * the same Xeon; with narrower vectors the scalar loop with four partial sums, because 256-bit gathers were measured
 * six times slower than it on an AVX2 Zen core. The two forms add in different orders (results agree to rounding);
 * eager and compiled code call the same form, so they agree bit for bit on any one machine.
 */
final class CsrRowDots {
    private CsrRowDots() {}

    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    /** Whether the gathering form runs: 512-bit vectors ({@code -Dbraindyn.csr.gather=false} turns it off). */
    static final boolean GATHER = D.vectorBitSize() >= 512 && !"false".equals(System.getProperty("braindyn.csr.gather"));

    /** {@code y[yo + r] = Σ_s d[dof + s]·x[xo + ix[ixo + s]]} over row r's entries {@code s ∈ [ip[ipo + r], ip[ipo + r + 1])}. */
    static void rows(int[] ip, int ipo, int[] ix, int ixo, double[] d, int dof, double[] x, int xo, int rows, double[] y, int yo) {
        if (GATHER) gathered(ip, ipo, ix, ixo, d, dof, x, xo, rows, y, yo);
        else scalar(ip, ipo, ix, ixo, d, dof, x, xo, rows, y, yo);
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

    static void gathered(int[] ip, int ipo, int[] ix, int ixo, double[] d, int dof, double[] x, int xo, int rows, double[] y, int yo) {
        int l = D.length();
        for (int r = 0; r < rows; r++) {
            int s = ip[ipo + r], e = ip[ipo + r + 1];
            DoubleVector a0 = DoubleVector.zero(D), a1 = DoubleVector.zero(D);
            for (; s + 2 * l <= e; s += 2 * l) {
                a0 = DoubleVector.fromArray(D, x, xo, ix, ixo + s).fma(DoubleVector.fromArray(D, d, dof + s), a0);
                a1 = DoubleVector.fromArray(D, x, xo, ix, ixo + s + l).fma(DoubleVector.fromArray(D, d, dof + s + l), a1);
            }
            double t = a0.add(a1).reduceLanes(VectorOperators.ADD);
            for (; s < e; s++) t += d[dof + s] * x[xo + ix[ixo + s]];
            y[yo + r] = t;
        }
    }
}
