package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.random.Special;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Fractional-order neurons against independent plain-double implementations of their schemes (whole-history sums
 * written out), their α = 1 limit (forward Euler of the classical models), compiled = eager, and validation.
 */
class FractionalNeuronTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** FHR by Grünwald–Letnikov with a window of {@code mem} steps, sums over the stored trajectory. */
    static double[] fhrReference(double alpha, int mem, int steps, double dt, double current) {
        double[] x0 = {2.5, 0, 0};
        List<double[]> ys = new ArrayList<>();
        ys.add(x0.clone());
        double[] w = new double[mem + 1];
        w[0] = 1;
        for (int j = 1; j <= mem; j++) w[j] = (1 - (1 + alpha) / j) * w[j - 1];
        double[] v = new double[steps];
        for (int n = 0; n < steps; n++) {
            double[] y = ys.get(n);
            double[] f = {y[0] - y[0] * y[0] * y[0] / 3 - y[1] + y[2] + current, 0.08 * (0.7 + y[0] - 0.8 * y[1]), 1e-4 * (-0.775 - y[0] - y[2])};
            double[] next = new double[3];
            for (int k = 0; k < 3; k++) {
                double s = 0;
                for (int j = 1; j <= Math.min(mem, n + 1); j++) s += w[j] * (ys.get(n + 1 - j)[k] - x0[k]);
                next[k] = x0[k] + Math.pow(dt, alpha) * f[k] - s;
            }
            ys.add(next);
            v[n] = next[0];
        }
        return v;
    }

    @Test
    void fractionalFhrMatchesAnIndependentShortMemoryIntegration() {
        Config.enableX64();
        double dt = 0.1, current = 0.3;
        int steps = 3000, mem = 400;
        double[] ref = fhrReference(0.9, mem, steps, dt, current);
        for (boolean jit : new boolean[] {false, true}) {
            Naming.clearNameCache();
            FractionalFHR n = FractionalFHR.builder(1, 0.9).numMemory(mem).build();
            DSRunner r = new DSRunner(n, List.of("V"), dt).input("input", current).jit(jit).progress(null);
            r.run(steps * dt);
            double[] got = r.mon("V").toDoubleArray();
            for (int k = 0; k < steps; k += 7) assertEquals(ref[k], got[k], 1e-9, (jit ? "compiled" : "eager") + ", step " + k);
        }
    }

    /** Izhikevich by the L1 scheme with the reset outside the remembered increments, as the model documents. */
    static List<Double> izhReference(double alpha, int mem, int steps, double dt, double current) {
        double g = Math.exp(Special.lgamma(2 - alpha)) * Math.pow(dt, alpha), v = -65, u = -13;
        List<double[]> inc = new ArrayList<>();
        List<Double> spikes = new ArrayList<>();
        for (int n = 0; n < steps; n++) {
            double fv = 0.04 * v * v + 5 * v + 140 - u + current, fu = 0.02 * (0.2 * v - u);
            double sv = 0, su = 0;
            for (int j = 1; j <= Math.min(mem, inc.size()); j++) {
                double c = Math.pow(j + 1, 1 - alpha) - Math.pow(j, 1 - alpha);
                double[] d = inc.get(inc.size() - j);
                sv += c * d[0];
                su += c * d[1];
            }
            double vn = v + g * fv - sv, un = u + g * fu - su;
            inc.add(new double[] {vn - v, un - u});
            if (vn >= 30) { spikes.add((n + 1) * dt); vn = -65; un += 8; }
            v = vn;
            u = un;
        }
        return spikes;
    }

    static List<Double> izhSimulate(double alpha, int mem, int steps, double dt, double current, boolean jit) {
        Naming.clearNameCache();
        FractionalIzhikevich n = FractionalIzhikevich.builder(1, alpha, mem).build();
        DSRunner r = new DSRunner(n, List.of("spike"), dt).input("input", current).jit(jit).progress(null);
        r.run(steps * dt);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    @Test
    void fractionalIzhikevichMatchesAnIndependentL1Integration() {
        Config.enableX64();
        List<Double> ref = izhReference(0.9, 2000, 2000, 0.1, 10);
        assertTrue(ref.size() >= 3, "the reference fires: " + ref);
        assertEquals(ref, izhSimulate(0.9, 2000, 2000, 0.1, 10, false), "eager");
        assertEquals(ref, izhSimulate(0.9, 2000, 2000, 0.1, 10, true), "compiled");
    }

    /** At α = 1 both schemes are forward Euler: the spikes of the classical Izhikevich model stepped by Euler. */
    @Test
    void orderOneIsTheClassicalModel() {
        Config.enableX64();
        double dt = 0.1, v = -65, u = -13;
        List<Double> euler = new ArrayList<>();
        for (int n = 0; n < 3000; n++) {
            double vn = v + dt * (0.04 * v * v + 5 * v + 140 - u + 10), un = u + dt * 0.02 * (0.2 * v - u);
            if (vn >= 30) { euler.add((n + 1) * dt); vn = -65; un += 8; }
            v = vn;
            u = un;
        }
        List<Double> got = izhSimulate(1.0, 50, 3000, dt, 10, false);
        assertEquals(euler.size(), got.size(), euler + " vs " + got);
        for (int k = 0; k < euler.size(); k++) assertEquals(euler.get(k), got.get(k), 1e-9, "spike " + k);
        List<Double> slower = izhSimulate(0.8, 3000, 3000, dt, 10, false);
        assertNotEquals(got.size(), slower.size(), "memory changes the firing: α 1 → " + got.size() + " spikes, α 0.8 → " + slower.size());
    }

    @Test
    void badParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> FractionalFHR.builder(1, 1.5).build());
        assertTrue(e.getMessage().contains("FractionalFHR.alpha: the fractional order must be in (0, 1]; got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FractionalIzhikevich.builder(1, 0.9, 0).name("z").build());
        assertTrue(e.getMessage().contains("FractionalIzhikevich 'z'.numMemory: must be >= 1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FractionalFHR.builder(1, 0.9, 0.8).build());
        assertTrue(e.getMessage().contains("one order or one per variable"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FractionalIzhikevich.builder(1, 0.9, 10).tau(-1).build());
        assertTrue(e.getMessage().contains("tau") && e.getMessage().contains("ms"), e.getMessage());
    }
}
