package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Morris–Lecar neurons against an independent float64 integration (SPEC P7: input 100 gives an oscillation). */
class MorrisLecarTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double[] f(double v, double w, double i) {
        double mInf = 0.5 * (1 + Math.tanh((v + 1.2) / 18)), wInf = 0.5 * (1 + Math.tanh((v - 2) / 30)), rate = 0.04 * Math.cosh((v - 2) / 60);
        return new double[] {(i - 4.4 * mInf * (v - 130) - 8 * w * (v + 84) - 2 * (v + 60)) / 20, (wInf - w) * rate};
    }

    static List<Double> reference(double i, double duration) {
        return org.braindyn.testing.Rk4.crossings(z -> f(z[0], z[1], i), new double[] {-65, 0.02}, 0.001, duration, 10);
    }

    @Test
    void oscillatesAtInput100LikeAnIndependentIntegration() {
        Config.enableX64();
        List<Double> ref = reference(100, 1000);
        MorrisLecar n = MorrisLecar.builder(1).vInit(-65.0).method("rk4").build();
        DSRunner r = new DSRunner(n, List.of("spike"), 0.05).input("input", 100).progress(null).jit(true);
        r.run(1000);
        List<Double> got = org.braindyn.testing.Spikes.times(r.mon("spike"), 0, 0.05);
        assertTrue(ref.size() >= 5, "P7: an oscillation " + ref);
        assertEquals(ref.size(), got.size(), ref + " vs " + got);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.051 + 0.01 * k, "crossing " + k);
        assertEquals(0.02, MorrisLecar.builder(1).build().W().value().getDouble(0), 1e-6);
        var e = assertThrows(IllegalArgumentException.class, () -> MorrisLecar.builder(1).c(0).build());
        assertTrue(e.getMessage().contains("MorrisLecar.C: must be > 0"), e.getMessage());
    }
}
