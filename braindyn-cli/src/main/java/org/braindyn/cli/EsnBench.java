package org.braindyn.cli;

import static org.braindyn.tensor.BM.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braindyn.io.Npz;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.OfflineTrainer;
import org.braindyn.train.RidgeTrainer;

/**
 * {@code ./braindyn bench esn-fit [--units N] [--steps T] [--threads K] [--gram-beside] [--json] [--peer]}: an echo-state network of N units
 * (sparse recurrent matrix, 10% density, spectral radius 0.9, leak 0.3, tanh) driven by a one-dimensional signal
 * for T steps and fitted with ridge regression (β 1e-6, bias column) to predict the next input — in float64, on
 * {@code --threads} cores (default one; the peer's BLAS gets as many). BrainDyn runs the reservoir as a compiled loop in chunks and accumulates the normal equations block by
 * block; with {@code --peer} the same reservoir (its weights written to a {@code .npz}) runs in NumPy/SciPy
 * ({@code bench/peer_esn.py}: SciPy CSR mat-vec per step, the same blocked {@code XᵀX}, a Cholesky solve), and the
 * two fitted readouts are compared.
 */
final class EsnBench {
    private static final Pattern FIELD = Pattern.compile("\"(\\w+)\": ([-0-9.eE+]+)");

    private EsnBench() {}

    static void run(int units, int steps, boolean json, boolean peer, int threads, boolean gramBeside) throws IOException {
        DType before = Config.defaultFloat();
        boolean parallel = Config.parallelKernels();
        Config.enableX64();
        int team = org.braindyn.jit.StepTeam.threads();
        Config.setParallelKernels(threads > 1);
        org.braindyn.jit.StepTeam.setThreads(threads);   // the compiled step's element-wise kernels (the tanh) too
        try {
            go(units, steps, json, peer, threads, gramBeside);
        } finally {
            Config.setDefaultFloat(before);
            Config.setParallelKernels(parallel);
            org.braindyn.jit.StepTeam.setThreads(team);
        }
    }

    private static void go(int units, int steps, boolean json, boolean peer, int threads, boolean gramBeside) throws IOException {
        long t0 = System.nanoTime();
        Reservoir r = Reservoir.builder(1, units).connType(Reservoir.ConnType.SPARSE).recConnectivity(0.1).ffConnectivity(1)
                .spectralRadius(0.9).leakyRate(0.3).seed(2026).build();
        Dense o = LinearReadout.builder(units, 1).build();
        Sequential esn = Sequential.of(r, o);
        double buildS = (System.nanoTime() - t0) / 1e9;
        double[] u = new double[steps + 1];
        for (int t = 0; t <= steps; t++) u[t] = Math.sin(0.02 * t) * Math.cos(0.0031 * t) + 0.3 * Math.sin(0.057 * t);
        Tensor sig = array(u);
        Tensor xs = sig.get(":-1").reshape(1, steps, 1), ys = sig.get("1:").reshape(1, steps, 1);
        OfflineTrainer t = RidgeTrainer.of(esn, 1e-6).gramBesideRun(gramBeside);
        t.fit(xs, ys, true);
        double total = t.lastFitSeconds();
        Map<String, Double> p = peer ? peer(r, sig, o.fitted(), threads) : Map.of();
        if (json) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                    "{\"bench\":\"esn-fit\",\"threads\":%d,\"units\":%d,\"steps\":%d,\"nnz\":%d,\"build_s\":%.3f,\"run_s\":%.3f,\"gram_s\":%.3f,\"solve_s\":%.3f,\"total_s\":%.3f,\"gram_overlapped\":%b,\"states_per_s\":%.0f",
                    threads, units, steps, r.recurrentStructure().nnz(), buildS, t.lastRunSeconds(), t.lastGramSeconds(), t.lastSolveSeconds(), total, t.lastOverlapped(), steps / t.lastRunSeconds()));
            for (var e : p.entrySet()) sb.append(String.format(Locale.ROOT, ",\"%s\":%s", e.getKey(), fmt(e.getValue())));
            if (p.containsKey("peer_total_s")) sb.append(String.format(Locale.ROOT, ",\"speedup\":%.2f", p.get("peer_total_s") / total));
            System.out.println(sb.append('}'));
            return;
        }
        System.out.printf(Locale.ROOT, "ESN %d units (%d recurrent non-zeros), %d steps, ridge, float64, %d thread(s):%n", units, r.recurrentStructure().nnz(), steps, threads);
        System.out.printf(Locale.ROOT, "  BrainDyn: run %.2f s (%.0f states/s), normal equations %.2f s%s, solve %.2f s — total %.2f s (build, not counted: %.2f s)%n",
                t.lastRunSeconds(), steps / t.lastRunSeconds(), t.lastGramSeconds(), t.lastOverlapped() ? " (beside the run, on the second core)" : "", t.lastSolveSeconds(), total, buildS);
        if (p.containsKey("peer_total_s"))
            System.out.printf(Locale.ROOT, "  NumPy/SciPy: run %.2f s, normal equations %.2f s, solve %.2f s — total %.2f s; speed ratio %.2f (peer time / BrainDyn time; > 1: BrainDyn faster); readouts differ by %.2g (relative)%n",
                    p.get("peer_run_s"), p.get("peer_gram_s"), p.get("peer_solve_s"), p.get("peer_total_s"), p.get("peer_total_s") / total, p.get("readout_rel_diff"));
    }

    private static String fmt(double v) { return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "null"; }

    /** Runs bench/peer_esn.py on the same weights and signal; its timings and the relative difference of the readouts. */
    private static Map<String, Double> peer(Reservoir r, Tensor sig, Tensor ours, int threads) throws IOException {
        Map<String, Double> out = new LinkedHashMap<>();
        Path script = Path.of(System.getProperty("braindyn.home", "."), "bench", "peer_esn.py");
        if (!Files.exists(script)) { System.err.println("bench: peer script " + script + " not found; run from the repository with ./braindyn"); return out; }
        Path dir = Files.createTempDirectory("braindyn-esn");
        Path in = dir.resolve("esn.npz"), res = dir.resolve("peer_w.npy");
        Csr c = r.recurrentStructure();
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("w_in", r.wIn.value());
        arrays.put("indptr", c.indptr());
        arrays.put("indices", c.indices());
        arrays.put("data", r.wRec.value());
        arrays.put("signal", sig);
        arrays.put("leak", scalar(0.3, DType.F64));
        arrays.put("beta", scalar(1e-6, DType.F64));
        Npz.write(in, arrays);
        List<String> cmd = new ArrayList<>(List.of(PeerNumpy.python("numpy", "scipy"), script.toString(), in.toString(), res.toString()));
        try {
            Process p = PeerNumpy.withThreads(cmd, threads).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(1800, TimeUnit.SECONDS) || p.exitValue() != 0) { System.err.println("bench: NumPy peer failed: " + text.strip()); return out; }
            Matcher m = FIELD.matcher(text);
            while (m.find()) out.put("peer_" + m.group(1), Double.parseDouble(m.group(2)));
            Tensor theirs = org.braindyn.io.Npy.read(res);
            out.put("readout_rel_diff", max(abs(theirs.sub(ours))).item() / max(abs(ours)).item());
        } catch (IOException e) {
            System.err.println("bench: python3 not available for the NumPy peer (" + e.getMessage() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return out;
    }
}
