package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.channels.Calcium;
import org.braindyn.dyn.channels.IAhp;
import org.braindyn.dyn.channels.ICa;
import org.braindyn.dyn.channels.ICaN;
import org.braindyn.dyn.channels.IKA;
import org.braindyn.dyn.channels.Ih;
import org.braindyn.dyn.channels.IhDe1996;
import org.braindyn.dyn.channels.Leak;
import org.braindyn.dyn.channels.Potassium;
import org.braindyn.dyn.channels.Sodium;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Calcium dynamics and the calcium, Ih and A-type channels: gating functions against their published formulas, the
 * Nernst potential, a cell with T-type calcium against an independent RK4, the rebound burst, validation.
 */
class CalciumChannelsTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double boltz(double u, double half, double slope) { return 1 / (1 + Math.exp((u - half) / slope)); }

    static Tensor at(double v) { return BM.array(new double[] {v}).astype(DType.F64); }

    /** Steady states and relaxation rates of every voltage-gated channel at several potentials, against the formulas written out. */
    @Test
    void gatingFunctionsFollowThePublishedFormulas() {
        Config.enableX64();
        ICa t = ICa.tHm1992().build(), l = ICa.lIs2008().build();
        IKA a1 = IKA.a1Hm1992().build();
        Ih ih = Ih.hm1992().build();
        t.bind("cell", 1); l.bind("cell", 1); a1.bind("cell", 1); ih.bind("cell", 1);
        double phiP = Math.pow(3.55, 1.2), phiQ = Math.pow(3, 1.2);
        for (double v : new double[] {-95, -81, -70, -55, -30, 0}) {
            double u = v + 3;
            Tensor[] ss = t.steadyState(at(v), at(1e-4));
            assertEquals(boltz(u, -59, -6.2), ss[0].getDouble(0), 1e-12, "ICaT p∞ at " + v);
            assertEquals(boltz(u, -83, 4), ss[1].getDouble(0), 1e-12, "ICaT q∞ at " + v);
            double tp = 1 / (Math.exp(-(u + 132) / 16.7) + Math.exp((u + 16.8) / 18.2)) + 0.612;
            double tq = u < -80 ? Math.exp((u + 467) / 66.6) : Math.exp(-(u + 22) / 10.5) + 28;
            Tensor[] d = t.derivative(at(v), at(1e-4), new Tensor[] {at(0.3), at(0.6)});
            assertEquals(phiP * (boltz(u, -59, -6.2) - 0.3) / tp, d[0].getDouble(0), 1e-12, "ICaT dp/dt at " + v);
            assertEquals(phiQ * (boltz(u, -83, 4) - 0.6) / tq, d[1].getDouble(0), 1e-12, "ICaT dq/dt at " + v);
            assertEquals(2 * 0.09 * 0.6 * (120 - v), t.current(at(v), at(1e-4), at(120), new Tensor[] {at(0.3), at(0.6)}).getDouble(0), 1e-12, "ICaT current");
            double lq = 300 + 100 / (Math.exp((v + 40) / 9.5) + Math.exp(-(v + 40) / 9.5));
            assertEquals(phiQ * (boltz(v, -25, 2) - 0.5) / lq, l.derivative(at(v), at(1e-4), new Tensor[] {at(0.5), at(0.5)})[1].getDouble(0), 1e-12, "ICaL dq/dt");
            double aq = v < -63 ? 1 / (Math.exp((v + 46) / 5) + Math.exp(-(v + 238) / 37.5)) : 19;
            assertEquals((boltz(v, -78, 6) - 0.2) / aq, a1.derivative(at(v), new Tensor[] {at(0.1), at(0.2)})[1].getDouble(0), 1e-12, "IA dq/dt at " + v);
            assertEquals(30 * Math.pow(0.1, 4) * 0.2 * (-90 - v), a1.current(at(v), new Tensor[] {at(0.1), at(0.2)}).getDouble(0), 1e-12, "IA current");
            double ht = 1 / (Math.exp(-0.086 * v - 14.59) + Math.exp(0.0701 * v - 1.87));
            assertEquals((boltz(v, -75, 5.5) - 0.4) / ht, ih.derivative(at(v), new Tensor[] {at(0.4)})[0].getDouble(0), 1e-12, "Ih dp/dt at " + v);
        }
        ICa re = ICa.htRe1993().build();
        re.bind("cell", 1);
        double phiRe = Math.pow(2.3, 1.3);
        for (double v : new double[] {-80, -40, -27.5, 0, 20}) {
            double aq = 0.055 * (-27 - v) / (Math.exp((-27 - v) / 3.8) - 1), bq = 0.94 * Math.exp((-75 - v) / 17);
            double ar = 0.000457 * Math.exp((-13 - v) / 50), br = 0.0065 / (Math.exp((-15 - v) / 28) + 1);
            Tensor[] ss = re.steadyState(at(v), at(1e-4)), d = re.derivative(at(v), at(1e-4), new Tensor[] {at(0.2), at(0.7)});
            assertEquals(aq / (aq + bq), ss[0].getDouble(0), 1e-12, "ICaHT_Re1993 q∞ at " + v);
            assertEquals(phiRe * (ar * 0.3 - br * 0.7), d[1].getDouble(0), 1e-12, "ICaHT_Re1993 dr/dt at " + v);
            assertEquals(phiRe * (aq * 0.8 - bq * 0.2), d[0].getDouble(0), 1e-12, "ICaHT_Re1993 dq/dt at " + v);
            assertEquals(1 * 0.04 * 0.7 * (120 - v), re.current(at(v), at(1e-4), at(120), new Tensor[] {at(0.2), at(0.7)}).getDouble(0), 1e-12);
        }
        org.braindyn.dyn.channels.IKK2 k2b = org.braindyn.dyn.channels.IKK2.bHm1992().build();
        org.braindyn.dyn.channels.IKNI m = org.braindyn.dyn.channels.IKNI.ya1989().build();
        k2b.bind("cell", 1); m.bind("cell", 1);
        for (double v : new double[] {-90, -71, -69, -40, 0}) {
            double tq = v < -70 ? 1 / (Math.exp((v - 1329) / 200) + Math.exp(-(v + 130) / 7.1)) : 8.9;
            double tp = 1 / (Math.exp((v - 81) / 25.6) + Math.exp(-(v + 132) / 18)) + 9.9;
            Tensor[] d = k2b.derivative(at(v), new Tensor[] {at(0.3), at(0.6)});
            assertEquals((boltz(v, -43, -17) - 0.3) / tp, d[0].getDouble(0), 1e-12, "IK2b dp/dt at " + v);
            assertEquals((boltz(v, -58, 10.6) - 0.6) / tq, d[1].getDouble(0), 1e-12, "IK2b dq/dt at " + v);
            assertEquals(10 * 0.3 * 0.6 * (-90 - v), k2b.current(at(v), new Tensor[] {at(0.3), at(0.6)}).getDouble(0), 1e-12, "IK2 current");
            double tm = 4000 / (3.3 * Math.exp((v + 35) / 20) + Math.exp(-(v + 35) / 20));
            assertEquals((boltz(v, -35, -10) - 0.2) / tm, m.derivative(at(v), new Tensor[] {at(0.2)})[0].getDouble(0), 1e-15, "IKNI dp/dt at " + v);
            assertEquals(0.004 * 0.2 * (-90 - v), m.current(at(v), new Tensor[] {at(0.2)}).getDouble(0), 1e-15, "IKNI current");
        }
        IAhp ahp = IAhp.de1994().build();
        ahp.bind("cell", 1);
        double c = 2e-3, bound = 48 * c * c;
        assertEquals(bound / (bound + 0.09), ahp.steadyState(at(-60), at(c))[0].getDouble(0), 1e-12, "IAHP p∞ = αC²/(αC² + β)");
        assertEquals((bound / (bound + 0.09) - 0.1) * (bound + 0.09), ahp.derivative(at(-60), at(c), new Tensor[] {at(0.1)})[0].getDouble(0), 1e-12);
        ICaN can = ICaN.is2008().build();
        can.bind("cell", 1);
        assertEquals(1 * c / (c + 0.2) * 0.5 * (10 + 60), can.current(at(-60), at(c), at(120), new Tensor[] {at(0.5)}).getDouble(0), 1e-12, "I_CAN = g M(C) p (E − V)");
        IhDe1996 hd = IhDe1996.de1996().build();
        hd.bind("cell", 1);
        Tensor[] s = hd.steadyState(at(-80), at(c));
        Tensor[] ds = hd.derivative(at(-80), at(c), s);
        for (int k = 0; k < 3; k++) assertEquals(0, ds[k].getDouble(0), 1e-12, "Ih_De1996's steady state is stationary, variable " + k);
    }

    @Test
    void nernstPotentialOfCalcium() {
        Config.enableX64();
        Calcium ca = Calcium.detailed().build();
        ca.bind("cell", 1);
        double k = 8.31441 * (273.15 + 36) / (2 * 96.489);
        assertEquals(k * Math.log(2 / 2.4e-4), ca.reversal(at(2.4e-4)).getDouble(0), 1e-9, "≈ 120 mV at rest, BrainPy's fixed value");
        assertEquals(k * Math.log(2 / 1e-3), ca.reversal(at(1e-3)).getDouble(0), 1e-9);
    }

    static CondNeuGroup ltsCell(String method) {
        return CondNeuGroup.builder(1).channels(Leak.il().gMax(0.05).e(-70).build(),
                        Calcium.detailed().channels(ICa.tHm1992().build(), IAhp.de1994().gMax(0.1).build()).build())
                .vInit(-70.0).method(method).build();
    }

    /** The cell without sodium spikes (leak, detailed calcium with ICaT and a weak IAHP) in plain doubles: y = (V, C, p, q, m). */
    static double[] lts(double[] y, double current) {
        double v = y[0], c = y[1], p = y[2], q = y[3], m = y[4], u = v + 3;
        double e = 8.31441 * (273.15 + 36) / (2 * 96.489) * Math.log(2 / c);
        double iT = 2 * p * p * q * (e - v), iAhp = 0.1 * m * m * (-95 - v), iL = 0.05 * (-70 - v);
        double tp = 1 / (Math.exp(-(u + 132) / 16.7) + Math.exp((u + 16.8) / 18.2)) + 0.612;
        double tq = u < -80 ? Math.exp((u + 467) / 66.6) : Math.exp(-(u + 22) / 10.5) + 28;
        double bound = 48 * c * c;
        return new double[] {iL + iT + iAhp + current, Math.max(iT / (2 * 96.489), 0) + (2.4e-4 - c) / 5,
                Math.pow(3.55, 1.2) * (boltz(u, -59, -6.2) - p) / tp, Math.pow(3, 1.2) * (boltz(u, -83, 4) - q) / tq,
                (bound / (bound + 0.09) - m) * (bound + 0.09)};
    }

    /** 200 ms at −1 µA/cm² de-inactivates the T current; released, the cell fires a low-threshold calcium spike. */
    @Test
    void tTypeCellMatchesAnIndependentIntegrationAndFiresAReboundSpike() {
        Config.enableX64();
        double dt = 0.01;
        double u0 = -67, bound0 = 48 * 2.4e-4 * 2.4e-4;
        double[] y = {-70, 2.4e-4, boltz(u0, -59, -6.2), boltz(u0, -83, 4), bound0 / (bound0 + 0.09)};
        double[] vRef = new double[40_000], cRef = new double[40_000];
        for (int k = 0; k < 40_000; k++) {
            double i = k < 20_000 ? -1 : 0;
            y = org.braindyn.testing.Rk4.step(z -> lts(z, i), y, dt);
            vRef[k] = y[0];
            cRef[k] = y[1];
        }
        for (boolean jit : new boolean[] {false, true}) {
            Naming.clearNameCache();
            CondNeuGroup cell = ltsCell("rk4");
            DSRunner hold = new DSRunner(cell, List.of("V", "Ca_C"), dt).input("input", -1).jit(jit).progress(null);
            hold.run(200);
            DSRunner release = new DSRunner(cell, List.of("V", "Ca_C"), dt).startAt(200).jit(jit).progress(null);
            release.run(200);
            double[] v = concat(hold.mon("V").toDoubleArray(), release.mon("V").toDoubleArray());
            double[] c = concat(hold.mon("Ca_C").toDoubleArray(), release.mon("Ca_C").toDoubleArray());
            for (int k = 0; k < v.length; k += 97) {
                assertEquals(vRef[k], v[k], 1e-6, (jit ? "compiled" : "eager") + " V at step " + k);
                assertEquals(cRef[k], c[k], 1e-9, (jit ? "compiled" : "eager") + " Ca at step " + k);
            }
        }
        double peak = -1e9, cPeak = 0;
        for (int k = 20_000; k < 40_000; k++) { peak = Math.max(peak, vRef[k]); cPeak = Math.max(cPeak, cRef[k]); }
        assertTrue(peak > -45, "a low-threshold spike after release: peak " + peak + " mV");
        assertTrue(cPeak > 10 * 2.4e-4, "calcium enters during the spike: " + cPeak + " mM");
    }

    /**
     * A cell with the A-type and h currents (IA1 of Huguenard &amp; McCormick with g 5, Ih with g 0.5, a leak of 0.05
     * at −70 mV) in plain doubles, RK4 at dt 0.01: the model's V within 1e-6 mV over 300 ms of hyperpolarising and then
     * depolarising current (the sag of Ih, the delayed rise of IA).
     */
    @Test
    void aTypeAndHCurrentsMatchAnIndependentIntegration() {
        Config.enableX64();
        java.util.function.BiFunction<double[], Double, double[]> f = (y, i) -> {
            double v = y[0], p = y[1], q = y[2], h = y[3];
            double tp = 1 / (Math.exp((v + 35.8) / 19.7) + Math.exp(-(v + 79.7) / 12.7)) + 0.37;
            double tq = v < -63 ? 1 / (Math.exp((v + 46) / 5) + Math.exp(-(v + 238) / 37.5)) : 19;
            double th = 1 / (Math.exp(-0.086 * v - 14.59) + Math.exp(0.0701 * v - 1.87));
            double iA = 5 * Math.pow(p, 4) * q * (-90 - v), iH = 0.5 * h * (43 - v), iL = 0.05 * (-70 - v);
            return new double[] {iA + iH + iL + i, (boltz(v, -60, -8.5) - p) / tp, (boltz(v, -78, 6) - q) / tq, (boltz(v, -75, 5.5) - h) / th};
        };
        double[] y = {-70, boltz(-70, -60, -8.5), boltz(-70, -78, 6), boltz(-70, -75, 5.5)};
        double[] ref = new double[30_000];
        for (int k = 0; k < 30_000; k++) {
            double i = k < 15_000 ? -2 : 4;
            y = org.braindyn.testing.Rk4.step(z -> f.apply(z, i), y, 0.01);
            ref[k] = y[0];
        }
        CondNeuGroup cell = CondNeuGroup.builder(1).channels(IKA.a1Hm1992().gMax(5).build(), Ih.hm1992().gMax(0.5).build(), Leak.il().gMax(0.05).e(-70).build())
                .vInit(-70.0).method("rk4").build();
        DSRunner a = new DSRunner(cell, List.of("V"), 0.01).input("input", -2).jit(false).progress(null);
        a.run(150);
        DSRunner b = new DSRunner(cell, List.of("V"), 0.01).startAt(150).input("input", 4).jit(false).progress(null);
        b.run(150);
        double[] v = concat(a.mon("V").toDoubleArray(), b.mon("V").toDoubleArray());
        for (int k = 0; k < v.length; k += 101) assertEquals(ref[k], v[k], 1e-6, "step " + k);
        double min = 0;
        int at = 0;
        for (int k = 0; k < 15_000; k++) if (ref[k] < min) { min = ref[k]; at = k; }
        assertTrue(ref[14_999] > min + 1, "Ih sags the hyperpolarisation back: minimum " + min + " mV at " + at * 0.01 + " ms, then " + ref[14_999]);
    }

    /** A leak + M-current cell (IKNI g 0.5, τ_max 400 ms) under a current step, against an independent RK4: the slow outward current pulls V back. */
    @Test
    void mCurrentMatchesAnIndependentIntegration() {
        Config.enableX64();
        double[] y = {-70, boltz(-70, -35, -10)};
        double[] ref = new double[20_000];
        for (int k = 0; k < ref.length; k++) {
            y = org.braindyn.testing.Rk4.step(z -> {
                double v = z[0], tp = 400 / (3.3 * Math.exp((v + 35) / 20) + Math.exp(-(v + 35) / 20));
                return new double[] {0.5 * z[1] * (-90 - v) + 0.05 * (-70 - v) + 1.5, (boltz(v, -35, -10) - z[1]) / tp};
            }, y, 0.01);
            ref[k] = y[0];
        }
        CondNeuGroup cell = CondNeuGroup.builder(1).channels(org.braindyn.dyn.channels.IKNI.ya1989().gMax(0.5).tauMax(400).build(),
                Leak.il().gMax(0.05).e(-70).build()).vInit(-70.0).method("rk4").build();
        DSRunner r = new DSRunner(cell, List.of("V"), 0.01).input("input", 1.5).jit(true).progress(null);
        r.run(200);
        double[] v = r.mon("V").toDoubleArray();
        for (int k = 0; k < v.length; k += 97) assertEquals(ref[k], v[k], 1e-6, "step " + k);
        double peak = -1e9;
        for (double x : ref) peak = Math.max(peak, x);
        assertTrue(peak > ref[ref.length - 1] + 1, "adaptation: V peaks at " + peak + " and relaxes to " + ref[ref.length - 1]);
    }

    /** The same cell stepped by exp_auto (BrainPy's default) at dt 0.01 stays within 1 mV of the RK4 trajectory. */
    @Test
    void expAutoTracksTheReference() {
        Config.enableX64();
        CondNeuGroup rk = ltsCell("rk4"), auto = ltsCell("exp_auto");
        DSRunner a = new DSRunner(rk, List.of("V"), 0.01).input("input", -1).jit(false).progress(null);
        DSRunner b = new DSRunner(auto, List.of("V"), 0.01).input("input", -1).jit(false).progress(null);
        a.run(100);
        b.run(100);
        double[] va = a.mon("V").toDoubleArray(), vb = b.mon("V").toDoubleArray();
        for (int k = 0; k < va.length; k += 101) assertEquals(va[k], vb[k], 1.0, "step " + k);
    }

    /** A thalamocortical-style cell with every new channel compiles and runs as eager does. */
    @Test
    void aCellWithEveryChannelRunsCompiledAsEager() {
        Config.enableX64();
        double[][] out = new double[2][];
        for (int run = 0; run < 2; run++) {
            Naming.clearNameCache();
            CondNeuGroup cell = CondNeuGroup.builder(3).channels(Sodium.hh1952().build(), Potassium.hh1952().build(), Leak.il().gMax(0.02).build(),
                            Ih.hm1992().gMax(0.01).build(), IKA.a2Hm1992().gMax(2).build(),
                            Calcium.firstOrder().channels(ICa.lIs2008().build(), ICa.htHm1992().gMax(0.5).build(), ICaN.is2008().gMax(0.2).build(),
                                    IAhp.de1994().gMax(0.5).build(), IhDe1996.de1996().build()).build())
                    .vInit(BM.array(new double[] {-70, -65, -60})).method("exp_auto").build();
            DSRunner r = new DSRunner(cell, List.of("V"), 0.02).input("input", 5).jit(run == 1).progress(null);
            r.run(50);
            out[run] = r.mon("V").toDoubleArray();
        }
        assertArrayEquals(out[0], out[1], 1e-9, "compiled = eager");
        double max = -1e9;
        for (double v : out[0]) { assertTrue(Double.isFinite(v)); max = Math.max(max, v); }
        assertTrue(max > 0, "the cell spikes: max V " + max);
    }

    @Test
    void badParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).channels(Calcium.detailed().tau(-1).channels(ICa.tHm1992().build()).build()).build());
        assertTrue(e.getMessage().contains("Ca.tau: must be > 0 ms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Calcium.detailed().channels(ICa.tHm1992().build(), ICa.tHp1992().build()).build());
        assertTrue(e.getMessage().contains("two channels are named 'ICaT'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> CondNeuGroup.builder(2).channels(Calcium.fixed().c(0.0).build()).build());
        assertTrue(e.getMessage().contains("Ca.C: must be > 0 mM"), e.getMessage());
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
