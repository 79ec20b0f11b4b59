package org.braindyn.integrators;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** SDE methods: strong order on geometric Brownian motion, weak order on Ornstein–Uhlenbeck, Itô vs Stratonovich. */
class SdeintTest {
    static final int M = 2000, FINE = 1024;

    /** Mean |X_N − X(T)| of a method on dX = λX dt + μX dW over [0, 1], from the same fine Brownian paths. */
    static double strongError(SdeMethod m, Tensor dWfine, int r) {
        double lambda = 2, mu = 1, dtf = 1.0 / FINE, dt = r * dtf;
        Derivative f = (y, t, p) -> new Tensor[] {y[0].mul(lambda)};
        Derivative g = (y, t, p) -> new Tensor[] {y[0].mul(mu)};
        SdeIntegrator integ = Sdeint.sdeint(f, g, m, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, dt, new RandomState(0));
        Tensor coarse = sum(dWfine.reshape(FINE / r, r, M), 1);
        Tensor x = ones(Shape.of(M), DType.F64);
        for (int j = 0; j < FINE / r; j++) x = integ.stepWith(new Tensor[] {x}, j * dt, new Tensor[] {coarse.get(String.valueOf(j))})[0];
        Tensor exact = exp(sum(dWfine, 0).mul(mu).add(lambda - 0.5 * mu * mu));
        return mean(abs(x.sub(exact))).item();
    }

    static double slope(SdeMethod m, Tensor dW) {
        int[] rs = {16, 8, 4, 2};
        double[] lx = new double[rs.length], ly = new double[rs.length];
        for (int i = 0; i < rs.length; i++) {
            lx[i] = Math.log(rs[i] / (double) FINE);
            ly[i] = Math.log(strongError(m, dW, rs[i]));
        }
        return OrderCheck.slope(lx, ly);
    }

    @Test
    void strongOrderOnGeometricBrownianMotion() {
        Tensor dW = new RandomState(11).normal(0, Math.sqrt(1.0 / FINE), FINE, M).astype(DType.F64);
        double em = slope(SdeMethod.EULER, dW), mil = slope(SdeMethod.MILSTEIN, dW);
        System.out.println("Euler-Maruyama measured strong order " + em + ", Milstein " + mil);
        assertEquals(0.5, em, 0.2, "Euler–Maruyama strong order");
        assertEquals(1.0, mil, 0.2, "Milstein strong order");
    }

    /** Strong error of an SRI method on GBM with ΔW and I₁₀ = ∫∫dW ds both taken from the same fine path. */
    static double sriStrongError(SdeMethod m, Tensor dWfine, int r) {
        double lambda = 2, mu = 1, dtf = 1.0 / FINE, dt = r * dtf;
        SdeIntegrator integ = Sdeint.sdeint((y, t, p) -> new Tensor[] {y[0].mul(lambda)}, (y, t, p) -> new Tensor[] {y[0].mul(mu)},
                m, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, dt, new RandomState(0));
        Tensor blocks = dWfine.reshape(FINE / r, r, M);
        Tensor x = ones(Shape.of(M), DType.F64);
        for (int j = 0; j < FINE / r; j++) {
            Tensor inc = blocks.get(String.valueOf(j));                       // (r, M)
            Tensor w = cumsum(inc, 0);                                          // W at the end of each sub-step
            Tensor wMid = w.sub(inc.mul(0.5));                                  // midpoint rule for ∫ (W(s) − W(t)) ds
            Tensor i10 = sum(wMid, 0).mul(dtf);
            x = integ.stepSri(new Tensor[] {x}, j * dt, new Tensor[] {sum(inc, 0)}, new Tensor[] {i10})[0];
        }
        Tensor exact = exp(sum(dWfine, 0).mul(mu).add(lambda - 0.5 * mu * mu));
        return mean(abs(x.sub(exact))).item();
    }

    @Test
    void stochasticRungeKuttaReachesStrongOrderOneAndAHalf() {
        Tensor dW = new RandomState(12).normal(0, Math.sqrt(1.0 / FINE), FINE, M).astype(DType.F64);
        for (SdeMethod m : new SdeMethod[] {SdeMethod.SRK1W1, SdeMethod.SRK2W1}) {
            int[] rs = {32, 16, 8, 4};
            double[] lx = new double[rs.length], ly = new double[rs.length];
            for (int i = 0; i < rs.length; i++) {
                lx[i] = Math.log(rs[i] / (double) FINE);
                ly[i] = Math.log(sriStrongError(m, dW, rs[i]));
            }
            double order = OrderCheck.slope(lx, ly);
            System.out.println(m + " measured strong order " + order);
            assertEquals(1.5, order, 0.3, m + " strong order");
        }
        assertEquals(slope(SdeMethod.MILSTEIN, dW), slope(SdeMethod.KLPL, dW), 1e-12, "KlPl steps as Itô Milstein");
    }

    @Test
    void vectorNoiseMilsteinMatchesScalarMilsteinOnDiagonalNoise() {
        // two variables, each driven by its own source: the vector form must step exactly like the scalar form
        double sigma = 0.4;
        Derivative f = (y, t, p) -> new Tensor[] {y[0].mul(0.3), y[1].mul(-0.2)};
        Derivative gVec = (y, t, p) -> new Tensor[] {stack(y[0].mul(sigma), zerosLike(y[0])), stack(zerosLike(y[1]), y[1].mul(sigma))};
        Derivative gSca = (y, t, p) -> new Tensor[] {y[0].mul(sigma), y[1].mul(sigma)};
        SdeIntegrator vec = Sdeint.sdeint(f, gVec, SdeMethod.MILSTEIN, Sdeint.IntgType.ITO, Sdeint.WienerType.VECTOR, 0.01, new RandomState(1));
        SdeIntegrator sca = Sdeint.sdeint(f, gSca, SdeMethod.MILSTEIN, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, 0.01, new RandomState(1));
        Tensor[] a = {scalar(1.0, DType.F64), scalar(2.0, DType.F64)}, b = a.clone();
        RandomState noise = new RandomState(9);
        for (int i = 0; i < 50; i++) {
            Tensor dw = noise.normal(0, 0.1, 2).astype(DType.F64);
            a = vec.stepWith(a, i * 0.01, new Tensor[] {dw, dw});
            b = sca.stepWith(b, i * 0.01, new Tensor[] {dw.get("0"), dw.get("1")});
        }
        assertEquals(b[0].item(), a[0].item(), 1e-12);
        assertEquals(b[1].item(), a[1].item(), 1e-12);
    }

    @Test
    void weakOrderOnOrnsteinUhlenbeckMoments() {
        int m = 100_000;
        double theta = 1, sigma = 0.5;
        Derivative f = (y, t, p) -> new Tensor[] {y[0].mul(-theta)};
        Derivative g = (y, t, p) -> new Tensor[] {onesLike(y[0]).mul(sigma)};
        double[] bias = new double[2];
        double[] dts = {0.1, 0.05};
        for (int k = 0; k < 2; k++) {
            SdeIntegrator integ = Sdeint.sdeint(f, g, SdeMethod.EULER, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, dts[k], new RandomState(5 + k));
            Tensor x = ones(Shape.of(m), DType.F64);
            int n = (int) Math.round(1 / dts[k]);
            for (int i = 0; i < n; i++) x = integ.step(x, i * dts[k]);
            double mean = mean(x).item(), var = var(x).item();
            bias[k] = Math.exp(-1) - mean;
            assertEquals(sigma * sigma / (2 * theta) * (1 - Math.exp(-2)), var, 0.012, "variance at dt " + dts[k]);
        }
        double ratio = bias[0] / bias[1];
        assertTrue(ratio > 1.4 && ratio < 2.8, "weak error of the mean halves with dt (order 1): " + bias[0] + " vs " + bias[1]);
    }

    @Test
    void itoAndStratonovichDifferByTheDriftCorrection() {
        int m = 20_000;
        double sigma = 0.5;
        Derivative zero = (y, t, p) -> new Tensor[] {zerosLike(y[0])};
        Derivative g = (y, t, p) -> new Tensor[] {y[0].mul(sigma)};
        double want = Math.exp(sigma * sigma / 2);        // Stratonovich X∘dW: E X(1) = e^{σ²/2}; Itô: E X(1) = 1
        for (SdeMethod meth : new SdeMethod[] {SdeMethod.HEUN, SdeMethod.EULER, SdeMethod.MILSTEIN}) {
            SdeIntegrator s = Sdeint.sdeint(zero, g, meth, Sdeint.IntgType.STRATONOVICH, Sdeint.WienerType.SCALAR, 0.01, new RandomState(21));
            Tensor x = ones(Shape.of(m), DType.F64);
            for (int i = 0; i < 100; i++) x = s.step(x, i * 0.01);
            assertEquals(want, mean(x).item(), 0.02, meth + " Stratonovich mean");
        }
        SdeIntegrator ito = Sdeint.sdeint(zero, g, SdeMethod.EULER, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, 0.01, new RandomState(21));
        Tensor x = ones(Shape.of(m), DType.F64);
        for (int i = 0; i < 100; i++) x = ito.step(x, i * 0.01);
        assertEquals(1.0, mean(x).item(), 0.02, "Itô mean");
    }

    @Test
    void vectorNoiseSupportMatrixAndDeterminism() {
        Derivative f = (y, t, p) -> new Tensor[] {zerosLike(y[0])};
        Derivative g2 = (y, t, p) -> new Tensor[] {array(new double[][] {{1, 0}, {1, 0}, {0, 1}})};   // 3 variables, 2 sources
        SdeIntegrator v = Sdeint.sdeint(f, g2, SdeMethod.EULER, Sdeint.IntgType.ITO, Sdeint.WienerType.VECTOR, 0.1, new RandomState(3));
        Tensor y = v.step(zeros(Shape.of(3), DType.F64), 0);
        assertEquals(y.getDouble(0), y.getDouble(1), 0, "variables driven by the same source move together");
        assertNotEquals(y.getDouble(0), y.getDouble(2));
        Tensor y2 = Sdeint.sdeint(f, g2, SdeMethod.EULER, Sdeint.IntgType.ITO, Sdeint.WienerType.VECTOR, 0.1, new RandomState(3)).step(zeros(Shape.of(3), DType.F64), 0);
        assertEquals(y, y2, "same seed, same path");
        IllegalArgumentException heunIto = assertThrows(IllegalArgumentException.class,
                () -> Sdeint.sdeint(f, g2, SdeMethod.HEUN, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, 0.1, null));
        assertTrue(heunIto.getMessage().contains("'heun'") && heunIto.getMessage().contains("ITO") && heunIto.getMessage().contains("SCALAR"), heunIto.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Sdeint.sdeint(f, g2, SdeMethod.KLPL, Sdeint.IntgType.ITO, Sdeint.WienerType.VECTOR, 0.1, null));
        assertEquals(SdeMethod.SRK2W1, SdeMethod.fromName("srk2w1"));
        assertThrows(IllegalArgumentException.class, () -> SdeMethod.fromName("srk9"));
        assertThrows(IllegalArgumentException.class, () -> Sdeint.sdeint(f, g2, SdeMethod.SRK1W1, Sdeint.IntgType.STRATONOVICH, Sdeint.WienerType.SCALAR, 0.1, null));
        SdeIntegrator bad = Sdeint.sdeint(f, (yy, t, p) -> new Tensor[] {onesLike(yy[0])}, SdeMethod.EULER, Sdeint.IntgType.ITO, Sdeint.WienerType.VECTOR, 0.1, null);
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class, () -> bad.step(zeros(Shape.of(3), DType.F64), 0));
        assertTrue(shape.getMessage().contains("VECTOR noise"), shape.getMessage());
    }
}
