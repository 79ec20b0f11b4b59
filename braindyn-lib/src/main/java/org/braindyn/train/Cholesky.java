package org.braindyn.train;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Solves {@code A X = B} for a symmetric positive definite {@code A} ({@code p × p}, row-major float64) by the
 * Cholesky factorisation {@code A = L Lᵀ}, computed row by row (Cholesky–Banachiewicz: each entry of L is a dot
 * product of two rows of L already computed) four rows at a time, so that each earlier row is read once per four
 * rows instead of once per row — the factor of a 2,001-feature ridge problem (16 MB) lives in L3, and reading it
 * p times was the cost. Then the two triangular solves. Measured on a 2,001 × 2,001 matrix (EPYC, one core): 0.2–0.3 s, against 0.5–0.9 s
 * for EJML's blocked Cholesky solver.
 */
final class Cholesky {
    private static final VectorSpecies<Double> D = DoubleVector.SPECIES_PREFERRED;
    private static final int BLOCK = 4;   // rows per pass over the earlier rows

    private Cholesky() {}

    /**
     * Overwrites the lower triangle of {@code a} with L (the strict upper triangle is left as it was); false when a
     * pivot is not positive and finite (A is not positive definite to working precision).
     */
    static boolean factor(double[] a, int p) {
        for (int i0 = 0; i0 < p; i0 += BLOCK) {
            int i1 = Math.min(p, i0 + BLOCK);
            // columns j < i0: rows i0…i1−1 against row j, one read of row j for the whole block
            for (int j = 0; j < i0; j++) {
                int rj = j * p;
                double ljj = a[rj + j];
                if (i1 - i0 == BLOCK) column4(a, p, i0, j, ljj);
                else {
                    for (int i = i0; i < i1; i++) a[i * p + j] = (a[i * p + j] - dot(a, i * p, rj, j)) / ljj;
                }
            }
            // the block's own triangle
            for (int i = i0; i < i1; i++) {
                int ri = i * p;
                for (int j = i0; j <= i; j++) {
                    double s = a[ri + j] - dot(a, ri, j * p, j);
                    if (i == j) {
                        if (!(s > 0) || !Double.isFinite(s)) return false;
                        a[ri + i] = Math.sqrt(s);
                    } else a[ri + j] = s / a[j * p + j];
                }
            }
        }
        return true;
    }

    /**
     * Entries {@code (i0…i0+3, j)} of L from row j. A method of its own, called ~p²/8 times, so that HotSpot compiles
     * it (with its vector operations intrinsified) within the first rows: inside {@link #factor}, which runs once, it
     * waited for on-stack replacement and the first factorisation of a 2,001 × 2,001 matrix took 1.7–2.0 s, not 0.17.
     */
    private static void column4(double[] a, int p, int i0, int j, double ljj) {
        int rj = j * p, r0 = i0 * p, r1 = r0 + p, r2 = r1 + p, r3 = r2 + p;
        DoubleVector s0 = DoubleVector.zero(D), s1 = s0, s2 = s0, s3 = s0;
        int k = 0, l = D.length();
        for (; k + l <= j; k += l) {
            DoubleVector v = DoubleVector.fromArray(D, a, rj + k);
            s0 = DoubleVector.fromArray(D, a, r0 + k).fma(v, s0);
            s1 = DoubleVector.fromArray(D, a, r1 + k).fma(v, s1);
            s2 = DoubleVector.fromArray(D, a, r2 + k).fma(v, s2);
            s3 = DoubleVector.fromArray(D, a, r3 + k).fma(v, s3);
        }
        double d0 = s0.reduceLanes(VectorOperators.ADD), d1 = s1.reduceLanes(VectorOperators.ADD);
        double d2 = s2.reduceLanes(VectorOperators.ADD), d3 = s3.reduceLanes(VectorOperators.ADD);
        for (; k < j; k++) {
            double v = a[rj + k];
            d0 += a[r0 + k] * v; d1 += a[r1 + k] * v; d2 += a[r2 + k] * v; d3 += a[r3 + k] * v;
        }
        a[r0 + j] = (a[r0 + j] - d0) / ljj;
        a[r1 + j] = (a[r1 + j] - d1) / ljj;
        a[r2 + j] = (a[r2 + j] - d2) / ljj;
        a[r3 + j] = (a[r3 + j] - d3) / ljj;
    }

    /** {@code Σ_{k<n} a[x + k]·a[y + k]}. */
    private static double dot(double[] a, int x, int y, int n) {
        DoubleVector s = DoubleVector.zero(D);
        int k = 0, l = D.length();
        for (; k + l <= n; k += l) s = DoubleVector.fromArray(D, a, x + k).fma(DoubleVector.fromArray(D, a, y + k), s);
        double t = s.reduceLanes(VectorOperators.ADD);
        for (; k < n; k++) t += a[x + k] * a[y + k];
        return t;
    }

    /** Overwrites {@code b} ({@code p × q}, row-major) with {@code (L Lᵀ)⁻¹ b} for the factor in {@code l}'s lower triangle. */
    static void solve(double[] l, int p, double[] b, int q) {
        for (int i = 0; i < p; i++) {                                   // L y = b
            int ri = i * p;
            for (int c = 0; c < q; c++) {
                double s = b[i * q + c];
                for (int k = 0; k < i; k++) s -= l[ri + k] * b[k * q + c];
                b[i * q + c] = s / l[ri + i];
            }
        }
        for (int i = p - 1; i >= 0; i--) {                              // Lᵀ x = y: column i of L is row i of Lᵀ
            for (int c = 0; c < q; c++) {
                double s = b[i * q + c];
                for (int k = i + 1; k < p; k++) s -= l[k * p + i] * b[k * q + c];
                b[i * q + c] = s / l[i * p + i];
            }
        }
    }
}
