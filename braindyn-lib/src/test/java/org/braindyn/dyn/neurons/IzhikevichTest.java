package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.PhasePlane2D;
import org.braindyn.analysis.Setup;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Izhikevich neurons against an independent float64 integration of the same equations, defaults, modes and errors. */
class IzhikevichTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** Reference: classical RK4 at dt = 0.001 ms in plain doubles, threshold and reset checked after each step. */
    static List<Double> reference(double a, double b, double c, double d, double current, double duration) {
        double v = -70, u = b * v, h = 0.001;
        List<Double> spikes = new ArrayList<>();
        int steps = (int) Math.round(duration / h);
        for (int s = 1; s <= steps; s++) {
            double[] y = org.braindyn.testing.Rk4.step(z -> f(z[0], z[1], a, b, current), new double[] {v, u}, h);
            v = y[0];
            u = y[1];
            if (v >= 30) { spikes.add(s * h); v = c; u += d; }
        }
        return spikes;
    }

    static double[] f(double v, double u, double a, double b, double i) { return new double[] {0.04 * v * v + 5 * v + 140 - u + i, a * (b * v - u)}; }

    static List<Double> simulate(Izhikevich n, double current, double duration, double dt, boolean jit) {
        DSRunner r = new DSRunner(n, List.of("spike"), dt).input("input", current).progress(null).jit(jit);
        r.run(duration);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    /**
     * Spike k within 0.03·(k + 1) ms of the reference: BrainDyn checks the threshold at the end of each 0.01 ms step
     * (as BrainPy does), the reference every 0.001 ms, and near the peak (dV/dt ≈ 200 mV/ms) that detection delay
     * accumulates over spikes, a few hundredths of a millisecond each.
     */
    @Test
    void spikeTimesMatchAnIndependentHighAccuracyIntegration() {
        Config.enableX64();
        double[][] patterns = {{0.02, 0.2, -65, 8}, {0.1, 0.2, -65, 2}, {0.02, 0.2, -50, 2}};   // regular spiking, fast spiking, chattering
        for (double[] p : patterns) {
            List<Double> ref = reference(p[0], p[1], p[2], p[3], 10, 200);
            Izhikevich n = Izhikevich.builder(1).a(p[0]).b(p[1]).c(p[2]).d(p[3]).method("rk4").build();
            List<Double> got = simulate(n, 10, 200, 0.01, false);
            assertEquals(ref.size(), got.size(), java.util.Arrays.toString(p) + ": spike count; reference " + ref + ", BrainDyn " + got);
            for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.03 * (k + 1), java.util.Arrays.toString(p) + " spike " + k);
        }
    }

    @Test
    void defaultsAreBrainPysAndTheDefaultMethodAgreesWithRk4() {
        Izhikevich n = Izhikevich.builder(1).build();
        assertEquals("exp_auto", n.method());
        assertEquals(-70, n.V.value().getDouble(0), 1e-6);
        assertEquals(-14, n.w.value().getDouble(0), 1e-6, "u starts at b·V");
        Config.enableX64();
        List<Double> auto = simulate(Izhikevich.builder(1).build(), 10, 200, 0.01, false), ref = reference(0.02, 0.2, -65, 8, 10, 200);
        assertEquals(ref.size(), auto.size());
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), auto.get(k), 0.1 * (k + 1), "exp_auto (first order) spike " + k);
    }

    @Test
    void compiledRunsEqualEagerRunsAndParametersMayBeHeterogeneous() {
        Tensor a = BM.array(new double[] {0.02, 0.1, 0.02}).astype(DType.F32), cc = BM.array(new double[] {-65, -65, -50}).astype(DType.F32);
        Izhikevich eager = Izhikevich.builder(3).a(a).c(cc).d(BM.array(new double[] {8, 2, 2})).build();
        Izhikevich compiled = Izhikevich.builder(3).a(a).c(cc).d(BM.array(new double[] {8, 2, 2})).build();
        DSRunner re = new DSRunner(eager, List.of("spike", "V"), 0.1).input("input", 10).progress(null);
        DSRunner rc = new DSRunner(compiled, List.of("spike", "V"), 0.1).input("input", 10).progress(null).jit(true);
        re.run(300);
        rc.run(300);
        assertTrue(BM.sum(re.mon("spike").astype(DType.F32)).item() > 10);
        assertArrayEquals(re.mon("spike").astype(DType.F32).toFloatArray(), rc.mon("spike").astype(DType.F32).toFloatArray(), "spike for spike");
        assertArrayEquals(re.mon("V").toFloatArray(), rc.mon("V").toFloatArray(), 1e-3f);
    }

    @Test
    void theSubthresholdFieldHasTheRestingNodeAndTheSaddle() {
        Izhikevich n = Izhikevich.builder(1).build();
        Setup s = Setup.of(n).targetVar("V", -80, -40).targetVar("u", -20, 0).par("I", 0).resolutions(0.1).log(null).build();
        List<FixedPoint> fps = new PhasePlane2D(s).fixedPoints();
        // 0.04 V² + 4.8 V + 140 = 0: V = −70 (stable) and V = −50 (saddle)
        assertEquals(2, fps.size(), fps.toString());
        assertEquals(-70, fps.get(0).x()[0], 1e-6);
        assertTrue(fps.get(0).stable(), fps.get(0).stability());
        assertEquals(-50, fps.get(1).x()[0], 1e-6);
        assertEquals("saddle node", fps.get(1).stability());
    }

    @Test
    void badParametersAreRefusedNamingModelParameterAndExpectation() {
        var e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.builder(3).name("bad").tauRef(-1).build());
        assertTrue(e.getMessage().contains("Izhikevich 'bad'.tauRef") && e.getMessage().contains(">= 0 ms") && e.getMessage().contains("-1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.builder(3).a(Double.NaN).build());
        assertTrue(e.getMessage().contains(".a: must be finite"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.builder(3).d(BM.array(new double[] {1, 2})).build());
        assertTrue(e.getMessage().contains("2 values for 3 neurons"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Izhikevich.builder(3).method("rk5").build());
        assertTrue(e.getMessage().contains("unknown method 'rk5'") && e.getMessage().contains("rk4"), e.getMessage());
    }
}
