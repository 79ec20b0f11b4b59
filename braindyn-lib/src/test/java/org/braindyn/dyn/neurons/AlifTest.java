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

/** Adaptive LIF neurons (Bellec 2020) against the closed-form solution between spikes, adaptation, modes and errors. */
class AlifTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /**
     * Reference in plain doubles: V and a follow their exact exponential solutions over each step (input held), the
     * threshold uses a at the start of the step, as the model does.
     */
    static List<Double> reference(double beta, double tauA, double current, double dt, double duration) {
        double vRest = -70, vTh = -60, tau = 20, v = -70, a = 0;
        List<Double> spikes = new ArrayList<>();
        for (int s = 1; s <= Math.round(duration / dt); s++) {
            double vInf = vRest + current;
            double vn = vInf + (v - vInf) * Math.exp(-dt / tau), an = a * Math.exp(-dt / tauA);
            if (vn >= vTh + beta * a) { spikes.add(s * dt); vn -= vTh - vRest; an += 1; }
            v = vn;
            a = an;
        }
        return spikes;
    }

    @Test
    void spikesMatchTheExactSolutionAndAdaptationLengthensIntervals() {
        Config.enableX64();
        List<Double> ref = reference(1.6, 2000, 25, 0.1, 1000);
        DSRunner r = new DSRunner(Alif.builder(1).method("exponential_euler").build(), List.of("spike", "a"), 0.1).input("input", 25).progress(null).jit(true);
        r.run(1000);
        List<Double> got = org.braindyn.testing.Spikes.times(r.mon("spike"), 0, 0.1);
        assertTrue(ref.size() > 10, ref.toString());
        assertEquals(ref.stream().map(t -> Math.round(t * 10)).toList(), got.stream().map(t -> Math.round(t * 10)).toList(), "spike steps identical to the closed form");
        double first = ref.get(1) - ref.get(0), last = ref.get(ref.size() - 1) - ref.get(ref.size() - 2);
        assertTrue(last > 1.5 * first, "intervals lengthen as the threshold adapts: " + first + " ms then " + last + " ms");
        // without adaptation the train is regular
        List<Double> plain = reference(0, 2000, 25, 0.1, 1000);
        assertEquals(plain.get(1) - plain.get(0), plain.get(plain.size() - 1) - plain.get(plain.size() - 2), 0.11);
    }

    @Test
    void defaultsTrainingModeAndCompiledEqualsEager() {
        Alif n = Alif.builder(2).build();
        assertEquals(-70, n.V.value().getDouble(0), 0);
        assertEquals(0, n.a.value().getDouble(0), 0);
        assertEquals("exp_auto", n.method());
        var beta = BM.array(new double[] {0.5, 1.6}).astype(DType.F32);
        DSRunner re = new DSRunner(Alif.builder(2).beta(beta).tauRef(2).build(), List.of("spike", "V"), 0.1).input("input", 30).progress(null);
        DSRunner rc = new DSRunner(Alif.builder(2).beta(beta).tauRef(2).build(), List.of("spike", "V"), 0.1).input("input", 30).progress(null).jit(true);
        re.run(300);
        rc.run(300);
        assertArrayEquals(re.mon("spike").astype(DType.F32).toFloatArray(), rc.mon("spike").astype(DType.F32).toFloatArray());
        float[] sp = re.mon("spike").astype(DType.F32).toFloatArray();
        int n0 = 0, n1 = 0;
        for (int k = 0; k < sp.length; k += 2) { n0 += (int) sp[k]; n1 += (int) sp[k + 1]; }
        assertTrue(n0 > n1 && n1 > 3, "the stronger adaptation fires less: " + n0 + " vs " + n1);
        Alif s = Alif.builder(1).spkFun(new org.braindyn.surrogate.Sigmoid()).build();
        assertEquals(DType.F32, s.spike.dtype(), "float spikes with a surrogate");
    }

    @Test
    void badParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Alif.builder(2).name("al").tauA(0).build());
        assertTrue(e.getMessage().contains("Alif 'al'.tauA") && e.getMessage().contains("> 0 ms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Alif.builder(2).vTh(-80).build());
        assertTrue(e.getMessage().contains(".vTh: must be above vRest"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Alif.builder(2).beta(-1).build());
        assertTrue(e.getMessage().contains(".beta: must be >= 0"), e.getMessage());
    }
}
