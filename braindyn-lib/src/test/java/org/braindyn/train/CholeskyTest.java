package org.braindyn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocked row Cholesky solve equals the exact solution of well-conditioned SPD systems, and refuses indefinite ones. */
class CholeskyTest {
    @Test
    void solvesSymmetricPositiveDefiniteSystemsOfEverySizeAroundTheBlockAndVectorWidths() {
        Random rng = new Random(9);
        for (int p : new int[] {1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 130}) {
            int q = 2, n = p + 5;
            double[] x = new double[n * p];
            for (int i = 0; i < x.length; i++) x[i] = rng.nextGaussian();
            double[] a = new double[p * p];                        // XᵀX + I: SPD, condition number modest
            for (int i = 0; i < p; i++)
                for (int j = 0; j < p; j++) {
                    double s = i == j ? 1 : 0;
                    for (int r = 0; r < n; r++) s += x[r * p + i] * x[r * p + j];
                    a[i * p + j] = s;
                }
            double[] want = new double[p * q], b = new double[p * q];
            for (int i = 0; i < want.length; i++) want[i] = rng.nextGaussian();
            for (int i = 0; i < p; i++)
                for (int c = 0; c < q; c++) {
                    double s = 0;
                    for (int k = 0; k < p; k++) s += a[i * p + k] * want[k * q + c];
                    b[i * q + c] = s;
                }
            double[] l = a.clone();
            assertTrue(Cholesky.factor(l, p), "p = " + p + " is positive definite");
            for (int i = 0; i < p; i++)                                 // L Lᵀ reproduces A
                for (int j = 0; j <= i; j++) {
                    double s = 0;
                    for (int k = 0; k <= j; k++) s += l[i * p + k] * l[j * p + k];
                    assertEquals(a[i * p + j], s, 1e-10 * Math.abs(a[i * p + i]), "p = " + p + ": (L Lᵀ)[" + i + "][" + j + "]");
                }
            Cholesky.solve(l, p, b, q);
            for (int i = 0; i < want.length; i++) assertEquals(want[i], b[i], 1e-9 * (1 + Math.abs(want[i])), "p = " + p + ": x[" + i + "]");
        }
    }

    @Test
    void anIndefiniteOrSingularMatrixIsRefused() {
        assertFalse(Cholesky.factor(new double[] {1, 2, 2, 1}, 2), "eigenvalues 3 and −1");
        assertFalse(Cholesky.factor(new double[] {1, 1, 1, 1}, 2), "singular");
        assertFalse(Cholesky.factor(new double[] {Double.NaN}, 1), "not a number");
    }
}
