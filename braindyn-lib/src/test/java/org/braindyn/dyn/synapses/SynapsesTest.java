package org.braindyn.dyn.synapses;

import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SynOut;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** AMPA/GABA_A kinetics, Tsodyks–Markram STP against their closed forms, the NMDA magnesium block against its formula. */
class SynapsesTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** Runs {@code steps} steps of dt, spiking at the steps in {@code spikeSteps}; returns the state after each step. */
    static double[] drive(org.braindyn.dyn.Synapse syn, double dt, int steps, java.util.Set<Integer> spikeSteps) {
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            final int step = k;
            Tensor sp = BM.array(new double[] {spikeSteps.contains(k) ? 1 : 0});
            Shared.with(new Shared(k * dt, k, dt, false), () -> { syn.update(sp); });
            out[step] = syn.conductance().getDouble(0);
        }
        return out;
    }

    /** During release g relaxes to g∞ = αT/(αT + β) with rate αT + β, then decays with rate β: closed form per phase. */
    @Test
    void ampaFollowsItsClosedFormDuringAndAfterRelease() {
        Config.enableX64();
        double dt = 0.01, a = 0.98, t = 0.5, b = 0.18;
        double[] g = drive(Ampa.builder(1).build(), dt, 300, java.util.Set.of(0));
        double rate = a * t + b, gInf = a * t / rate;
        int rel = (int) Math.round(0.5 / dt);                        // released for 0.5 ms: steps 0 … 49
        double atEnd = gInf * (1 - Math.exp(-rate * rel * dt));
        assertEquals(atEnd, g[rel - 1], 1e-12, "end of release");
        assertEquals(atEnd * Math.exp(-b * (299 - rel + 1) * dt), g[299], 1e-12, "decay after release");
        double[] gaba = drive(Ampa.gabaA(1).build(), dt, 100, java.util.Set.of(0));
        double rg = 0.53 + 0.18;
        assertEquals(0.53 / rg * (1 - Math.exp(-rg * 100 * dt)), gaba[99], 1e-12, "GABA_A releases for 1 ms at T = 1");
    }

    /**
     * A regular train with interval Δ: uₙ⁺ = uₙ⁻ + U(1 − uₙ⁻), xₙ⁺ = xₙ⁻(1 − uₙ⁺), u_{n+1}⁻ = uₙ⁺e^{−Δ/τ_f},
     * x_{n+1}⁻ = 1 − (1 − xₙ⁺)e^{−Δ/τ_d}; each spike adds A·uₙ⁺·xₙ⁻ to I; the steady state has
     * u⁺ = U/(1 − (1 − U)e^{−Δ/τ_f}) and x⁻ = (1 − e^{−Δ/τ_d})/(1 − (1 − u⁺)e^{−Δ/τ_d}).
     */
    @Test
    void stpMatchesTheTsodyksMarkramClosedFormForARegularTrain() {
        Config.enableX64();
        double dt = 0.1, bigU = 0.3, tf = 300, td = 100;
        int every = 200;                                              // Δ = 20 ms
        java.util.Set<Integer> spikes = new java.util.HashSet<>();
        for (int k = 0; k < 40; k++) spikes.add(k * every);
        Stp stp = Stp.builder(1).u(bigU).tauF(tf).tauD(td).tau(8).build();
        double u = 0, x = 1, delta = every * dt, fF = Math.exp(-delta / tf), fD = Math.exp(-delta / td), uPlus = 0;
        for (int n = 0; n < 40; n++) {
            double before = stp.i.value().getDouble(0) * Math.exp(-dt / 8);
            final int step = n * every;
            Shared.with(new Shared(step * dt, step, dt, false), () -> { stp.update(BM.array(new double[] {1})); });
            uPlus = u + bigU * (1 - u);
            double jump = uPlus * x;
            assertEquals(before + jump, stp.i.value().getDouble(0), 1e-12, "spike " + n + ": I jumps by A·u⁺·x⁻");
            double xPlus = x * (1 - uPlus);
            assertEquals(uPlus, stp.u.value().getDouble(0), 1e-12);
            assertEquals(xPlus, stp.x.value().getDouble(0), 1e-12);
            for (int k = 1; k < every; k++) {
                final int s = step + k;
                Shared.with(new Shared(s * dt, s, dt, false), () -> { stp.update(BM.array(new double[] {0})); });
            }
            u = uPlus * fF;
            x = 1 - (1 - xPlus) * fD;
        }
        double uInf = bigU / (1 - (1 - bigU) * fF), xInf = (1 - fD) / (1 - (1 - uInf) * fD);
        assertEquals(uInf, uPlus, 1e-6, "steady-state facilitation (40 spikes: converged to 1e-7)");
        assertEquals(xInf, x, 1e-6, "steady-state resources before a spike");
        var e = assertThrows(IllegalArgumentException.class, () -> Stp.builder(1).u(1.5).build());
        assertTrue(e.getMessage().contains("STP.U: must be in (0, 1]"), e.getMessage());
    }

    /** NMDA kinetics against an independent float64 RK4 of the same equations, with the spike added after each step. */
    @Test
    void nmdaKineticsMatchAnIndependentIntegration() {
        Config.enableX64();
        double dt = 0.01;
        java.util.Set<Integer> spikes = java.util.Set.of(0, 1000, 2000, 2500, 3000);
        double[] got = drive(Nmda.builder(1).method("rk4").build(), dt, 6000, spikes);
        double g = 0, x = 0;
        for (int k = 0; k < 6000; k++) {
            double[] z = org.braindyn.testing.Rk4.step(q -> nmda(q[0], q[1]), new double[] {g, x}, dt);
            g = z[0];
            x = z[1];
            if (spikes.contains(k)) x += 1;
            assertEquals(g, got[k], 1e-10, "step " + k);
        }
        assertTrue(got[3500] > 0.3, "summation of the slow conductance: " + got[3500]);
        double[] auto = drive(Nmda.builder(1).build(), dt, 6000, spikes);
        assertEquals(got[5999], auto[5999], 2e-3, "exp_auto (first order) at dt 0.01");
    }

    static double[] nmda(double g, double x) { return new double[] {-g / 100 + 0.5 * x * (1 - g), -x / 2}; }

    @Test
    void nmdaMagnesiumBlockFollowsItsFormula() {
        SynOut mg = SynOut.mgBlock(0, 1.2, 0.062, 3.57);
        double[] vs = {-80, -60, -40, -20, 0, 20};
        Tensor v = BM.array(vs).astype(DType.F64), g = BM.full(new int[] {6}, 0.5).astype(DType.F64);
        double[] got = mg.current(g, v).toDoubleArray();
        for (int k = 0; k < vs.length; k++)
            assertEquals(0.5 * (0 - vs[k]) / (1 + 1.2 / 3.57 * Math.exp(-0.062 * vs[k])), got[k], 1e-12, "V = " + vs[k]);
        assertTrue(got[1] / (0.5 * 60) < 0.2, "strongly blocked near rest");
    }

    @Test
    void badKineticParametersAreRefused() {
        var e = assertThrows(IllegalArgumentException.class, () -> Ampa.builder(3).name("syn").beta(0).build());
        assertTrue(e.getMessage().contains("AMPA 'syn'.beta: must be > 0 1/ms"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Ampa.builder(0).build());
    }

    /** AMPA and STP as align-pre synapses of a small network: the postsynaptic cells depolarise; compiled runs equal eager runs. */
    @Test
    void alignPreProjectionsWithAmpaAndStpRunCompiledAsEager() {
        float[][] results = new float[2][];
        for (int run = 0; run < 2; run++) {
            Naming.clearNameCache();
            class Net extends org.braindyn.dyn.Network {
                final org.braindyn.dyn.neurons.Lif pre = new org.braindyn.dyn.neurons.Lif(null, 20, new org.braindyn.dyn.neurons.LifParams(-65, -65, -50, 10, 1, 2), org.braindyn.dyn.neurons.Lif.Reset.HARD, null, null);
                final org.braindyn.dyn.neurons.Lif post = new org.braindyn.dyn.neurons.Lif(null, 10, new org.braindyn.dyn.neurons.LifParams(-65, -65, -50, 10, 1, 2), org.braindyn.dyn.neurons.Lif.Reset.HARD, null, null);
                final org.braindyn.dyn.AlignPreProjection ampa = org.braindyn.dyn.AlignPreProjection.synapseThenDelay(null, pre, Ampa.builder(20).build(), 0,
                        org.braindyn.dyn.Comm.csr(new org.braindyn.connect.FixedProb(0.5, false, 3).connect(20, 10), BM.scalar(0.42)), SynOut.coba(0), post);
                final org.braindyn.dyn.AlignPreProjection stp = org.braindyn.dyn.AlignPreProjection.synapseThenDelay(null, pre, Stp.builder(20).u(0.5).tauD(100).tauF(20).build(), 0,
                        org.braindyn.dyn.Comm.csr(new org.braindyn.connect.FixedProb(0.5, false, 4).connect(20, 10), BM.scalar(2.0)), SynOut.cuba(), post);
                Net() { super(null); }
            }
            Net net = new Net();
            org.braindyn.dyn.DSRunner r = new org.braindyn.dyn.DSRunner(net, java.util.List.of("post.V"), 0.1).input("pre.input", 20).progress(null).jit(run == 1);
            r.run(100);
            results[run] = r.mon("post.V").toFloatArray();
            if (run == 0) assertTrue(BM.max(r.mon("post.V")).item() > -64, "synaptic input depolarises the postsynaptic cells");
        }
        assertArrayEquals(results[0], results[1], 1e-3f, "compiled = eager");
    }
}
