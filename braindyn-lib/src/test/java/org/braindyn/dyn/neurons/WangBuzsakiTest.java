package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Wang–Buzsáki interneurons against an independent float64 integration; the fast-spiking f–I rise. */
class WangBuzsakiTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double ratio(double x) { return 0.1 * x / (1 - Math.exp(-0.1 * x)); }

    static double[] f(double[] y, double i) {
        double v = y[0], h = y[1], n = y[2];
        double am = ratio(v + 35), bm = 4 * Math.exp(-(v + 60) / 18), mInf = am / (am + bm);
        double ah = 0.07 * Math.exp(-(v + 58) / 20), bh = 1 / (1 + Math.exp(-0.1 * (v + 28)));
        double an = 0.1 * ratio(v + 34), bn = 0.125 * Math.exp(-(v + 44) / 80);
        double dv = i - 35 * mInf * mInf * mInf * h * (v - 55) - 9 * n * n * n * n * (v + 90) - 0.1 * (v + 65);
        return new double[] {dv, 5 * (ah * (1 - h) - bh * h), 5 * (an * (1 - n) - bn * n)};
    }

    static List<Double> reference(double current, double duration) {
        return org.braindyn.testing.Rk4.crossings(z -> f(z, current), new double[] {-65, 0.6, 0.32}, 0.001, duration, 20);
    }

    static List<Double> simulate(double current, double duration) {
        WangBuzsaki n = WangBuzsaki.builder(1).method("rk4").build();
        DSRunner r = new DSRunner(n, List.of("spike"), 0.01).input("input", current).progress(null).jit(true);
        r.run(duration);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, 0.01);
    }

    @Test
    void spikeTimesMatchAnIndependentIntegrationAndTheRateRisesWithInput() {
        Config.enableX64();
        int previous = -1;
        for (double current : new double[] {1, 2, 5}) {
            List<Double> ref = reference(current, 200), got = simulate(current, 200);
            assertEquals(ref.size(), got.size(), "I = " + current + ": " + ref + " vs " + got);
            for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.011 + 0.005 * k, "I = " + current + " spike " + k);
            assertTrue(got.size() > previous, "a fast-spiking interneuron's rate rises with the current");
            previous = got.size();
        }
        assertTrue(previous >= 10, "I = 5 fires fast: " + previous + " spikes in 200 ms");
    }
}
