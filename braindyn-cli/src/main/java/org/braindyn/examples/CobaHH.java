package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.channels.Leak;
import org.braindyn.dyn.channels.Potassium;
import org.braindyn.dyn.channels.Sodium;
import org.braindyn.dyn.neurons.CondNeuGroup;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.Normal;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Brette et al. 2007 benchmark 3 (COBA-HH), the network of Brian2's {@code COBAHH} example: 4,000 Traub–Miles
 * Hodgkin–Huxley neurons ({@link CondNeuGroup} of {@code Leak.il} g 0.05 mS/cm², E −60 mV; {@code Sodium.tm1991} g 100,
 * E 50, V_T −63; {@code Potassium.tm1991} g 30, E −90, V_sh −63; C 1 µF/cm²; spikes at upward crossings of −20 mV),
 * 80% excitatory, connection probability 0.02 without self-connections, exponential conductances (τ 5 ms,
 * E 0 mV, 6 nS per spike; τ 10 ms, E −80 mV, 67 nS) on a 20,000 µm² membrane, i.e. 0.03 and 0.335 mS/cm². No external
 * input: the activity is sustained from the random start, V₀ = −65 + 5·N(0, 1) mV, g_e₀ = (4 + 1.5·N(0, 1))·10 nS,
 * g_i₀ = (20 + 12·N(0, 1))·10 nS. dt 0.1 ms, {@code exp_auto} (exponential Euler for V and every gate, the method of
 * Brian2's example), compiled. Options {@code --neurons}, {@code --duration} (default 1,000 ms), {@code --seed}
 * (default 42); {@code --json} prints the network line of {@code coba}/{@code cuba} with {@code "model":"cobahh"}.
 * The reference is Brian2 2.5 running the same network: {@code python3 bench/peer_brian2.py cobahh}.
 */
public final class CobaHH implements Example {
    /** Area of the benchmark's membrane, cm² (20,000 µm²): converts its nS to mS/cm². */
    static final double AREA_CM2 = 20_000e-8;

    @Override public String name() { return "coba-hh"; }

    @Override public String description() { return "COBA-HH (Brette et al. 2007 benchmark 3): 4,000 Traub–Miles HH neurons from channels, conductance synapses"; }

    @Override public Set<String> options() { return Set.of("--neurons", "--duration", "--seed", "--threads", "--json"); }

    /** The network. */
    public static final class Net extends Network {
        public final CondNeuGroup E, I;
        public final Projection e2e, e2i, i2e, i2i;

        public Net(int n, long seed) {
            super(null);
            if (n < 2) throw new IllegalArgumentException("coba-hh: at least 2 neurons (one excitatory, one inhibitory); got " + n);
            RandomState rng = new RandomState((int) seed);
            int ne = n * 4 / 5, ni = n - ne;
            double prob = Math.min(1, 0.02 * 4000 / n), nS = 1e-6 / AREA_CM2;   // 1 nS in mS/cm²
            E = group(ne, rng);
            I = group(ni, rng);
            e2e = proj(E, E, prob, seed, 6 * nS, 5, 0);
            e2i = proj(E, I, prob, seed + 1, 6 * nS, 5, 0);
            i2e = proj(I, E, prob, seed + 2, 67 * nS, 10, -80);
            i2i = proj(I, I, prob, seed + 3, 67 * nS, 10, -80);
            // the starting conductances of each target group (Brian2's ge0, gi0)
            for (Projection p : List.of(e2e, e2i)) startAt(p, new Normal(40 * nS, 15 * nS, rng));
            for (Projection p : List.of(i2e, i2i)) startAt(p, new Normal(200 * nS, 120 * nS, rng));
        }

        private static void startAt(Projection p, Normal g0) {
            ((Expon) p.syn).g.set(g0.init(new int[] {(int) p.syn.conductance().size()}, org.braindyn.tensor.Config.defaultFloat()));
        }

        private static CondNeuGroup group(int n, RandomState rng) {
            return CondNeuGroup.builder(n).channels(Leak.il().gMax(0.05).e(-60).build(), Sodium.tm1991().gMax(100).e(50).vSh(-63).build(),
                    Potassium.tm1991().gMax(30).e(-90).vSh(-63).build()).c(1).vTh(-20).vInit(new Normal(-65, 5, rng)).build();
        }

        private static Projection proj(CondNeuGroup pre, CondNeuGroup post, double prob, long seed, double w, double tau, double e) {
            Comm comm = Comm.eventCsr(new FixedProb(prob, false, seed).connect(pre.num(), post.num()), BM.scalar(w));
            return Projection.full(null, pre, 0, comm, Expon.builder(post.num()).tau(tau).build(), SynOut.coba(e), post);
        }
    }

    /** Builds and runs the network compiled; spike lists in the result. */
    public static NetworkBenchmark.Result simulate(int neurons, double duration, long seed, PrintStream progress) {
        long t0 = System.nanoTime();
        Net net = new Net(neurons, seed);
        double build = (System.nanoTime() - t0) / 1e9;
        DSRunner runner = CobaNetwork.spikeRunner(net, progress);
        return CobaNetwork.compiledSpikes(runner, "cobahh", net.E.num(), net.I.num(), duration, seed, build);
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        o.validate();
        if (o.threads() != null) org.braindyn.jit.StepTeam.setThreads(o.threads());
        int n = o.neurons(4000);
        double duration = o.durationMs(1000);
        long seed = o.seed(42);
        if (!o.json()) log.printf("Running COBA-HH (%,d Traub–Miles neurons from channels) for %.0f ms, compiled ...%n", n, duration);
        NetworkBenchmark.Result r = simulate(n, duration, seed, o.json() ? null : log);
        Path png = out.resolve("coba_hh_raster.png");
        Tensor times = r.spikeTimesMs();
        CobaNetwork.raster(times.astype(org.braindyn.tensor.DType.F64).toDoubleArray(), r.spikeNeurons().toIntArray(), n * 4 / 5, n, png,
                String.format(java.util.Locale.ROOT, "COBA-HH, %,d Traub–Miles HH neurons, seed %d: %.1f Hz mean rate", n, seed, r.rateHz()));
        if (o.json()) { log.println(r.json()); return; }
        int steps = (int) Math.round(duration / 0.1);
        log.printf(java.util.Locale.ROOT, "  built in %.2f s, compiled in %.2f s; %,d steps in %.2f s (%.1f µs per step)%n", r.buildS(), r.compileS(), steps, r.runS(), r.runS() * 1e6 / steps);
        log.printf(java.util.Locale.ROOT, "  mean rate %.2f Hz, %,d spikes; wrote %s%n", r.rateHz(), r.spikes(), png);
    }
}
