package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pinsky–Rinzel against an independent float64 integration of the paper's equations; bursts at low drive; validation. */
class PinskyRinzelTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double trap(double x, double k) { return Math.abs(x) < 1e-9 ? k : x / (Math.exp(x / k) - 1); }   // x/(e^{x/k} − 1)

    /** The paper's right-hand side in plain doubles; {@code y = (Vs, Vd, Ca, h, n, s, c, q)}. */
    static double[] f(double[] y, double is, double id) {
        double vs = y[0], vd = y[1], ca = y[2], h = y[3], n = y[4], s = y[5], c = y[6], q = y[7], us = vs + 60, ud = vd + 60;
        double am = 0.32 * trap(13.1 - us, 4), bm = 0.28 * trap(us - 40.1, 5), m = am / (am + bm);
        double an = 0.016 * trap(35.1 - us, 5), bn = 0.25 * Math.exp(0.5 - 0.025 * us);
        double ah = 0.128 * Math.exp((17 - us) / 18), bh = 4 / (1 + Math.exp((40 - us) / 5));
        double as = 1.6 / (1 + Math.exp(-0.072 * (ud - 65))), bs = 0.02 * trap(ud - 51.1, 5);
        double low = (Math.exp((ud - 10) / 11) - Math.exp((ud - 6.5) / 27)) / 18.975, high = 2 * Math.exp((6.5 - ud) / 27);
        double ac = ud <= 50 ? low : high, bc = ud <= 50 ? high - low : 0;
        double aq = Math.min(2e-5 * ca, 0.01), bq = 0.001;
        double iCa = 10 * s * s * (vd - 80), chi = Math.min(ca / 250, 1);
        double dvs = (-0.1 * (vs + 60) - 30 * m * m * h * (vs - 60) - 15 * n * (vs + 75) + 2.1 / 0.5 * (vd - vs) + is / 0.5) / 3;
        double dvd = (-0.1 * (vd + 60) - iCa - 0.8 * q * (vd + 75) - 15 * c * chi * (vd + 75) + 2.1 / 0.5 * (vs - vd) + id / 0.5) / 3;
        return new double[] {dvs, dvd, -0.13 * iCa - 0.075 * ca, ah * (1 - h) - bh * h, an * (1 - n) - bn * n, as * (1 - s) - bs * s,
                ac * (1 - c) - bc * c, aq * (1 - q) - bq * q};
    }

    static double[] start() {
        double us = -4.6, ud = -4.5, ca = 0.2;
        double ah = 0.128 * Math.exp((17 - us) / 18), bh = 4 / (1 + Math.exp((40 - us) / 5));
        double an = 0.016 * trap(35.1 - us, 5), bn = 0.25 * Math.exp(0.5 - 0.025 * us);
        double as = 1.6 / (1 + Math.exp(-0.072 * (ud - 65))), bs = 0.02 * trap(ud - 51.1, 5);
        double low = (Math.exp((ud - 10) / 11) - Math.exp((ud - 6.5) / 27)) / 18.975, high = 2 * Math.exp((6.5 - ud) / 27);
        double aq = Math.min(2e-5 * ca, 0.01);
        return new double[] {-64.6, -64.5, ca, ah / (ah + bh), an / (an + bn), as / (as + bs), low / high, aq / (aq + 0.001)};
    }

    static List<Double> simulate(double is, double threshold, String method, double dt) {
        Naming.clearNameCache();
        PinskyRinzel pr = PinskyRinzel.builder(1).vTh(threshold).method(method).build();
        DSRunner r = new DSRunner(pr, List.of("spike"), dt).input("input", is).progress(null).jit(true);
        r.run(400);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    /** Every somatic spike (crossings of −10 mV, so the second spike of a doublet counts) within 0.05 ms of an RK4 at dt 0.001 ms. */
    @Test
    void spikeTimesMatchAnIndependentIntegration() {
        Config.enableX64();
        for (double is : new double[] {0.75, 2.5}) {
            List<Double> ref = org.braindyn.testing.Rk4.crossings(z -> f(z, is, 0), start(), 0.001, 400, -10);
            List<Double> got = simulate(is, -10, "rk4", 0.01);
            assertEquals(ref.size(), got.size(), "Is = " + is + ": " + ref + " vs " + got);
            for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.05, "Is = " + is + ", spike " + k);
            List<Double> auto = simulate(is, -10, "exp_auto", 0.01);
            // exp_auto is first order: the first doublet lands within 0.5 ms, the slow calcium-paced intervals drift a few per cent
            for (int k = 0; k < 2; k++) assertEquals(ref.get(k), auto.get(k), 0.5, "exp_auto at dt 0.01, spike " + k);
            assertEquals(ref.size(), auto.size(), 1, "exp_auto's spike count over 400 ms");
        }
    }

    /**
     * The model's signature: at low drive the soma fires doublets (a calcium-driven dendritic burst behind each first
     * spike), so after the first 50 ms the interspike intervals alternate short and long; at high drive it fires
     * regularly.
     */
    @Test
    void lowDriveGivesDoubletsHighDriveRegularSpikes() {
        Config.enableX64();
        double[] low = spread(simulate(0.75, -10, "rk4", 0.02)), high = spread(simulate(2.5, -10, "rk4", 0.02));
        assertTrue(low[0] / low[1] < 0.35, "Is 0.75: short and long intervals, min/max " + low[0] / low[1]);
        assertTrue(high[0] / high[1] > 0.8, "Is 2.5: regular intervals, min/max " + high[0] / high[1]);
        assertTrue(simulate(-0.5, 20, "rk4", 0.02).isEmpty(), "Is −0.5 stays at rest");
    }

    /** The shortest and longest interspike interval after 50 ms. */
    private static double[] spread(List<Double> t) {
        double lo = Double.MAX_VALUE, hi = 0;
        for (int k = 1; k < t.size(); k++)
            if (t.get(k - 1) > 50) { double d = t.get(k) - t.get(k - 1); lo = Math.min(lo, d); hi = Math.max(hi, d); }
        assertTrue(hi > 0, "spikes after 50 ms: " + t);
        return new double[] {lo, hi};
    }

    @Test
    void badParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> PinskyRinzel.builder(2).name("pr").p(1.0).build());
        assertTrue(e.getMessage().contains("PinskyRinzel 'pr'.p: the somatic fraction of the area must be in (0, 1)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PinskyRinzel.builder(2).gCa(-1).build());
        assertTrue(e.getMessage().contains("gCa") && e.getMessage().contains("mS/cm²"), e.getMessage());
    }
}
