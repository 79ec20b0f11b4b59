package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every offline method on problems whose answer is known. */
class RegressionTest {
    private static final RandomState RNG = new RandomState(12);

    @Test
    void linearRecoversExactWeightsAndPolynomialRecoversAQuadratic() {
        Tensor x = RNG.normal(0, 1, 200, 3).astype(DType.F64);
        Tensor y = matmul(x, array(new double[][] {{1}, {-2}, {3}})).add(4);
        Regression.Fit f = Regression.fit(new OfflineMethod.Linear(), x, y, true);
        assertArrayEquals(new double[] {4, 1, -2, 3}, f.weights().reshape(-1).toDoubleArray(), 1e-10);
        Tensor x1 = RNG.uniform(-2, 2, 100, 1).astype(DType.F64);
        Tensor yq = x1.square().mul(3).sub(x1).add(0.5);
        Regression.Fit q = Regression.fit(new OfflineMethod.Polynomial(2), x1, yq, true);
        assertArrayEquals(new double[] {0.5, -1, 3}, q.weights().reshape(-1).toDoubleArray(), 1e-9);
        assertTrue(allclose(yq, q.predict(x1), 1e-10, 1e-10));
        Regression.Fit qr = Regression.fit(new OfflineMethod.PolynomialRidge(2, 1e-9), x1, yq, true);
        assertTrue(allclose(yq, qr.predict(x1), 1e-6, 1e-6));
    }

    @Test
    void lassoZeroesIrrelevantFeaturesAndMatchesTheSoftThresholdOnOrthogonalData() {
        // orthonormal columns (scaled by √n): the lasso solution is the soft-thresholded least-squares one
        int n = 4;
        Tensor x = array(new double[][] {{1, 1}, {1, -1}, {-1, 1}, {-1, -1}});
        Tensor y = array(new double[][] {{3}, {1}, {-1}, {-3}});     // least squares w = (2, 1)
        double alpha = 0.5;
        Regression.Fit f = Regression.fit(new OfflineMethod.Lasso(alpha, 1000), x, y, false);
        assertArrayEquals(new double[] {2 - alpha, 1 - alpha}, f.weights().reshape(-1).toDoubleArray(), 1e-10);
        Regression.Fit big = Regression.fit(new OfflineMethod.Lasso(1.5, 1000), x, y, false);
        assertArrayEquals(new double[] {0.5, 0}, big.weights().reshape(-1).toDoubleArray(), 1e-10);
        // elastic net on the same data: w = S(w_ls, α·ρ) / (1 + α·(1 − ρ))
        Regression.Fit en = Regression.fit(new OfflineMethod.ElasticNet(0.5, 0.4, 1000), x, y, false);
        assertArrayEquals(new double[] {(2 - 0.2) / 1.3, (1 - 0.2) / 1.3}, en.weights().reshape(-1).toDoubleArray(), 1e-10);
        assertEquals(n, x.dim(0));
    }

    @Test
    void logisticSeparatesTwoClassesAndItsGradientVanishesAtTheOptimum() {
        Tensor x = RNG.normal(0, 1, 300, 2).astype(DType.F64);
        double[] xv = x.toDoubleArray(), yv = new double[300];
        RandomState noise = new RandomState(3);
        double[] u = noise.random(300).astype(DType.F64).toDoubleArray();
        for (int i = 0; i < 300; i++) yv[i] = u[i] < 1 / (1 + Math.exp(-(2 * xv[2 * i] - xv[2 * i + 1] + 0.5))) ? 1 : 0;
        Tensor y = array(yv).reshape(300, 1);
        double lambda = 0.1;
        Regression.Fit f = Regression.fit(new OfflineMethod.Logistic(lambda, 100), x, y, true);
        double[] w = f.weights().reshape(-1).toDoubleArray();
        double[] g = new double[3];
        for (int i = 0; i < 300; i++) {
            double z = w[0] + w[1] * xv[2 * i] + w[2] * xv[2 * i + 1], e = 1 / (1 + Math.exp(-z)) - yv[i];
            g[0] += e; g[1] += e * xv[2 * i]; g[2] += e * xv[2 * i + 1];
        }
        g[1] += lambda * w[1];
        g[2] += lambda * w[2];
        for (double gi : g) assertEquals(0, gi, 1e-8, "gradient at the optimum");
        assertTrue(w[1] > 1 && w[2] < -0.4, java.util.Arrays.toString(w));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Regression.fit(new OfflineMethod.Logistic(0, 10), x, y.mul(2), true)).getMessage().contains("[0, 1]"));
    }
}
