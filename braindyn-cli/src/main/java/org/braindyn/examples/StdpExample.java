package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.braindyn.connect.All2All;
import org.braindyn.connect.One2One;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.PoissonGroup;
import org.braindyn.dyn.SpikeTimeGroup;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.projections.Stdp;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.Uniform;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;

/**
 * Spike-timing-dependent plasticity (Song, Miller &amp; Abbott 2000) with {@link Stdp}, in two parts.
 * <ol>
 * <li><b>The window, measured from the model.</b> 101 independent pre/post pairs (one-to-one), pair k firing its
 * presynaptic neuron at 100 ms and its postsynaptic neuron at {@code 100 + Δt_k}, Δt from −100 to 100 ms in 2 ms
 * steps, BrainPy's default amplitudes and time constants. The weight change of each pair is compared with the
 * exponential window the class declares ({@code A₁e^{−Δt/τ_s}}, {@code −A₂e^{Δt/τ_t}}); the time constants are
 * recovered by a log-linear fit of each side.</li>
 * <li><b>Competition between inputs</b> (Song et al.'s Fig. 2 setting): 1,000 excitatory Poisson inputs at 10 Hz
 * onto one conductance-based LIF neuron (τ 20 ms, rest −70, threshold −54, reset −60 mV, E 0 mV, τ_syn 5 ms) through
 * plastic synapses bounded in [0, g_max = 0.015], τ_s = τ_t = 20 ms, A₁ = 0.005·g_max, A₂ = 1.05·A₁, weights
 * starting uniform in [0, g_max], for {@code --duration} (default 100 s, about 50 s of compiled loop). Depression
 * slightly outweighs potentiation, so the output rate falls and weights collect at the lower bound: measured with
 * seed 1, 67 Hz in the first second and 28 Hz in the last, with 24% of the weights in the lowest tenth of
 * [0, g_max] and 7% in the highest (10% each at the start). The fully bimodal distribution of Song et al.'s
 * Fig. 2 takes longer learning than this example runs (at four times the amplitudes, 200 s gave 26% and 12%).</li>
 * </ol>
 * Figures: {@code stdp_window.png} (measured vs declared window) and {@code stdp_weights.png} (weight histograms
 * before and after). {@code --json} fields: {@code window_max_abs_error}, {@code tau_s_fit_ms}, {@code tau_t_fit_ms},
 * {@code frac_low}, {@code frac_high} (weights in the lowest and highest tenth of [0, g_max]), {@code rate_first_s_hz},
 * {@code rate_last_s_hz}, {@code loop_s}.
 */
public final class StdpExample implements Example {
    @Override public String name() { return "stdp"; }

    @Override public String description() { return "STDP (Song 2000): the learning window measured from the model, and synaptic competition on one neuron"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--duration"); }

    static final class Pairs extends Network {
        final SpikeTimeGroup pre, post;
        final Stdp stdp;

        Pairs(double[] dts) {
            super(null);
            int n = dts.length;
            double[] tPre = new double[n], tPost = new double[n];
            int[] ids = new int[n];
            for (int k = 0; k < n; k++) { ids[k] = k; tPre[k] = 100; tPost[k] = 100 + dts[k]; }
            pre = new SpikeTimeGroup("pre", n, tPre, ids);
            post = new SpikeTimeGroup("post", n, tPost, ids);
            stdp = Stdp.song2000(pre, post, new One2One()).weights(0.0).syn(Expon.builder(n).tau(5).build()).build();
        }
    }

    static final class Competition extends Network {
        final PoissonGroup in;
        final Lif out;
        final Stdp stdp;

        Competition(int inputs, double gMax, int seed) {
            super(null);
            in = new PoissonGroup("in", inputs, BM.scalar(10.0), new RandomState(seed));
            out = Lif.builder(1).name("out").vRest(-70).vReset(-60).vTh(-54).tau(20).vInit(new org.braindyn.init.OneInit(-60)).build();
            double a1 = 0.005 * gMax;
            stdp = Stdp.song2000(in, out, new All2All()).weights(new Uniform(0, gMax, new RandomState(seed + 1))).tauS(20).tauT(20)
                    .a1(a1).a2(1.05 * a1).wMin(0).wMax(gMax).syn(Expon.builder(1).tau(5).build()).out(SynOut.coba(0)).build();
        }
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(1);
        double duration = o.durationMs(100_000);
        // part 1: the window
        double[] dts = new double[101];
        for (int k = 0; k < dts.length; k++) dts[k] = -100 + 2 * k;
        Pairs pairs = new Pairs(dts);
        new DSRunner(pairs, List.of(), 0.1).progress(null).run(300);
        double[] dw = pairs.stdp.w.value().astype(DType.F64).toDoubleArray();
        double maxErr = 0;
        double[] declared = new double[dts.length];
        for (int k = 0; k < dts.length; k++) {
            declared[k] = dts[k] > 0 ? 0.96 * Math.exp(-dts[k] / 16.8) : dts[k] < 0 ? -0.53 * Math.exp(dts[k] / 33.7) : 0.96 - 0.53;
            maxErr = Math.max(maxErr, Math.abs(dw[k] - declared[k]));
        }
        double tauS = -1 / slope(dts, dw, true), tauT = 1 / slope(dts, dw, false);
        double[] pos = range(0.5, 100), neg = range(-100, -0.5);
        LineFigure.titled("STDP window measured from the model (Song 2000 traces, BrainPy defaults)")
                .xLabel("Δt = t_post − t_pre (ms)").yLabel("weight change Δw")
                .points("measured: one pre/post pair per Δt", dts, dw)
                .series("declared: A₁·exp(−Δt/τ_s), τ_s 16.8 ms", pos, map(pos, t -> 0.96 * Math.exp(-t / 16.8)))
                .series("declared: −A₂·exp(Δt/τ_t), τ_t 33.7 ms", neg, map(neg, t -> -0.53 * Math.exp(t / 33.7)))
                .save(out.resolve("stdp_window.png"));
        // part 2: competition
        double gMax = 0.015;
        Competition net = new Competition(1000, gMax, seed);
        double[] before = net.stdp.w.value().astype(DType.F64).toDoubleArray();
        double first = rateOver(net, 1000, log, o.json());
        long t0 = System.nanoTime();
        double rest = Math.max(0, duration - 2000);
        if (rest > 0) runFor(net, rest, log, o.json());
        double last = rateOver(net, 1000, log, o.json());
        double loop = (System.nanoTime() - t0) / 1e9;
        double[] after = net.stdp.w.value().astype(DType.F64).toDoubleArray();
        double low = fraction(after, 0, 0.1 * gMax), high = fraction(after, 0.9 * gMax, gMax);
        double[][] hb = histogram(before, gMax, 20), ha = histogram(after, gMax, 20);
        LineFigure.titled(String.format("Synaptic competition: 1,000 Poisson inputs (10 Hz) onto one LIF neuron, %.0f s of STDP", duration / 1000))
                .xLabel("synaptic weight g / g_max").yLabel("fraction of synapses")
                .series("initial (uniform)", hb[0], hb[1]).series(String.format("after %.0f s", duration / 1000), ha[0], ha[1])
                .save(out.resolve("stdp_weights.png"));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "window_max_abs_error", maxErr, "tau_s_fit_ms", tauS, "tau_t_fit_ms", tauT,
                    "duration_ms", duration, "frac_low", low, "frac_high", high, "rate_first_s_hz", first, "rate_last_s_hz", last, "loop_s", loop));
            return;
        }
        log.printf("  window: 101 pairs, largest |measured − declared| %.2e; fitted τ_s %.2f ms (declared 16.8), τ_t %.2f ms (declared 33.7)%n", maxErr, tauS, tauT);
        log.printf("  competition: %.0f s simulated in %.1f s; output rate %.1f Hz in the first second, %.1f Hz in the last%n", duration / 1000, loop, first, last);
        log.printf("  weights after learning: %.0f%% in the lowest tenth of [0, g_max], %.0f%% in the highest (initially 10%% each)%n", 100 * low, 100 * high);
        log.println("  wrote " + out.resolve("stdp_window.png") + " and " + out.resolve("stdp_weights.png"));
    }

    /** Output rate (Hz) over the next {@code ms} of simulation. */
    private static double rateOver(Competition net, double ms, PrintStream log, boolean quiet) {
        DSRunner r = new DSRunner(net, List.of("out.spike"), 0.1).progress(null).jit(true);
        r.run(ms);
        return BM.sum(r.mon("out.spike").astype(DType.F64)).item() / (ms / 1000);
    }

    private static void runFor(Competition net, double ms, PrintStream log, boolean quiet) {
        DSRunner r = new DSRunner(net, List.of(), 0.1).jit(true);
        if (quiet) r.progress(null);
        r.run(ms);
    }

    /** Least-squares slope of log|Δw| against Δt over one side of the window (|Δt| ≤ 60 ms, where Δw is well above rounding). */
    private static double slope(double[] t, double[] w, boolean positive) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int k = 0; k < t.length; k++) {
            if ((positive ? t[k] <= 0 : t[k] >= 0) || Math.abs(t[k]) > 60) continue;
            double y = Math.log(Math.abs(w[k]));
            sx += t[k]; sy += y; sxx += t[k] * t[k]; sxy += t[k] * y; n++;
        }
        return (n * sxy - sx * sy) / (n * sxx - sx * sx);
    }

    private static double[] range(double a, double b) {
        double[] x = new double[200];
        for (int i = 0; i < x.length; i++) x[i] = a + (b - a) * i / (x.length - 1);
        return x;
    }

    private static double[] map(double[] x, java.util.function.DoubleUnaryOperator f) {
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) y[i] = f.applyAsDouble(x[i]);
        return y;
    }

    private static double fraction(double[] w, double lo, double hi) {
        int n = 0;
        for (double v : w) if (v >= lo - 1e-12 && v <= hi + 1e-12) n++;
        return n / (double) w.length;
    }

    /** A step outline of the histogram of {@code w / gMax} in {@code bins} bins: x and y arrays. */
    private static double[][] histogram(double[] w, double gMax, int bins) {
        double[] c = new double[bins];
        for (double v : w) c[Math.min(bins - 1, (int) Math.floor(v / gMax * bins))] += 1.0 / w.length;
        double[] x = new double[2 * bins + 2], y = new double[2 * bins + 2];
        for (int b = 0; b < bins; b++) {
            x[2 * b + 1] = b / (double) bins;
            x[2 * b + 2] = (b + 1) / (double) bins;
            y[2 * b + 1] = c[b];
            y[2 * b + 2] = c[b];
        }
        x[2 * bins + 1] = 1;
        return new double[][] {x, y};
    }
}
