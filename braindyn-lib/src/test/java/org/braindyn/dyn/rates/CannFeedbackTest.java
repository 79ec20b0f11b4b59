package org.braindyn.dyn.rates;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delayed-feedback FHN against an independent delayed RK4; CANN 1-D/2-D against direct sums, and their bumps. */
class CannFeedbackTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /**
     * An independent float64 RK4 of the same equations with x(t − delay) read once per step from the stored steps
     * (0 before the start), as the model documents; eager and compiled runs both equal it.
     */
    @Test
    void feedbackFhnMatchesAnIndependentDelayedIntegration() {
        Config.enableX64();
        double dt = 0.1, xExt = 0.4;
        int steps = 3000, d = 100;
        double[] xs = new double[steps + 1];
        double x = 0, y = 0;
        for (int k = 0; k < steps; k++) {
            xs[k] = x;
            double late = k - d >= 0 ? xs[k - d] : 0, drive = xExt + 1.6886 * (late + 1);
            double[] z = org.braindyn.testing.Rk4.step(q -> new double[] {q[0] - q[0] * q[0] * q[0] / 3 - q[1] + drive, (q[0] + 0.7 - 0.8 * q[1]) / 12.5},
                    new double[] {x, y}, dt);
            x = z[0];
            y = z[1];
        }
        for (boolean jit : new boolean[] {false, true}) {
            Naming.clearNameCache();
            FeedbackFHN f = FeedbackFHN.builder(1).dt(dt).build();
            assertEquals(100, f.delaySteps());
            DSRunner r = new DSRunner(f, List.of("x"), dt).input("input", xExt).jit(jit).progress(null);
            r.run(steps * dt);
            double[] got = r.mon("x").toDoubleArray();
            assertEquals(steps, got.length);
            for (int k = 0; k < steps; k += 37) assertEquals(xs[k + 1], got[k], 1e-9, (jit ? "compiled" : "eager") + ", step " + k);
            assertEquals(x, f.x.value().getDouble(0), 1e-9);
        }
        Naming.clearNameCache();
        FeedbackFHN wrongDt = FeedbackFHN.builder(1).dt(0.1).build();
        var e = assertThrows(IllegalStateException.class, () -> new DSRunner(wrongDt, List.of(), 0.05).jit(false).progress(null).run(1));
        assertTrue(e.getMessage().contains("built for dt 0.1 ms") && e.getMessage().contains("dt(0.05)"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> FeedbackFHN.builder(1).delay(-1).build());
        assertTrue(bad.getMessage().contains("FeedbackFHN.delay: must be > 0 ms"), bad.getMessage());
    }

    /** CANN1D with Euler against a direct float64 loop of τu' = −u + Σ J r + I, r = u²/(1 + kΣu²), J from the distances. */
    @Test
    void cann1dMatchesADirectLoop() {
        Config.enableX64();
        int n = 64, steps = 200;
        double dt = 0.05, k = 0.5, a = 0.5, j0 = 4, bigA = 10;
        Cann c = Cann.builder1D(n).k(k).build();
        Tensor stim = c.stimulus(1.0);
        double[] x = c.positions(), s = stim.toDoubleArray(), u = new double[n];
        assertEquals(-Math.PI, x[0], 0);
        assertEquals(Math.PI - 2 * Math.PI / n, x[n - 1], 1e-15, "evenly over [−π, π), no neuron twice at the same point of the ring");
        for (int i = 0; i < n; i++) {
            double dd = Cann.dist(x[i] - 1.0, 2 * Math.PI);
            assertEquals(bigA * Math.exp(-0.25 * dd * dd / (a * a)), s[i], 1e-12, "stimulus " + i);
        }
        for (int t = 0; t < steps; t++) {
            double sum = 0;
            for (double v : u) sum += v * v;
            double[] r = new double[n], next = new double[n];
            for (int i = 0; i < n; i++) r[i] = u[i] * u[i] / (1 + k * sum);
            for (int i = 0; i < n; i++) {
                double rec = 0;
                for (int q = 0; q < n; q++) {
                    double dd = Cann.dist(x[i] - x[q], 2 * Math.PI);
                    rec += j0 * Math.exp(-0.5 * dd * dd / (a * a)) / (Math.sqrt(2 * Math.PI) * a) * r[q];
                }
                next[i] = u[i] + dt * (-u[i] + rec + s[i]);
            }
            u = next;
        }
        new DSRunner(c, List.of(), dt).input("input", stim, false, org.braindyn.dyn.DSRunner.Op.ADD).jit(false).progress(null).run(steps * dt);
        double[] got = c.u.value().toDoubleArray();
        for (int i = 0; i < n; i++) assertEquals(u[i], got[i], 1e-10, "neuron " + i);
    }

    /** The attractor: a bump evoked at 1 rad outlives its stimulus (BrainPy's defaults, 256 neurons) and stays where it was put. */
    @Test
    void cann1dHoldsABumpAfterTheStimulusEnds() {
        Config.enableX64();
        Cann c = Cann.builder1D(256).build();
        new DSRunner(c, List.of(), 0.1).input("input", c.stimulus(1.0), false, org.braindyn.dyn.DSRunner.Op.ADD).jit(false).progress(null).run(20);
        double peak = BM.max(c.r.value()).item();
        new DSRunner(c, List.of(), 0.1).startAt(20).jit(false).progress(null).run(50);
        double held = BM.max(c.r.value()).item();
        assertTrue(held > 0.5 * peak, "self-sustained activity: peak rate " + peak + " → " + held + " after 50 ms without input");
        assertEquals(1.0, c.decode()[0], 1e-3, "the bump stays at the stimulated position");
    }

    /** CANN2D: the factorised recurrent input equals the direct sum over the torus, and a 2-D bump holds its position. */
    @Test
    void cann2dFactorisedInputEqualsTheDirectSumAndHoldsABump() {
        Config.enableX64();
        int len = 8;
        Cann c = Cann.builder2D(len).build();
        double[] x = c.positions(), r = new double[len * len];
        java.util.Random rnd = new java.util.Random(3);
        for (int i = 0; i < r.length; i++) r[i] = rnd.nextDouble();
        double[] got = c.recurrent(BM.array(r).astype(DType.F64)).toDoubleArray();
        double a = 0.5;
        for (int i = 0; i < len * len; i++) {
            double want = 0;
            for (int q = 0; q < len * len; q++) {
                double d0 = Cann.dist(x[i / len] - x[q / len], 2 * Math.PI), d1 = Cann.dist(x[i % len] - x[q % len], 2 * Math.PI);
                want += 4 * Math.exp(-0.5 * (d0 * d0 + d1 * d1) / (a * a)) / (2 * Math.PI * a * a) * r[q];
            }
            assertEquals(want, got[i], 1e-12, "neuron " + i);
        }
        Naming.clearNameCache();
        Cann big = Cann.builder2D(32).k(0.5).build();
        new DSRunner(big, List.of(), 0.1).input("input", big.stimulus(-1.0, 2.0), false, org.braindyn.dyn.DSRunner.Op.ADD).jit(false).progress(null).run(20);
        new DSRunner(big, List.of(), 0.1).startAt(20).jit(false).progress(null).run(30);
        double[] at = big.decode();
        assertTrue(BM.max(big.r.value()).item() > 0, "activity persists");
        assertEquals(-1.0, at[0], 1e-3, "row coordinate");
        assertEquals(2.0, at[1], 1e-3, "column coordinate");
    }

    @Test
    void badCannParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Cann.builder1D(16).a(0).build());
        assertTrue(e.getMessage().contains("CANN1D.a: must be > 0 rad"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Cann.builder2D(1).build());
        assertTrue(e.getMessage().contains("CANN2D.num: must be >= 2"), e.getMessage());
        Cann c = Cann.builder2D(4).name("c").build();
        e = assertThrows(IllegalArgumentException.class, () -> c.stimulus(0.0));
        assertTrue(e.getMessage().contains("CANN2D 'c'.stimulus: a position has 2 coordinates"), e.getMessage());
    }
}
