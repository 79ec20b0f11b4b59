package org.braindyn.dyn.synapses;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Set;
import org.braindyn.connect.Conn;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SpikeTimeGroup;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Short-term depression against its recursion and steady state, BioNMDA against an independent RK4, gap junctions
 * against the two-cell solution, and the 2.1 monolithic dual-exponential / alpha synapses against their closed forms.
 */
class DepressionNmdaGapTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /**
     * A regular train, one spike every m steps: with f = e^{−dt/τ} and p the resources before a spike's step, the spike
     * leaves x⁺ = 1 − (1 − p)f − U·p and passes x⁺ on; in between p recovers to 1 − (1 − x⁺)f^{m−1}; the steady state
     * is p = (1 − f^m)/(1 − f^{m−1}(f − U)).
     */
    @Test
    void depressionFollowsItsRecursionAndSteadyState() {
        Config.enableX64();
        double dt = 0.1, tau = 100, bigU = 0.3;
        int m = 100;                                                           // 10 ms apart
        Expon inner = new Expon(null, 1, 5);
        Std std = Std.builder(1).tau(tau).u(bigU).build(inner);
        double f = Math.exp(-dt / tau), p = 1, passed = 0;
        for (int n = 0; n < 60; n++) {
            double gBefore = inner.g.value().getDouble(0) * Math.exp(-dt / 5);
            final int step = n * m;
            Shared.with(new Shared(step * dt, step, dt, false), () -> { std.update(BM.array(new double[] {1})); });
            passed = 1 - (1 - p) * f - bigU * p;
            assertEquals(passed, std.x.value().getDouble(0), 1e-12, "spike " + n + ": resources after depletion");
            assertEquals(gBefore + passed, inner.g.value().getDouble(0), 1e-12, "spike " + n + ": the inner synapse receives s·x⁺");
            for (int k = 1; k < m; k++) {
                final int s = step + k;
                Shared.with(new Shared(s * dt, s, dt, false), () -> { std.update(BM.array(new double[] {0})); });
            }
            p = 1 - (1 - passed) * Math.pow(f, m - 1);
            assertEquals(p, std.x.value().getDouble(0), 1e-12, "recovery before spike " + (n + 1));
        }
        double fm1 = Math.pow(f, m - 1), pInf = (1 - fm1 * f) / (1 - fm1 * (f - bigU));
        assertEquals(pInf, p, 1e-9, "steady state");
        assertTrue(passed < 0.5, "a 100 Hz train depresses the synapse: efficacy " + passed);
        var e = assertThrows(IllegalArgumentException.class, () -> Std.builder(1).u(0).build(new Expon(null, 1, 5)));
        assertTrue(e.getMessage().contains("STD.U: must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Std.builder(3).name("s").build(new Expon(null, 2, 5)));
        assertTrue(e.getMessage().contains("STD 's'.inner") && e.getMessage().contains("expected one per presynaptic neuron (3)"), e.getMessage());
    }

    /** BrainPy's defaults: STD τ 200 ms and U 0.07; Expon τ 8 ms; DualExpon τ_rise 1, τ_decay 10 ms; Alpha τ_decay 10 ms. */
    @Test
    void defaultsAreBrainPys() {
        Config.enableX64();
        double dt = 0.1;
        Std std = Std.builder(1).build(Expon.builder(1).build());
        Shared.with(new Shared(0, 0, dt, false), () -> { std.update(BM.array(new double[] {1})); });
        assertEquals(1 - 0.07, std.x.value().getDouble(0), 1e-12, "U 0.07");
        Shared.with(new Shared(dt, 1, dt, false), () -> { std.update(BM.array(new double[] {0})); });
        assertEquals(1 - 0.07 * Math.exp(-dt / 200), std.x.value().getDouble(0), 1e-12, "τ 200 ms");
        assertEquals(0.93 * Math.exp(-dt / 8), std.inner.conductance().getDouble(0), 1e-12, "Expon τ 8 ms");
        double[] dual = SynapsesTest.drive(org.braindyn.dyn.synapses.DualExpon.builder(1).build(), dt, 11, Set.of(0));
        assertEquals(10.0 / 9 * (Math.exp(-1.0 / 10) - Math.exp(-1.0)), dual[10], 1e-12, "DualExpon τ_rise 1, τ_decay 10, A = τ_d/(τ_d − τ_r)");
        double[] alpha = SynapsesTest.drive(org.braindyn.dyn.synapses.Alpha.builder(1).build(), dt, 101, Set.of(0));
        assertEquals(Math.exp(-1), alpha[100], 1e-12, "Alpha τ 10: the peak 1/e at t = τ");
        var e = assertThrows(IllegalArgumentException.class, () -> org.braindyn.dyn.synapses.DualExpon.builder(2).tauRise(BM.array(new double[] {1, 20})).build());
        assertTrue(e.getMessage().contains("DualExpon: needs tauRise < tauDecay for every target"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Expon.builder(3).tau(BM.array(new double[] {1, 2})).build());
        assertTrue(e.getMessage().contains("Expon.tau: 2 values for 3 neurons"), e.getMessage());
    }

    /** BioNMDA with rk4 against an independent float64 RK4 of the same equations, [T] held over each step. */
    @Test
    void bioNmdaMatchesAnIndependentIntegration() {
        Config.enableX64();
        double dt = 0.01;
        Set<Integer> spikes = Set.of(0, 1000, 1100, 3000);
        double[] got = SynapsesTest.drive(BioNmda.builder(1).method("rk4").build(), dt, 5000, spikes);
        double g = 0, x = 0, last = -1e7;
        for (int k = 0; k < 5000; k++) {
            double t = k * dt;
            if (spikes.contains(k)) last = t;
            double conc = (t - last) < 0.5 ? 1 : 0;
            double[] z = org.braindyn.testing.Rk4.step(q -> new double[] {2 * q[1] * (1 - q[0]) - 0.01 * q[0], conc * (1 - q[1]) - 0.5 * q[1]},
                    new double[] {g, x}, dt);
            g = z[0];
            x = z[1];
            assertEquals(g, got[k], 1e-10, "step " + k);
        }
        assertTrue(got[1500] > got[900], "summation: " + got[900] + " → " + got[1500]);
        assertTrue(got[2999] < got[1500] && got[2999] > 0.5 * got[1500], "slow decay (β₁ = 0.01/ms): " + got[1500] + " → " + got[2999]);
        var e = assertThrows(IllegalArgumentException.class, () -> BioNmda.builder(2).beta1(-1).build());
        assertTrue(e.getMessage().contains("BioNMDA.beta1: must be > 0"), e.getMessage());
    }

    /**
     * Two passive LIF cells (τ 10 ms, R 1) joined both ways with g: the sum relaxes as without the junction and the
     * difference D obeys τ dD/dt = −(1 + 2gR)D. Exactly, each exponential-Euler step maps D to
     * D·f − (1 − f)·2gR·D (f = e^{−dt/τ}); within 1% of the continuous solution at dt 0.01.
     */
    @Test
    void gapJunctionEqualisesPotentialsAtTheRateItsConductanceSets() {
        Config.enableX64();
        double g = 0.2, dt = 0.01, tau = 10;
        class Net extends Network {
            final Lif cells = Lif.builder(2).vRest(-65).vTh(100).tau(tau).vInit(BM.array(new double[] {-50, -70})).build();
            final GapJunction gj = GapJunction.within("gj", cells, Conn.fromIJ(2, 2, new int[] {0, 1}, new int[] {1, 0}), BM.scalar(g));
            Net() { super("net"); }
        }
        DSRunner r = new DSRunner(new Net(), List.of("cells.V"), dt).jit(false).progress(null);
        r.run(20);
        double[] v = r.mon("cells.V").toDoubleArray();
        double f = Math.exp(-dt / tau), d = 20, s = -120;
        for (int k = 0; k < v.length / 2; k++) {
            d = d * f - (1 - f) * 2 * g * d;
            s = -130 + (s + 130) * f;
            assertEquals(d, v[2 * k] - v[2 * k + 1], 1e-9, "difference, step " + k);
            assertEquals(s, v[2 * k] + v[2 * k + 1], 1e-9, "sum, step " + k);
        }
        double exact = 20 * Math.exp(-(1 + 2 * g) * 20 / tau);
        assertEquals(exact, d, 0.01 * exact, "continuous solution at 20 ms");
        Naming.clearNameCache();
        Lif three = Lif.builder(3).build();
        var e = assertThrows(IllegalArgumentException.class, () -> GapJunction.within("GJ", three, Conn.fromIJ(2, 2, new int[] {0}, new int[] {1}), BM.scalar(g)));
        assertTrue(e.getMessage().contains("GJ.conn"), e.getMessage());
    }

    /** A gap junction in the batching mode: each batch row equals the unbatched run with that row's input. */
    @Test
    void gapJunctionRunsBatched() {
        Config.enableX64();
        Conn both = Conn.fromIJ(2, 2, new int[] {0, 1}, new int[] {1, 0});
        double[][] drive = {{5, 0}, {0, 8}};
        double[][] single = new double[2][];
        for (int row = 0; row < 2; row++) {
            Naming.clearNameCache();
            Lif cells = Lif.builder(2).vRest(-65).vTh(100).tau(10).build();
            GapJunction.within("gj", cells, both, BM.scalar(0.3));
            DSRunner r = new DSRunner(cells, List.of("V"), 0.1).input("input", BM.array(drive[row]), false, DSRunner.Op.ADD).jit(false).progress(null);
            r.run(20);
            single[row] = r.mon("V").toDoubleArray();
        }
        Naming.clearNameCache();
        Lif batched = org.braindyn.dyn.Mode.with(org.braindyn.dyn.Mode.batching(2), () -> Lif.builder(2).vRest(-65).vTh(100).tau(10).build());
        GapJunction.within("gj", batched, both, BM.scalar(0.3));
        DSRunner r = new DSRunner(batched, List.of("V"), 0.1).input("input", BM.array(drive), false, DSRunner.Op.ADD).jit(false).progress(null);
        r.run(20);
        org.braindyn.tensor.Tensor v = r.mon("V");                                   // (steps, batch, neurons)
        for (int row = 0; row < 2; row++)
            assertArrayEquals(single[row], v.get(":, " + row + ", :").toDoubleArray(), 1e-12, "batch row " + row);
        assertTrue(single[0][single[0].length - 1] > -65, "the junction carries the drive to the undriven cell");
    }

    /**
     * BrainPy 2.1's one-object synapses: a spike of step k enters h at step k + 1, and m steps later
     * DualExpCUBA's g = g_max·τ_dτ_r/(τ_d − τ_r)·(e^{−m·dt/τ_d} − e^{−m·dt/τ_r}) and AlphaCUBA's g = g_max·m·dt·e^{−m·dt/τ}.
     */
    @Test
    void monolithicDualExponentialAndAlphaSynapsesFollowTheirClosedForms() {
        Config.enableX64();
        double dt = 0.1, gMax = 0.7, tr = 2, td = 8, tau = 5;
        class Net extends Network {
            final SpikeTimeGroup in = new SpikeTimeGroup("in", 1, new double[] {0.0}, new int[] {0});
            final Lif post = Lif.builder(1).vTh(1e9).build();
            final Projection dual = Projection.dualExpCuba("dual", in, post, new org.braindyn.connect.All2All(true), gMax, tr, td);
            final Projection alpha = Projection.alphaCoba("alpha", in, post, new org.braindyn.connect.All2All(true), gMax, tau, 0);
            Net() { super("net"); }
        }
        Net net = new Net();
        DSRunner r = new DSRunner(net, List.of(), dt).monitor("dual", net.dual.syn::conductance).monitor("alpha", net.alpha.syn::conductance)
                .jit(false).progress(null);
        r.run(30);
        double[] dual = r.mon("dual").toDoubleArray(), alpha = r.mon("alpha").toDoubleArray();
        for (int k = 1; k < dual.length; k++) {
            double t = (k - 1) * dt;
            assertEquals(gMax * td * tr / (td - tr) * (Math.exp(-t / td) - Math.exp(-t / tr)), dual[k], 1e-12, "DualExpCUBA, step " + k);
            assertEquals(gMax * t * Math.exp(-t / tau), alpha[k], 1e-12, "AlphaCOBA, step " + k);
        }
    }
}
