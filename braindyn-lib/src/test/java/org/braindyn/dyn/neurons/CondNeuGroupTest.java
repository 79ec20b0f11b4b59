package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.channels.Leak;
import org.braindyn.dyn.channels.Potassium;
import org.braindyn.dyn.channels.Sodium;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Conductance-based neurons from channels: the squid axon equals HH, Traub–Miles against an independent integration, modes, errors. */
class CondNeuGroupTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static List<Double> spikes(org.braindyn.dyn.NeuronGroup n, double current, double duration, double dt, boolean jit) {
        DSRunner r = new DSRunner(n, List.of("spike"), dt).input("input", current).progress(null).jit(jit);
        r.run(duration);
        return org.braindyn.testing.Spikes.times(r.mon("spike"), 0, dt);
    }

    static CondNeuGroup squid(int n) {
        return CondNeuGroup.builder(n).channels(Sodium.hh1952().build(), Potassium.hh1952().gMax(36).e(-77).build(), Leak.il().gMax(0.03).e(-54.387).build())
                .vTh(20).vInit(-65.0).method("rk4").build();
    }

    @Test
    void theSquidAxonFromChannelsIsTheHodgkinHuxleyModel() {
        Config.enableX64();
        List<Double> fromChannels = spikes(squid(1), 10, 200, 0.01, false);
        List<Double> hh = spikes(HH.builder(1).vInit(-65.0).gates(0.052932, 0.596121, 0.317677).method("rk4").build(), 10, 200, 0.01, false);
        assertTrue(hh.size() >= 10, hh.toString());
        assertEquals(hh.size(), fromChannels.size(), hh + " vs " + fromChannels);
        for (int k = 0; k < hh.size(); k++) assertEquals(hh.get(k), fromChannels.get(k), 0.02, "spike " + k);
    }

    /** The COBA-HH benchmark's neuron (Traub–Miles, V_T −63 mV) in plain doubles, RK4 at 0.001 ms. */
    static List<Double> traubMiles(double current, double duration) {
        double h = 0.001, vt = -63;
        java.util.function.UnaryOperator<double[]> f = y -> {
            double v = y[0], m = y[1], hh = y[2], n = y[3];
            double am = 0.32 * (13 - v + vt) / (Math.exp((13 - v + vt) / 4) - 1), bm = 0.28 * (v - vt - 40) / (Math.exp((v - vt - 40) / 5) - 1);
            double ah = 0.128 * Math.exp((17 - v + vt) / 18), bh = 4 / (1 + Math.exp((40 - v + vt) / 5));
            double an = 0.032 * (15 - v + vt) / (Math.exp((15 - v + vt) / 5) - 1), bn = 0.5 * Math.exp((10 - v + vt) / 40);
            double i = 0.05 * (-60 - v) + 100 * m * m * m * hh * (50 - v) + 30 * Math.pow(n, 4) * (-90 - v) + current;
            return new double[] {i, am * (1 - m) - bm * m, ah * (1 - hh) - bh * hh, an * (1 - n) - bn * n};
        };
        double v0 = -60;
        double am = 0.32 * (13 - v0 + vt) / (Math.exp((13 - v0 + vt) / 4) - 1), bm = 0.28 * (v0 - vt - 40) / (Math.exp((v0 - vt - 40) / 5) - 1);
        double ah = 0.128 * Math.exp((17 - v0 + vt) / 18), bh = 4 / (1 + Math.exp((40 - v0 + vt) / 5));
        double an = 0.032 * (15 - v0 + vt) / (Math.exp((15 - v0 + vt) / 5) - 1), bn = 0.5 * Math.exp((10 - v0 + vt) / 40);
        return org.braindyn.testing.Rk4.crossings(f, new double[] {v0, am / (am + bm), ah / (ah + bh), an / (an + bn)}, h, duration, -20);
    }

    static CondNeuGroup traubMilesGroup(int n, String method) {
        return CondNeuGroup.builder(n).channels(Leak.il().gMax(0.05).e(-60).build(), Sodium.tm1991().gMax(100).build(),
                Potassium.tm1991().gMax(30).vSh(-63).build()).vTh(-20).vInit(-60.0).method(method).build();
    }

    @Test
    void traubMilesChannelsMatchAnIndependentIntegration() {
        Config.enableX64();
        List<Double> ref = traubMiles(5, 150);
        List<Double> got = spikes(traubMilesGroup(1, "rk4"), 5, 150, 0.01, false);
        assertTrue(ref.size() >= 5, ref.toString());
        assertEquals(ref.size(), got.size(), ref + " vs " + got);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.02 * (k + 1), "spike " + k);
        List<Double> auto = spikes(traubMilesGroup(1, "exp_auto"), 5, 150, 0.01, false);
        assertEquals(ref.size(), auto.size(), "exp_auto " + auto);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), auto.get(k), 0.1 * (k + 1), "exp_auto spike " + k);
    }

    @Test
    void compiledEqualsEagerGatesStartAtSteadyStateAndParametersMayBeHeterogeneous() {
        CondNeuGroup g = traubMilesGroup(3, "exp_auto");
        assertEquals(List.of("V", "IL", "INa", "IK"), java.util.stream.Stream.concat(java.util.stream.Stream.of("V"), g.channels().stream().map(c -> c.name())).toList());
        double m0 = g.variable("INa_m").value().getDouble(0);
        assertTrue(m0 > 0 && m0 < 0.1, "m at its steady state at −60 mV: " + m0);
        var gna = BM.array(new double[] {60, 100, 140}).astype(DType.F32);
        CondNeuGroup e = CondNeuGroup.builder(3).channels(Leak.il().gMax(0.05).e(-60).build(), Sodium.tm1991().gMax(gna).build(), Potassium.tm1991().gMax(30).vSh(-63).build()).vTh(-20).vInit(-60.0).build();
        CondNeuGroup c = CondNeuGroup.builder(3).channels(Leak.il().gMax(0.05).e(-60).build(), Sodium.tm1991().gMax(gna).build(), Potassium.tm1991().gMax(30).vSh(-63).build()).vTh(-20).vInit(-60.0).build();
        DSRunner re = new DSRunner(e, List.of("spike", "V"), 0.05).input("input", 5).progress(null);
        DSRunner rc = new DSRunner(c, List.of("spike", "V"), 0.05).input("input", 5).progress(null).jit(true);
        re.run(100);
        rc.run(100);
        assertArrayEquals(re.mon("spike").astype(DType.F32).toFloatArray(), rc.mon("spike").astype(DType.F32).toFloatArray());
        assertArrayEquals(re.mon("V").toFloatArray(), rc.mon("V").toFloatArray(), 1e-2f);
        assertTrue(BM.sum(re.mon("spike").astype(DType.F32)).item() > 5);
    }

    @Test
    void badChannelsAndParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).name("c").build());
        assertTrue(e.getMessage().contains("CondNeuGroup 'c'.channels: at least one channel"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).channels(Leak.il().build(), Leak.il().build()).build());
        assertTrue(e.getMessage().contains("two channels are named 'IL'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).channels(Sodium.tm1991().gMax(-1).build()).build());
        assertTrue(e.getMessage().contains("CondNeuGroup.INa.gMax: must be >= 0 mS/cm²"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).channels(Leak.il().build()).c(0).build());
        assertTrue(e.getMessage().contains(".C: must be > 0 µF/cm²"), e.getMessage());
    }
}
