package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.braindyn.dyn.AlignPreProjection;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.PoissonGroup;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.SpikeMonitor;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.dyn.synapses.Nmda;
import org.braindyn.plot.LineFigure;
import org.braindyn.plot.PanelFigure;
import org.braindyn.plot.RasterFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Wang (2002)'s spiking network of perceptual decisions ("Probabilistic decision making by slow reverberation in
 * cortical circuits"; BrainPy's decision-making example): 1,600 excitatory LIF neurons (two selective pools A and B of
 * 240, 1,120 non-selective) and 400 inhibitory ones, all to all, with AMPA (τ 2 ms), NMDA (τ_rise 2, τ_decay 100 ms,
 * α 0.5/ms, Mg block [Mg] 1 mM) and GABA_A (τ 5 ms) synapses; within a pool the recurrent weights are w₊ = 1.7, from
 * the other pools w₋ = 1 − f(w₊ − 1)/(1 − f) (f = 0.15). Every neuron receives 2.4 kHz of background Poisson input
 * through AMPA (g_ext 2.1 nS on E, 1.62 nS on I). From 300 to 1,300 ms the pools receive stimulus spikes at
 * μ₀(1 ± c/100) Hz (μ₀ 40 Hz, redrawn every 50 ms with σ 4 Hz); the pool that wins the competition keeps firing after
 * the stimulus ends (working memory of the choice). Units: mV, ms, nS, pA (membrane: C_E 0.5 nF, g_L,E 25 nS,
 * C_I 0.2 nF, g_L,I 20 nS, V_L −70, V_th −50, V_reset −55 mV, τ_ref 2/1 ms; recurrent g_AMPA 0.05/0.04, g_NMDA
 * 0.165/0.13, g_GABA 1.3/1.0 nS onto E/I). The background follows BrainPy's example: one Poisson train per neuron
 * at 2.4 kHz, at most one spike per 0.1 ms step.
 * <p>{@code --coherence} (default 25.6 %) sets the evidence for A; {@code --duration} (default 1,800 ms); {@code --seed}.
 * Figure {@code decision_making.png}: population rates of A and B (50 ms bins) with the stimulus period, and the
 * raster of both pools.
 */
public final class DecisionMaking implements Example {
    static final int NA = 240, NN = 1120, NI = 400;
    static final double DT = 0.1, STIM_ON = 300, STIM_OFF = 1300, MU0 = 40, SIGMA = 4, W_PLUS = 1.7, F = 0.15;
    static final double W_MINUS = 1 - F * (W_PLUS - 1) / (1 - F);

    @Override public String name() { return "decision-making"; }

    @Override public String description() { return "Wang (2002) spiking decision network: two selective pools compete through NMDA, AMPA and GABA_A synapses"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--duration", "--coherence"); }

    /** All to all with one weight: each target receives {@code w · Σ activity} (graded NMDA states or spikes). */
    static Comm allToAll(double w, int post) {
        return a -> BM.broadcastTo(BM.sum(a.astype(org.braindyn.tensor.Config.defaultFloat())).mul(w), post);
    }

    static Lif excitatory(String name, int n, int seed) {
        return Lif.builder(n).name(name).vRest(-70).vReset(-55).vTh(-50).tau(20).r(1 / 25.0).tauRef(2)
                .vInit(new org.braindyn.init.Uniform(-70, -50, new RandomState(seed))).build();
    }

    static final class Circuit extends Network {
        final Lif A, B, N, I;
        final PoissonGroup stimA, stimB;
        final List<Object> projections = new ArrayList<>();

        Circuit(int seed) {
            super("decision");
            A = excitatory("A", NA, seed);
            B = excitatory("B", NA, seed + 1);
            N = excitatory("N", NN, seed + 2);
            I = Lif.builder(NI).name("I").vRest(-70).vReset(-55).vTh(-50).tau(10).r(1 / 20.0).tauRef(1)
                    .vInit(new org.braindyn.init.Uniform(-70, -50, new RandomState(seed + 3))).build();
            stimA = new PoissonGroup("stimA", NA, BM.scalar(0.0), new RandomState(seed + 4));
            stimB = new PoissonGroup("stimB", NA, BM.scalar(0.0), new RandomState(seed + 5));
            Lif[] exc = {A, B, N}, all = {A, B, N, I};
            int s = seed + 10;
            for (Lif post : all) {                                                    // background: 2.4 kHz through AMPA
                double gExt = post == I ? 1.62 : 2.1;
                PoissonGroup bg = new PoissonGroup(post.name() + "_bg", post.num(), BM.scalar(2400.0), new RandomState(s++));
                projections.add(bg);
                projections.add(ampa(bg, Comm.oneToOne(BM.scalar(gExt)), post));
            }
            projections.add(ampa(stimA, Comm.oneToOne(BM.scalar(2.1)), A));
            projections.add(ampa(stimB, Comm.oneToOne(BM.scalar(2.1)), B));
            for (Lif pre : exc)
                for (Lif post : all) {
                    double w = weight(pre, post), gAmpa = post == I ? 0.04 : 0.05, gNmda = post == I ? 0.13 : 0.165;
                    projections.add(ampa(pre, allToAll(gAmpa * w, post.num()), post));
                    projections.add(AlignPreProjection.synapseThenDelay(null, pre, Nmda.builder(pre.num()).build(), 0,
                            allToAll(gNmda * w, post.num()), SynOut.mgBlock(0, 1.0, 0.062, 3.57), post));
                }
            for (Lif post : all)
                projections.add(Projection.full(null, I, 0, allToAll(post == I ? 1.0 : 1.3, post.num()), Expon.builder(post.num()).tau(5.0).build(),
                        SynOut.coba(-70), post));
            java.util.Map<String, org.braindyn.state.Module> kids = new java.util.LinkedHashMap<>();
            for (int k = 0; k < projections.size(); k++) kids.put("p" + k, (org.braindyn.state.Module) projections.get(k));
            registerImplicitNodes(kids);
        }

        private Projection ampa(NeuronGroup pre, Comm comm, Lif post) {
            return Projection.full(null, pre, 0, comm, Expon.builder(post.num()).tau(2.0).build(), SynOut.coba(0), post);
        }

        /** w₊ within a selective pool, w₋ from the other pools onto a selective one, 1 otherwise. */
        private double weight(Lif pre, Lif post) {
            if (post == I || post == N) return 1;
            return pre == post ? W_PLUS : W_MINUS;
        }
    }

    /** The run's outcome. */
    record Result(double[] binsMs, double[] rateA, double[] rateB, SpikeMonitor a, SpikeMonitor b, double seconds, double compileS) {}

    static Result simulate(int seed, double coherence, double duration) {
        Circuit c = new Circuit(seed);
        DSRunner r = new DSRunner(c, List.of(), DT).spikeMonitor("A.spike").spikeMonitor("B.spike").progress(null).jit(true);
        Random noise = new Random(seed + 99);
        long t0 = System.nanoTime();
        for (double t = 0; t < duration - 1e-9; t += 50) {
            boolean on = t >= STIM_ON && t < STIM_OFF;
            double ra = on ? Math.max(0, MU0 * (1 + coherence / 100) + SIGMA * noise.nextGaussian()) : 0;
            double rb = on ? Math.max(0, MU0 * (1 - coherence / 100) + SIGMA * noise.nextGaussian()) : 0;
            c.stimA.rates(BM.scalar(ra));
            c.stimB.rates(BM.scalar(rb));
            r.run(Math.min(50, duration - t));
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        SpikeMonitor a = r.spikes("A.spike"), b = r.spikes("B.spike");
        int bins = (int) Math.ceil(duration / 50);
        double[] centre = new double[bins], ra = new double[bins], rb = new double[bins];
        for (int k = 0; k < bins; k++) centre[k] = 50 * k + 25;
        for (double tm : a.timesMs()) ra[Math.min(bins - 1, (int) (tm / 50))] += 1000.0 / (50 * NA);
        for (double tm : b.timesMs()) rb[Math.min(bins - 1, (int) (tm / 50))] += 1000.0 / (50 * NA);
        return new Result(centre, ra, rb, a, b, secs, r.compileSeconds());
    }

    /** The top of the rate axis: the highest bin of either pool, at least 10 Hz. */
    static double top(Result res) {
        double m = 10;
        for (int k = 0; k < res.rateA().length; k++) m = Math.max(m, Math.max(res.rateA()[k], res.rateB()[k]));
        return Math.ceil(m / 10) * 10;
    }

    /** Mean of {@code rate} over the bins whose centre lies in [from, to). */
    static double mean(Result res, double[] rate, double from, double to) {
        double s = 0;
        int n = 0;
        for (int k = 0; k < rate.length; k++) if (res.binsMs()[k] >= from && res.binsMs()[k] < to) { s += rate[k]; n++; }
        return n == 0 ? Double.NaN : s / n;
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(7);
        double coherence = o.coherence(25.6), duration = o.durationMs(1800);
        Result res = simulate(seed, coherence, duration);
        double spontA = mean(res, res.rateA(), 0, STIM_ON), spontB = mean(res, res.rateB(), 0, STIM_ON);
        double endA = mean(res, res.rateA(), STIM_OFF - 200, STIM_OFF), endB = mean(res, res.rateB(), STIM_OFF - 200, STIM_OFF);
        double delayA = mean(res, res.rateA(), STIM_OFF + 100, duration), delayB = mean(res, res.rateB(), STIM_OFF + 100, duration);
        String winner = Math.abs(endA - endB) < 5 ? "none" : endA > endB ? "A" : "B";
        double decision = Double.NaN;                                  // first bin after stimulus onset where one pool exceeds 15 Hz
        for (int k = 0; k < res.binsMs().length; k++)
            if (res.binsMs()[k] > STIM_ON && Math.max(res.rateA()[k], res.rateB()[k]) > 15) { decision = res.binsMs()[k] - STIM_ON; break; }
        LineFigure rates = LineFigure.titled(String.format("Wang (2002) decision network, coherence %.1f %% for A: population rates (50 ms bins); stimulus %.0f–%.0f ms",
                        coherence, STIM_ON, STIM_OFF))
                .xLabel("time (ms)").yLabel("firing rate (Hz)").size(1400, 450)
                .series("pool A (240 E neurons)", res.binsMs(), res.rateA()).series("pool B (240 E neurons)", res.binsMs(), res.rateB())
                .series("stimulus onset and offset", new double[] {STIM_ON, STIM_ON, Double.NaN, STIM_OFF, STIM_OFF}, new double[] {0, top(res), Double.NaN, top(res), 0});
        PanelFigure.of(rates).save(out.resolve("decision_making_rates.png"));
        double[] ta = res.a().timesMs(), tb = res.b().timesMs();
        double[] ia = new double[ta.length], ib = new double[tb.length];
        int[] xa = res.a().indices(), xb = res.b().indices();
        for (int k = 0; k < ia.length; k++) ia[k] = xa[k];
        for (int k = 0; k < ib.length; k++) ib[k] = NA + xb[k];
        RasterFigure.titled("Spikes of the two selective pools (A: neurons 0–239, B: 240–479)").xLabel("time (ms)").yLabel("neuron")
                .population("pool A", ta, ia).population("pool B", tb, ib).save(out.resolve("decision_making_raster.png"));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "coherence", coherence, "duration_ms", duration, "spontaneous_hz_a", spontA,
                    "spontaneous_hz_b", spontB, "rate_a_end_stimulus_hz", endA, "rate_b_end_stimulus_hz", endB, "delay_rate_a_hz", delayA,
                    "delay_rate_b_hz", delayB, "winner", winner, "decision_time_ms", decision, "compile_s", res.compileS(), "seconds", res.seconds()));
            return;
        }
        log.printf("  2,000 LIF neurons, 34 projections, %.0f ms in %.2f s (compiled)%n", duration, res.seconds());
        log.printf("  spontaneous: A %.1f Hz, B %.1f Hz; end of stimulus: A %.1f Hz, B %.1f Hz → winner %s (one pool above 15 Hz %.0f ms after onset)%n",
                spontA, spontB, endA, endB, winner, decision);
        log.printf("  after the stimulus (working memory): A %.1f Hz, B %.1f Hz%n", delayA, delayB);
        log.println("  wrote " + out.resolve("decision_making_rates.png") + " and " + out.resolve("decision_making_raster.png"));
    }
}
