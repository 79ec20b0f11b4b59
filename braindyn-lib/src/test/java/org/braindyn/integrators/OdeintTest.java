package org.braindyn.integrators;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ODE methods: declared order, embedded error estimates, adaptivity, exponential Euler exactness, errors. */
class OdeintTest {
    /** On a nonlinear, non-autonomous problem (a linear autonomous one cannot catch a wrong nonlinear order condition). */
    @ParameterizedTest
    @EnumSource(Method.class)
    void convergesAtDeclaredOrder(Method m) {
        double slope = OrderCheck.measuredOrder(m);
        assertEquals(m.order(), slope, 0.1, m + " measured order on y1' = -2 t y1^2, y2' = y1 y2");
        OdeIntegrator integ = Odeint.odeint(OrderCheck.OSCILLATOR, m, 0.1);
        assertTrue(OrderCheck.error(integ, 0.05) < OrderCheck.error(integ, 0.1), m + ": halving dt reduces the error");
    }

    /**
     * Every tableau meets the order conditions of its declared order to rounding (Butcher's rooted trees up to order
     * 4, and the 9 of order 5): 8-digit truncated coefficients fail this at ~1e-8.
     */
    @ParameterizedTest
    @EnumSource(Method.class)
    void tableauxSatisfyTheirOrderConditionsExactly(Method m) {
        ButcherTableau t = m.tableau();
        if (t == null) return;   // exponential Euler has no tableau
        double worst = OrderConditions.worstResidual(t.a(), t.b(), t.c(), t.order());
        assertTrue(worst < 1e-14, m + ": order-condition residual " + worst);
    }

    @org.junit.jupiter.api.Test
    void ralston4UsesExactCoefficients() {
        ButcherTableau t = Method.RALSTON4.tableau();
        assertEquals(7.0 / 8 - 3 * Math.sqrt(5) / 16, t.c()[2], 1e-15);
        assertEquals((30 - 4 * Math.sqrt(5)) / 123, t.b()[3], 1e-16);
    }

    @org.junit.jupiter.api.Test
    void dop853IsNotAnAliasOfTheFifthOrderPair() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Method.fromName("dop853"));
        assertTrue(e.getMessage().contains("unknown method 'dop853'") && e.getMessage().contains("rkdp"), e.getMessage());
        assertEquals(Method.RKDP, Method.fromName("dopri5"));
    }

    @org.junit.jupiter.api.Test
    void aNullMethodIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Odeint.odeint(OrderCheck.OSCILLATOR, (Method) null, 0.1));
        assertTrue(e.getMessage().contains("method is null") && e.getMessage().contains("rk4"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Odeint.odeint(OrderCheck.OSCILLATOR, (ButcherTableau) null, 0.1));
    }

    @ParameterizedTest
    @EnumSource(value = Method.class, names = {"RKF12", "RKF45", "RKDP", "CK", "BS", "HEUN_EULER"})
    void embeddedErrorEstimateHasTheRightOrder(Method m) {
        // one step from the same state: the estimate is the difference of two solutions, O(dt^(q+1))
        OdeIntegrator integ = Odeint.odeint(OrderCheck.OSCILLATOR, m, 0.1);
        double[] hs = {0.2, 0.1, 0.05, 0.025}, lx = new double[4], ly = new double[4];
        for (int i = 0; i < 4; i++) {
            Tensor[][] r = integ.rk(new Tensor[] {scalar(1, DType.F64), scalar(0.3, DType.F64)}, 0, hs[i], new Tensor[0]);
            lx[i] = Math.log(hs[i]);
            ly[i] = Math.log(Math.hypot(r[1][0].item(), r[1][1].item()));
        }
        int q = Math.min(m.tableau().order(), m.tableau().errOrder());
        assertEquals(q + 1, OrderCheck.slope(lx, ly), 0.3, m + " error-estimate order");
    }

    /** y' = d/dt exp(−20 (t − 5)²): flat, then a sharp bump that only a variable step can follow cheaply; y(5) = 1 from y(0) = 0. */
    static final Derivative BUMP = (y, t, p) -> new Tensor[] {y[0].mul(0.0).add(-40 * (t - 5) * Math.exp(-20 * (t - 5) * (t - 5)))};

    @Test
    void adaptiveMethodsReachTheToleranceWithFewerSteps() {
        OdeIntegrator rkf45 = Odeint.odeint(BUMP, Method.RKF45, 0.1);
        Tensor y0 = scalar(0, DType.F64);
        Tensor[] y = rkf45.integrate(new Tensor[] {y0}, 0, 5, 1e-9, 1e-9);
        double errAdaptive = Math.abs(y[0].item() - 1);
        assertTrue(errAdaptive < 1e-6, "adaptive error at the peak " + errAdaptive);
        long adaptiveSteps = rkf45.attemptedSteps();
        // the fixed-step method of the same order needs more steps for the same accuracy
        long fixedSteps = -1;
        for (int n = 10; n < 1 << 16; n *= 2) {
            double h = 5.0 / n;
            OdeIntegrator rk4 = Odeint.odeint(BUMP, Method.RK4, h);
            Tensor z = y0;
            for (int i = 0; i < n; i++) z = rk4.step(z, i * h);
            if (Math.abs(z.item() - 1) <= errAdaptive) { fixedSteps = n; break; }
        }
        System.out.println("bump to the peak: RKF45 " + adaptiveSteps + " adaptive steps (error " + errAdaptive + "), RK4 " + fixedSteps + " fixed steps for the same error");
        assertTrue(fixedSteps > adaptiveSteps, "RKF45 took " + adaptiveSteps + " steps (error " + errAdaptive + "), RK4 needs " + fixedSteps);
    }

    @Test
    void adaptiveStepsFollowAStiffishTransient() {
        // y' = −50(y − cos t), y(0) = 0: a fast transient, then slow tracking of cos t (y ≈ cos t + sin t/50)
        Derivative stiff = (y, t, p) -> new Tensor[] {y[0].sub(Math.cos(t)).mul(-50)};
        double exact3 = (2500 * Math.cos(3) + 50 * Math.sin(3) - 2500 * Math.exp(-150)) / 2501;
        OdeIntegrator rkdp = Odeint.odeint(stiff, Method.RKF45, 0.001);   // order 4, against RK4
        Tensor[] y = rkdp.integrate(new Tensor[] {scalar(0, DType.F64)}, 0, 3, 1e-10, 1e-8);
        double err = Math.abs(y[0].item() - exact3);
        assertTrue(err < 1e-7, "RKF45 error " + err);
        long fixedSteps = -1;
        for (int n = 30; n < 1 << 16; n *= 2) {
            double h = 3.0 / n;
            OdeIntegrator fixed = Odeint.odeint(stiff, Method.RK4, h);
            Tensor z = scalar(0, DType.F64);
            for (int i = 0; i < n; i++) z = fixed.step(z, i * h);
            if (Math.abs(z.item() - exact3) <= err) { fixedSteps = n; break; }
        }
        System.out.println("stiff-ish transient: RKF45 " + rkdp.attemptedSteps() + " adaptive steps (error " + err + "), RK4 " + fixedSteps + " fixed steps");
        assertTrue(fixedSteps > rkdp.attemptedSteps(), "RKF45 took " + rkdp.attemptedSteps() + " steps, RK4 needs " + fixedSteps);
        OdeIntegrator.AdaptiveStep first = rkdp.stepAdaptive(new Tensor[] {scalar(0, DType.F64)}, 0, 0.5, 1e-10, 1e-8);
        assertFalse(first.accepted(), "a step far too large is rejected");
        assertTrue(first.dtNext() < 0.5, "and the next step is smaller");
    }

    @Test
    void exponentialEulerIsExactOnLinearEquations() {
        // dy/dt = −a·y + b per neuron, different a and b: exact y(t) = b/a + (y0 − b/a)·e^{−a t}
        Tensor a = array(new double[] {2, 0.5, 10}), b = array(new double[] {3, -1, 4});
        Derivative lin = (y, t, p) -> new Tensor[] {y[0].mul(a.neg()).add(b)};
        OdeIntegrator exp = Odeint.odeint(lin, Method.EXP_AUTO, 0.5);
        Tensor y = zeros(org.braindyn.tensor.Shape.of(3), DType.F64);
        for (int i = 0; i < 10; i++) y = exp.step(y, i * 0.5);
        for (int k = 0; k < 3; k++) {
            double ak = a.getDouble(k), bk = b.getDouble(k);
            assertEquals(bk / ak - bk / ak * Math.exp(-ak * 5), y.getDouble(k), 1e-13, "neuron " + k);
        }
        // Euler at the same step is far off (and unstable for a = 10)
        Tensor e = zeros(org.braindyn.tensor.Shape.of(3), DType.F64);
        OdeIntegrator eu = Odeint.odeint(lin, Method.EULER, 0.5);
        for (int i = 0; i < 10; i++) e = eu.step(e, i * 0.5);
        assertTrue(Math.abs(e.getDouble(2) - 0.4) > 1, "Euler with a·dt = 5 diverges: " + e.getDouble(2));
    }

    @Test
    void namesAliasesRegistryAndErrors() {
        assertEquals(Method.RKDP, Method.fromName("dopri"));
        assertEquals(Method.EXP_EULER, Method.fromName("exponential_euler"));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> Method.fromName("rk7"));
        assertTrue(unknown.getMessage().contains("'rk7'") && unknown.getMessage().contains("rk4"), unknown.getMessage());
        IllegalArgumentException dt = assertThrows(IllegalArgumentException.class, () -> Odeint.odeint(OrderCheck.OSCILLATOR, Method.RK4, -0.1));
        assertTrue(dt.getMessage().contains("dt") && dt.getMessage().contains("-0.1"), dt.getMessage());
        OdeIntegrator bad = Odeint.odeint((y, t, p) -> new Tensor[] {y[0]}, Method.RK4, 0.1);
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> bad.step(new Tensor[] {scalar(1), scalar(2)}, 0));
        assertTrue(wrong.getMessage().contains("returned 1 values for 2 state variables"), wrong.getMessage());
        ButcherTableau ralston = ButcherTableau.explicit("my_ralston", 2, new double[][] {{}, {2.0 / 3}}, new double[] {0.25, 0.75});
        Odeint.register("my_ralston", ralston);
        OdeIntegrator mine = Odeint.odeint(OrderCheck.OSCILLATOR, "my_ralston", 0.1);
        OdeIntegrator builtin = Odeint.odeint(OrderCheck.OSCILLATOR, Method.RALSTON2, 0.1);
        assertEquals(Arrays.toString(builtin.step(new Tensor[] {scalar(1.0, DType.F64), scalar(0, DType.F64)}, 0)),
                Arrays.toString(mine.step(new Tensor[] {scalar(1.0, DType.F64), scalar(0, DType.F64)}, 0)));
        assertThrows(IllegalArgumentException.class, () -> Odeint.register("rk4", ralston));
        assertThrows(IllegalArgumentException.class, () -> ButcherTableau.explicit("bad", 1, new double[][] {{}, {0.5}}, new double[] {0.5, 0.6}));
        assertTrue(Odeint.odeint(OrderCheck.OSCILLATOR, Method.RK4, 0.1).describe().contains("k4 = f(y + 1·dt·k3, t + 1·dt)"));
    }
}
