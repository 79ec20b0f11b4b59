package org.braindyn.integrators;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.random.Special;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Caputo relaxation {@code D^α y = −y} against the Mittag-Leffler solution {@code y = E_α(−t^α)}. */
class FdeintTest {
    /** {@code E_α(z) = Σ z^k / Γ(αk + 1)} for z < 0 (alternating series, converges for the |z| ≤ 2 used here). */
    static double mittagLeffler(double a, double z) {
        double s = 0;
        for (int k = 0; k < 120; k++) s += (k % 2 == 0 ? 1 : -1) * Math.exp(k * Math.log(-z) - Special.lgamma(a * k + 1));
        return s;
    }

    static final Derivative RELAX = (y, t, p) -> new Tensor[] {y[0].neg()};

    @ParameterizedTest(name = "{0} alpha={1}")
    @CsvSource({"CAPUTO_EULER, 0.5, 0.02", "CAPUTO_EULER, 0.8, 0.01", "CAPUTO_EULER, 1.0, 0.005",
                "CAPUTO_L1, 0.5, 0.01", "CAPUTO_L1, 0.8, 0.005", "CAPUTO_L1, 1.0, 0.005",
                "GL_SHORT_MEMORY, 0.5, 0.02", "GL_SHORT_MEMORY, 0.8, 0.01", "GL_SHORT_MEMORY, 1.0, 0.005"})
    void relaxationFollowsMittagLeffler(FdeIntegrator.Scheme scheme, double alpha, double tol) {
        double dt = 0.005, t1 = 1.0;
        int n = (int) Math.round(t1 / dt);
        FdeIntegrator integ = Fdeint.fdeint(RELAX, new double[] {alpha}, new Tensor[] {scalar(1, DType.F64)}, scheme, dt, n);
        Tensor[] y = null;
        for (int i = 0; i < n; i++) y = integ.step(i * dt);
        double exact = mittagLeffler(alpha, -Math.pow(t1, alpha));
        assertEquals(exact, y[0].item(), tol, scheme + " at t = 1, exact " + exact);
    }

    @Test
    void mittagLefflerReducesToExponential() {
        assertEquals(Math.exp(-1.5), mittagLeffler(1.0, -1.5), 1e-14);
        assertEquals(Math.exp(0.25) * org.braindyn.ops.Erf.erfc(0.5), mittagLeffler(0.5, -0.5), 1e-13);   // E_½(−z) = e^{z²}erfc(z)
    }

    @Test
    void shortMemoryWeightsAreInspectableAndDecay() {
        FdeIntegrator gl = Fdeint.fdeint((y, t, p) -> new Tensor[] {y[0].neg(), y[1].neg(), y[2].neg()}, new double[] {0.93, 0.99, 0.92},
                new Tensor[] {scalar(1.0, DType.F64), scalar(1.0, DType.F64), scalar(1.0, DType.F64)}, FdeIntegrator.Scheme.GL_SHORT_MEMORY, 0.01, 50);
        Tensor w = gl.binomialCoef();
        assertEquals(org.braindyn.tensor.Shape.of(51, 3), w.shape());
        assertEquals(1.0, w.getDouble(0, 0));
        assertEquals(-0.93, w.getDouble(1, 0), 1e-15);
        assertTrue(Math.abs(w.getDouble(50, 0)) < Math.abs(w.getDouble(2, 0)) / 10, "coefficients decay fast");
        for (int i = 0; i < 200; i++) gl.step(i * 0.01);          // longer than the window: runs in bounded memory
        assertThrows(IllegalArgumentException.class, () -> Fdeint.fdeint(RELAX, new double[] {1.5}, new Tensor[] {scalar(1.0)}, 0.01, 10));
    }
}
