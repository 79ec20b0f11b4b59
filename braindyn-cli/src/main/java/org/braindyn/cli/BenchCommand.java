package org.braindyn.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Quick single-thread measurements for users ({@code ./braindyn bench matmul --json}). Each figure is the median
 * of several timed repetitions after a warm-up. For rigorous numbers use the JMH benchmarks in braindyn-bench.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Quick benchmarks: matmul (GFLOP/s), eventsum (ns per step vs a plain loop), elementwise (elements/s), "
                + "lif-step (compiled vs eager vs hand-written LIF step), esn-fit (reservoir run + ridge fit, float64; --peer: NumPy/SciPy), train-step (--model lstm; --peer: PyTorch).")
final class BenchCommand implements Callable<Integer> {
    /** The benchmark names, for completion and the error message. */
    static final class Names extends ArrayList<String> {
        Names() { super(List.of("matmul", "eventsum", "elementwise", "lif-step", "esn-fit", "train-step")); }
    }

    @Option(names = "--neurons", description = "lif-step: population size (default: ${DEFAULT-VALUE}).", defaultValue = "4000")
    int neurons;

    @Option(names = "--steps", description = "lif-step: length of the compiled loop (default 10000); esn-fit: steps driven (default 100000).")
    Integer steps;

    @Option(names = "--model", description = "train-step: the model (default: ${DEFAULT-VALUE}).", defaultValue = "lstm")
    String model;

    @Option(names = "--batch", description = "train-step: batch size (default: ${DEFAULT-VALUE}).", defaultValue = "256")
    int batch;

    @Option(names = "--units", description = "esn-fit: reservoir units (default: ${DEFAULT-VALUE}).", defaultValue = "2000")
    int units;

    @Parameters(paramLabel = "WHAT", completionCandidates = Names.class, description = "One of: ${COMPLETION-CANDIDATES}.")
    String which;

    @Option(names = "--json", description = "One JSON object per line instead of text.")
    boolean json;

    @Option(names = "--sizes", split = ",", description = "matmul sizes as MxKxN (default: 256x784x100,512x512x512).")
    List<String> sizes = new ArrayList<>(List.of("256x784x100", "512x512x512"));

    @Option(names = "--peer", description = "matmul, esn-fit, train-step: also time the peer (NumPy / PyTorch, one thread) in the same run and print the ratio.")
    boolean peer;

    @Option(names = "--threads", description = "train-step, esn-fit: threads for BrainDyn's kernels and the peer's (PyTorch; NumPy's BLAS) (default: ${DEFAULT-VALUE}).", defaultValue = "1")
    int threads;

    @Option(names = "--gram-beside", description = "esn-fit: accumulate the normal equations on a second thread beside the run (OfflineTrainer.gramBesideRun) instead of after each chunk on every core.")
    boolean gramBeside;

    @Option(names = "--eager", description = "train-step --model snn: run the 100 steps one by one instead of as a compiled loop (and its compiled reverse loop).")
    boolean eager;

    @Option(names = "--repeats", description = "Timed repetitions; the median is reported (default: ${DEFAULT-VALUE}).", defaultValue = "7")
    int repeats;

    @Override public Integer call() throws java.io.IOException {
        Config.setParallelKernels(false);                    // single-thread figures
        switch (which) {
            case "matmul" -> matmul();
            case "eventsum" -> eventSum();
            case "elementwise" -> elementwise();
            case "lif-step" -> LifBench.run(neurons, steps == null ? 10000 : steps, repeats, json);
            case "esn-fit" -> {
                if (threads < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "bench esn-fit: --threads must be >= 1; got " + threads);
                EsnBench.run(units, steps == null ? 100_000 : steps, json, peer, threads, gramBeside);
            }
            case "train-step" -> {
                if (threads < 1) throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "bench train-step: --threads must be >= 1; got " + threads);
                Config.setParallelKernels(threads > 1);
                org.braindyn.jit.StepTeam.setThreads(threads);
                TrainStepBench.run(model, batch, repeats, json, peer, eager, threads);
            }
            default -> throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "bench: unknown benchmark '" + which + "'; expected one of " + new Names());
        }
        return 0;
    }

    /**
     * Median seconds per call of {@code body}, in batches of at least ~20 ms, after a warm-up of at least 2 s:
     * Vector API kernels run slowly until C2 has compiled them, which takes thousands of kernel invocations.
     */
    static double medianSeconds(IntConsumer body, int repeats) {
        long t = System.nanoTime();
        int calls = 0;
        while (System.nanoTime() - t < 2_000_000_000L || calls < 50) body.accept(calls++);
        double per = (System.nanoTime() - t) / 1e9 / calls;
        int batch = (int) Math.max(1, 0.02 / per);
        double[] s = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < batch; i++) body.accept(i);
            s[r] = (System.nanoTime() - t0) / 1e9 / batch;
        }
        Arrays.sort(s);
        return s[repeats / 2];
    }

    private void matmul() {
        java.util.Map<String, Double> peerGflops = peer ? PeerNumpy.matmulGflops(sizes) : java.util.Map.of();
        for (String size : sizes) {
            String[] p = size.toLowerCase(Locale.ROOT).split("x");
            if (p.length != 3) throw new IllegalArgumentException("bench matmul: size '" + size + "' must look like 512x512x512");
            int m = Integer.parseInt(p[0]), k = Integer.parseInt(p[1]), n = Integer.parseInt(p[2]);
            Tensor[] ab = Workloads.matmulOperands(m, k, n, 1);
            double s = medianSeconds(i -> BM.matmul(ab[0], ab[1]), repeats);
            double gflops = 2.0 * m * k * n / s / 1e9;
            Double pg = peerGflops.get(m + "x" + k + "x" + n);
            if (json) System.out.printf(Locale.ROOT, "{\"m\":%d,\"k\":%d,\"n\":%d,\"gflops\":%.2f,\"threads\":1%s}%n", m, k, n, gflops,
                    pg == null ? "" : String.format(Locale.ROOT, ",\"numpy_gflops\":%.2f,\"ratio_vs_numpy\":%.2f", pg, gflops / pg));
            else System.out.printf(Locale.ROOT, "matmul %dx%dx%d float32: %.2f GFLOP/s (%.1f µs per product, 1 thread)%s%n", m, k, n, gflops, s * 1e6,
                    pg == null ? "" : String.format(Locale.ROOT, "; NumPy %.2f GFLOP/s, ratio %.2f", pg, gflops / pg));
        }
    }

    private void eventSum() {
        Workloads.EventSum w = new Workloads.EventSum(4000, 4000, 80, 0.02, 64, 7);
        double bd = medianSeconds(i -> w.braindyn(i & 63), repeats);
        double plain = medianSeconds(i -> w.plain(i & 63), repeats);
        if (json) System.out.printf(Locale.ROOT, "{\"pre\":4000,\"fanout\":80,\"active\":0.02,\"braindyn_ns\":%.0f,\"plain_ns\":%.0f,\"ratio\":%.2f,\"threads\":1}%n", bd * 1e9, plain * 1e9, bd / plain);
        else System.out.printf(Locale.ROOT, "CSR event-sum (4,000 pre, fan-out 80, 2%% active): BrainDyn %.0f ns/step, plain Java loop %.0f ns/step, ratio %.2f%n", bd * 1e9, plain * 1e9, bd / plain);
    }

    private void elementwise() {
        int n = 1 << 20;
        Tensor[] ab = Workloads.matmulOperands(1, n, 1, 3);
        Tensor x = ab[0].reshape(-1), y = ab[1].reshape(-1);
        double add = medianSeconds(i -> x.add(y), repeats);
        double exp = medianSeconds(i -> x.exp(), repeats);
        double fused = medianSeconds(i -> x.mul(y).add(1.0).tanh(), repeats);
        for (String[] r : new String[][] {{"add", "" + add}, {"exp", "" + exp}, {"tanh(x*y+1) eager, 3 ops", "" + fused}}) {
            double s = Double.parseDouble(r[1]);
            if (json) System.out.printf(Locale.ROOT, "{\"op\":\"%s\",\"n\":%d,\"melem_per_s\":%.1f,\"threads\":1}%n", r[0], n, n / s / 1e6);
            else System.out.printf(Locale.ROOT, "%-26s %d float32: %8.1f M elements/s (%.0f µs)%n", r[0], n, n / s / 1e6, s * 1e6);
        }
    }
}
