package org.braindyn.cli;

import static org.braindyn.tensor.BM.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LstmCell;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Tensor;

/**
 * {@code ./braindyn bench train-step --model lstm [--batch B] [--json] [--peer]}: one training step of seed
 * {@code 004}'s ANN ({@code LstmCell(28 → 100)} over 28 steps, {@code Dense(100 → 10)}, max over time,
 * cross-entropy, Adam) on a random batch — eager BPTT, one thread — and, with {@code --peer}, the same model in
 * PyTorch on the CPU with one thread ({@code bench/peer_train_step.py}). Reports the median step time.
 */
final class TrainStepBench {
    private static final Pattern MS = Pattern.compile("\"peer_step_ms\": ([0-9.eE+-]+)");
    private static final Pattern CONFIG = Pattern.compile("\"peer_config\": \"([^\"]+)\"");
    private static String peerConfig = "";
    /** {@code -Dbraindyn.bench.checkpoint=K}: the SNN step's gradient keeps every K-th step's states only (default 1: all). */
    private static final int CHECKPOINT = Integer.getInteger("braindyn.bench.checkpoint", 1);

    private TrainStepBench() {}

    private static int threads = 1;
    /** Seconds of untimed steps before timing (see {@link #measure}). */
    private static final double WARMUP_S = 10;

    static void run(String model, int batch, int repeats, boolean json, boolean peer, boolean eager, int threads) {
        TrainStepBench.threads = threads;
        if (!model.equals("lstm") && !model.equals("snn")) throw new IllegalArgumentException("bench train-step: --model must be lstm or snn; got " + model);
        if (model.equals("snn")) { snn(batch, repeats, json, peer, eager); return; }
        lstm(batch, repeats, json, peer, eager);
    }

    /** Seed 004's ANN step: the 28 steps as one compiled loop with its compiled reverse loop (default), or eager. */
    private static void lstm(int batch, int repeats, boolean json, boolean peer, boolean eager) {
        RandomState rng = new RandomState(0);
        LstmCell rec = LstmCell.builder(28, 100).trainable(true).build();
        Dense out = Dense.builder(100, 10).trainable(true).build();
        Sequential net = Sequential.of(rec, out);
        Adam opt = new Adam(1e-3, net.trainVars().values());
        Tensor x = rng.random(batch, 28, 28), y = rng.randint(0, 10, batch), xt = x.transpose(1, 0, 2).contiguous();
        java.util.function.Function<Tensor[], Tensor[]> body = a -> new Tensor[] {net.forward(a[0], null)};
        Runnable step = () -> {
            Autodiff.Result g = Autodiff.grad(a -> {
                net.resetState(batch);
                if (!eager) return Losses.crossEntropy(max(org.braindyn.jit.Loops.forLoop(body, xt)[0], 0), y);
                // as BPTT trains it eagerly: the whole sequence at once (the LSTM fused over its 28 steps)
                return Losses.crossEntropy(max(net.sequence(xt), 0), y);
            }).gradVars(opt.vars()).apply();
            opt.update(g.varGrads());
        };
        measure("lstm", "LSTM 28→100→10 training step (" + (eager ? "eager" : "compiled") + ")", ",\"compiled\":" + !eager, step, 5, batch, repeats, json, peer ? "peer_train_step.py" : null);
    }

    /**
     * Times {@code step} (median of {@code repeats} after at least {@code warmup} steps and {@value #WARMUP_S} s: on
     * two cores HotSpot's C2 takes a few seconds to compile the Vector API kernels, and a training run's thousands
     * of steps run at the steady speed), runs the peer script if given, and prints. {@code -Dbraindyn.bench.trace=true}
     * prints every timed step to stderr.
     */
    private static void measure(String model, String label, String extraJson, Runnable step, int warmup, int batch, int repeats, boolean json, String peerScript) {
        long until = System.nanoTime() + (long) (WARMUP_S * 1e9);
        for (int i = 0; i < warmup || System.nanoTime() < until; i++) step.run();
        double[] ms = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long t0 = System.nanoTime();
            step.run();
            ms[r] = (System.nanoTime() - t0) / 1e6;
            if (Boolean.getBoolean("braindyn.bench.trace")) System.err.printf(Locale.ROOT, "step %d: %.1f ms%n", r, ms[r]);
        }
        Arrays.sort(ms);
        double med = ms[repeats / 2];
        peerConfig = "";
        Double p = peerScript == null ? null : peer(peerScript, batch, repeats);
        String cfg = peerConfig.isEmpty() ? "" : String.format(Locale.ROOT, ",\"peer_config\":\"%s\"", peerConfig);
        if (json) System.out.printf(Locale.ROOT, "{\"bench\":\"train-step\",\"model\":\"%s\",\"batch\":%d%s,\"threads\":%d,\"step_ms\":%.2f%s}%n", model, batch, extraJson, threads, med,
                p == null ? "" : String.format(Locale.ROOT, ",\"peer_step_ms\":%.2f%s,\"ratio\":%.3f", p, cfg, p / med));
        else System.out.printf(Locale.ROOT, "%s, batch %d, %d thread(s): BrainDyn %.1f ms (median of %d)%s%n", label, batch, threads, med, repeats,
                p == null ? "" : String.format(Locale.ROOT, "; PyTorch %.1f ms%s; speed ratio %.2f (> 1: BrainDyn faster)", p, peerConfig.isEmpty() ? "" : " (" + peerConfig + ")", p / med));
    }

    /**
     * Seed 004's SNN step as {@code fashion-snn} trains it, on a random 2%-dense boolean spike batch (time first): the
     * 100 steps as one compiled loop and its compiled reverse loop (default), or step by step ({@code eager}).
     */
    private static void snn(int batch, int repeats, boolean json, boolean peer, boolean eager) {
        RandomState rng = new RandomState(0);
        org.braindyn.examples.FashionSnn.Snn net = org.braindyn.dyn.Mode.with(org.braindyn.dyn.Mode.training(batch), () -> new org.braindyn.examples.FashionSnn.Snn(rng));
        Adam opt = new Adam(1e-3, net.trainVars().values());
        Tensor x = rng.bernoulli(0.02, 100, batch, 784), y = rng.randint(0, 10, batch);
        Runnable step = () -> {
            Autodiff.Result g = Autodiff.grad(a -> {
                Tensor[] r = org.braindyn.examples.FashionSnn.run(net, x, true, !eager, CHECKPOINT);
                return Losses.crossEntropy(r[0], y).add(sum(r[1]).mul(1e-5)).add(mean(square(r[1])).mul(1e-5));
            }).gradVars(opt.vars()).apply();
            opt.update(g.varGrads());
        };
        measure("snn", "SNN 784→100→10 training step (100 steps, " + (eager ? "eager" : "compiled") + ")", ",\"steps\":100,\"compiled\":" + !eager + ",\"checkpoint_every\":" + CHECKPOINT, step, 3, batch, repeats, json, peer ? "peer_snn_step.py" : null);
    }

    /** PyTorch's median step in ms, or null (with a note) when python3 with torch is not available. */
    private static Double peer(String scriptName, int batch, int repeats) {
        Path script = Path.of(System.getProperty("braindyn.home", "."), "bench", scriptName);
        if (!Files.exists(script)) { System.err.println("bench: peer script " + script + " not found"); return null; }
        for (String py : new String[] {"python3", "/usr/bin/python3"}) {
            try {
                List<String> cmd = new ArrayList<>(List.of(py, script.toString(), String.valueOf(batch), String.valueOf(repeats), String.valueOf(threads)));
                ProcessBuilder pb = PeerNumpy.oneThread(cmd);
                for (String v : new String[] {"OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"}) pb.environment().put(v, String.valueOf(threads));
                Process pr = pb.start();
                String text = new String(pr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!pr.waitFor(600, TimeUnit.SECONDS)) { pr.destroyForcibly(); continue; }
                Matcher m = MS.matcher(text);
                if (pr.exitValue() == 0 && m.find()) {
                    Matcher c = CONFIG.matcher(text);
                    peerConfig = c.find() ? c.group(1) : "";
                    return Double.parseDouble(m.group(1));
                }
            } catch (IOException e) {
                // try the next interpreter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        System.err.println("bench: no python3 with torch found for the PyTorch peer (sudo apt-get install python3-torch)");
        return null;
    }
}
