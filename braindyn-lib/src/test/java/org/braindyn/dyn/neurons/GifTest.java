package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generalized integrate-and-fire neurons against an independent float64 integration, defaults, modes and errors. */
class GifTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /**
     * Reference: RK4 at 0.001 ms of (I1, I2, Θ, V) with BrainPy's parameters except {@code a, A2}, the spike tested
     * after each step against the threshold after the step.
     */
    static List<Double> reference(double a, double a2, double current, double duration) {
        double vRest = -70, thInf = -50, thReset = -60, r = 20, tau = 20, b = 0.01, k1 = 0.2, k2 = 0.02, h = 0.001;
        double[] y = {0, 0, -50, -70};
        List<Double> spikes = new ArrayList<>();
        for (int s = 1; s <= Math.round(duration / h); s++) {
            y = org.braindyn.testing.Rk4.step(z -> new double[] {-k1 * z[0], -k2 * z[1], a * (z[3] - vRest) - b * (z[2] - thInf),
                    (-(z[3] - vRest) + r * (current + z[0] + z[1])) / tau}, y, h);
            if (y[3] >= y[2]) {
                spikes.add(s * h);
                y[3] = -70;
                y[0] = 0 * y[0] + 0;
                y[1] = y[1] + a2;
                y[2] = Math.max(y[2], thReset);
            }
        }
        return spikes;
    }

    static List<Double> simulate(Gif n, double current, double duration, double dt, boolean jit) {
        DSRunner r = new DSRunner(n, List.of("spike"), dt).input("input", current).progress(null).jit(jit);
        r.run(duration);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    /** Tonic spiking (defaults, I = 1.5) and spike-frequency adaptation (a = 0.005, A2 = −0.6, I = 2): spike k within 0.02·(k + 1) ms. */
    @Test
    void spikeTimesMatchAnIndependentHighAccuracyIntegration() {
        Config.enableX64();
        double[][] cases = {{0, 0, 1.5}, {0.005, -0.6, 2}};
        for (double[] c : cases) {
            List<Double> ref = reference(c[0], c[1], c[2], 300);
            List<Double> got = simulate(Gif.builder(1).a(c[0]).a2(c[1]).method("rk4").build(), c[2], 300, 0.01, false);
            assertTrue(ref.size() >= 4, "fires repetitively: " + ref);
            assertEquals(ref.size(), got.size(), java.util.Arrays.toString(c) + ": reference " + ref + ", BrainDyn " + got);
            for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.02 * (k + 1), java.util.Arrays.toString(c) + " spike " + k);
        }
        List<Double> adapting = reference(0.005, -0.6, 2, 300);
        double first = adapting.get(1) - adapting.get(0), last = adapting.get(adapting.size() - 1) - adapting.get(adapting.size() - 2);
        assertTrue(last > 1.2 * first, "the adapting parameter set lengthens its intervals: " + adapting);
    }

    @Test
    void defaultsAreBrainPysAndCompiledRunsEqualEagerRuns() {
        Gif n = Gif.builder(3).build();
        assertEquals("exp_auto", n.method());
        assertEquals(-70, n.V.value().getDouble(0), 1e-6);
        assertEquals(-50, n.vTh.value().getDouble(0), 1e-6);
        assertEquals(0, n.i2.value().getDouble(0), 0);
        var a = BM.array(new double[] {0, 0.005, 0.01}).astype(DType.F32);
        DSRunner re = new DSRunner(Gif.builder(3).a(a).a2(-0.6).build(), List.of("spike", "V", "Vth"), 0.1).input("input", 2).progress(null);
        DSRunner rc = new DSRunner(Gif.builder(3).a(a).a2(-0.6).build(), List.of("spike", "V", "Vth"), 0.1).input("input", 2).progress(null).jit(true);
        re.run(200);
        rc.run(200);
        assertTrue(BM.sum(re.mon("spike").astype(DType.F32)).item() > 10);
        assertArrayEquals(re.mon("spike").astype(DType.F32).toFloatArray(), rc.mon("spike").astype(DType.F32).toFloatArray(), "spike for spike");
        assertArrayEquals(re.mon("Vth").toFloatArray(), rc.mon("Vth").toFloatArray(), 1e-4f);
    }

    @Test
    void badParametersAreRefusedNamingModelParameterAndExpectation() {
        var e = assertThrows(IllegalArgumentException.class, () -> Gif.builder(2).name("g").tau(-3).build());
        assertTrue(e.getMessage().contains("Gif 'g'.tau") && e.getMessage().contains("> 0 ms") && e.getMessage().contains("-3.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gif.builder(2).k1(Double.NaN).build());
        assertTrue(e.getMessage().contains(".k1: must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Gif.builder(2).a2(BM.array(new double[] {1, 2, 3})).build());
        assertTrue(e.getMessage().contains("3 values for 2 neurons"), e.getMessage());
    }
}
