package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.rates.DiffusiveCoupling;
import org.braindyn.dyn.rates.FHN;
import org.braindyn.init.Uniform;
import org.braindyn.measure.Measures;
import org.braindyn.plot.LineFigure;
import org.braindyn.plot.PanelFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * SPEC P14, a whole-brain model: 80 FitzHugh–Nagumo rate nodes ({@code rates.FHN(80)}, Ornstein–Uhlenbeck noise σ 0.01
 * on x and y, {@code exp_auto}) coupled diffusively through a structural connectome with conduction delays
 * ({@code DiffusiveCoupling(x, x, input, C·gc, D/20/dt, Uniform(0, 0.05))}, signal speed 20 mm/ms), input 0.72 to
 * every node (the edge of the oscillatory regime), dt 0.1 ms, {@code --duration} (default 6000 ms), compiled.
 * <p>The seed uses the HCP connectome, which cannot be shipped; this example generates one with the usual
 * statistics of such data instead: two hemispheres of 40 regions at random positions in ellipsoids of
 * 70 × 100 × 70 mm, fibre lengths 1.2 × the Euclidean distance, connection probability and log-normal strength
 * decaying with distance (exponential distance rule, λ 25 mm), interhemispheric links at a fifth of the strength
 * except the strong homotopic pairs, symmetric, zero diagonal, scaled to a mean in-strength of 0.1 per node
 * (global coupling gc = 1). Simulated functional connectivity (Pearson correlation of the x traces after a 1 s transient) is
 * compared with the structural matrix ({@code fc_sc_correlation}, lower triangles, BrainPy's
 * {@code matrix_correlation}); the seed's comparison with empirical FC (mean 0.51) needs the HCP data and is not
 * reproduced. Figure {@code whole_brain.png}: one second of three nodes' activity and FC against SC.
 */
public final class WholeBrain implements Example {
    @Override public String name() { return "whole-brain"; }

    @Override public String description() { return "Whole-brain model: 80 noisy FHN nodes, delayed diffusive coupling on a generated connectome (SPEC P14)"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--duration"); }

    /** A generated structural connectome: coupling {@code c[j][i]} and fibre lengths {@code d[j][i]} in mm. */
    record Connectome(double[][] c, double[][] d) {
        static Connectome generate(int n, long seed) {
            Random r = new Random(seed);
            double[][] pos = new double[n][3];
            for (int k = 0; k < n; k++) {
                double side = k < n / 2 ? -1 : 1;
                double[] p;
                do { p = new double[] {r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1, r.nextDouble() * 2 - 1}; } while (p[0] * p[0] + p[1] * p[1] + p[2] * p[2] > 1);
                pos[k] = new double[] {side * (8 + 35 * (0.5 + 0.5 * p[0])), 50 * p[1], 35 * p[2]};
            }
            for (int k = n / 2; k < n; k++) pos[k] = new double[] {-pos[k - n / 2][0], pos[k - n / 2][1], pos[k - n / 2][2]};   // mirror: homotopic regions
            double[][] c = new double[n][n], d = new double[n][n];
            for (int i = 0; i < n; i++)
                for (int j = i + 1; j < n; j++) {
                    double e = Math.sqrt(Math.pow(pos[i][0] - pos[j][0], 2) + Math.pow(pos[i][1] - pos[j][1], 2) + Math.pow(pos[i][2] - pos[j][2], 2));
                    d[i][j] = d[j][i] = 1.2 * e;
                    boolean inter = (i < n / 2) != (j < n / 2), homotopic = Math.abs(i - j) == n / 2;
                    double p = Math.exp(-e / 25);
                    if (!homotopic && r.nextDouble() > p) continue;
                    double w = Math.exp(r.nextGaussian()) * p * (homotopic ? 2 : inter ? 0.2 : 1);
                    c[i][j] = c[j][i] = w;
                }
            double total = 0;
            for (double[] row : c) for (double v : row) total += v;
            double scale = 0.1 * n / total;
            for (double[] row : c) for (int j = 0; j < n; j++) row[j] *= scale;
            return new Connectome(c, d);
        }
    }

    static final class Brain extends Network {
        final FHN fhn;
        final DiffusiveCoupling coupling;

        Brain(Connectome cm, double dt, int seed) {
            super(null);
            int n = cm.c().length;
            fhn = FHN.builder(n).name("fhn").xOu(0, 0.01, 5).yOu(0, 0.01, 5).noiseSeed(seed).build();
            double[][] steps = new double[n][n];
            for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) steps[j][i] = Math.floor(cm.d()[j][i] / 20 / dt);
            coupling = new DiffusiveCoupling("coupling", fhn.x, fhn.input, BM.array(cm.c()).astype(DType.F32), BM.array(steps),
                    new Uniform(0, 0.05, new RandomState(seed + 7)));
        }
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(1), n = 80;
        double dt = 0.1, duration = o.durationMs(6000), transient_ = Math.min(1000, duration / 2);
        Connectome cm = Connectome.generate(n, seed);
        Brain brain = new Brain(cm, dt, seed);
        long t0 = System.nanoTime();
        DSRunner r = new DSRunner(brain, List.of("fhn.x"), dt).input("fhn.input", 0.72).progress(null).jit(true);
        r.run(duration);
        double secs = (System.nanoTime() - t0) / 1e9;
        Tensor xs = r.mon("fhn.x").astype(DType.F64);
        int steps = xs.dim(0), skip = (int) Math.round(transient_ / dt);
        Tensor tail = xs.get(skip + ":");
        Tensor fc = Measures.functionalConnectivity(tail);
        Tensor sc = BM.array(cm.c());
        double fcSc = Measures.matrixCorrelation(fc, sc);
        double[] fcv = fc.toDoubleArray();
        double meanFc = 0, amp = 0;
        int cnt = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) { meanFc += fcv[i * n + j]; cnt++; }
        meanFc /= cnt;
        for (int i = 0; i < n; i++) amp += BM.max(tail.get(":, " + i)).item() - BM.min(tail.get(":, " + i)).item();
        amp /= n;
        // figure: three nodes over one second after the transient (node 40 is node 0's homotopic partner), then FC against SC
        int from = skip, shown = Math.min(steps - skip, (int) Math.round(1000 / dt));
        double[] time = new double[shown];
        for (int s = 0; s < shown; s++) time[s] = (from + s + 1) * dt;
        LineFigure traces = LineFigure.titled("80 FHN nodes, delayed diffusive coupling, input 0.72, OU noise σ 0.01: one second of three nodes")
                .xLabel("time (ms)").yLabel("x (activity, dimensionless)").size(1400, 450);
        for (int k : new int[] {0, 40, 13}) {
            double[] y = new double[shown];
            for (int s = 0; s < shown; s++) y[s] = xs.getDouble(from + s, k);
            traces.series("node " + k + (k < n / 2 ? " (left)" : " (right)") + (k == 40 ? ", homotopic to node 0" : ""), time, y);
        }
        double[] scx = new double[cnt], fcy = new double[cnt];
        double[] scv = sc.toDoubleArray();
        int q = 0;
        for (int i = 0; i < n; i++) for (int j = 0; j < i; j++) { scx[q] = scv[i * n + j]; fcy[q++] = fcv[i * n + j]; }
        LineFigure scatter = LineFigure.titled(String.format("Functional vs structural connectivity, region pairs: r = %.2f", fcSc))
                .xLabel("structural coupling C[i, j] (generated connectome)").yLabel("functional connectivity (Pearson r of x)").size(1400, 450)
                .points("one region pair", scx, fcy);
        PanelFigure.of(traces, scatter).save(out.resolve("whole_brain.png"));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "nodes", n, "duration_ms", duration, "fc_sc_correlation", fcSc, "mean_fc", meanFc,
                    "mean_x_range", amp, "seconds", secs));
            return;
        }
        log.printf("  %d nodes, %.0f ms (%d steps, compiled) in %.2f s%n", n, duration, steps, secs);
        log.printf("  after %.0f ms: FC–SC correlation %.2f, mean FC %.2f, mean range of x %.2f%n", transient_, fcSc, meanFc, amp);
        log.println("  wrote " + out.resolve("whole_brain.png"));
    }
}
