package org.braindyn.train;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.braindyn.jit.Loops;
import org.braindyn.nn.Dense;
import org.braindyn.nn.Sequential;
import org.braindyn.ops.internal.Parallel;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Fits a chain's readout in closed form from the states it collects over whole sequences (BrainPy's
 * {@code bp.OfflineTrainer}; {@link RidgeTrainer} is the ridge shorthand). {@link #fit} runs the chain over the inputs
 * in compiled chunks (teacher forcing: feedback from the readout carries the targets), accumulates the normal
 * equations block by block ({@link Gram}: memory {@code O(p²)}, not {@code O(T·p)}), solves them with the
 * {@link OfflineMethod}, and sets the readout's weights; {@link #predict} runs the fitted chain.
 * <pre>{@code
 * OfflineTrainer t = new OfflineTrainer(esn, new OfflineMethod.Ridge(1e-6));
 * esn.predict(warmup, true);                    // states warmed up
 * t.fit(xTrain, yTrain);                        // continues from those states; (batch, time, in) and (batch, time, out)
 * Tensor yHat = t.predict(xTest, false);
 * }</pre>
 */
public final class OfflineTrainer {
    private final Sequential model;
    private final Dense readout;
    private final OfflineMethod method;
    private int chunkSteps = 0;
    private boolean gramBesideRun = false;
    private PrintStream log;
    private double lastFitSeconds, lastRunSeconds, lastGramSeconds, lastSolveSeconds;
    private boolean lastOverlapped;

    /**
     * @param model  the chain; its last node must be a {@link Dense} readout
     * @param method how to solve (BrainPy's default for {@code OfflineTrainer}: {@code Ridge(1e-6)})
     */
    public OfflineTrainer(Sequential model, OfflineMethod method) {
        if (model == null) throw new IllegalArgumentException("OfflineTrainer: model must not be null");
        if (method == null) throw new IllegalArgumentException("OfflineTrainer: method must not be null; e.g. new OfflineMethod.Ridge(1e-6)");
        if (!(model.readout() instanceof Dense d))
            throw new IllegalArgumentException("OfflineTrainer: the last node of " + model.label() + " must be a Dense readout to fit; got " + model.readout().label());
        if (method instanceof OfflineMethod.Polynomial || method instanceof OfflineMethod.PolynomialRidge)
            throw new IllegalArgumentException("OfflineTrainer: a polynomial fit has weights on expanded features, which the linear readout " + d.label()
                    + " cannot hold; collect the states (Sequential.predict on the node before the readout) and use Regression.fit");
        this.model = model;
        this.readout = d;
        this.method = method;
    }

    /** BrainPy's default: ridge with β = 1e-6. */
    public OfflineTrainer(Sequential model) { this(model, new OfflineMethod.Ridge(1e-6)); }

    /** Prints a line per chunk to {@code out} (null: quiet, the default). */
    public OfflineTrainer log(PrintStream out) { this.log = out; return this; }

    /**
     * Whether ridge-type fits accumulate each chunk's normal equations on a second thread while the chain runs the
     * next chunk (default false). Off, the run and the sums each use every core in turn (a large reservoir's mat-vec
     * and {@code XᵀX} both split across the cores), which measured faster for a 2,000-unit reservoir on two cores:
     * 24.4 s against 26.0 s for 100,000 steps ({@code bench/RESULTS.md}). On, it pays where the step itself runs on
     * one core. Either way the sums are added in the same order, so the fitted weights are the same bits.
     */
    public OfflineTrainer gramBesideRun(boolean on) { this.gramBesideRun = on; return this; }

    /**
     * Steps per chunk when none is set: about {@value #CHUNK_ELEMENTS} state values (4 MB of float64), rounded down
     * to a multiple of 256 rows, the depth of the normal equations' blocks. Chunks of 32 MB, allocated afresh each
     * time, went straight to the old generation under the launcher's small young one and grew the heap by ~1.6 GB
     * over a 100,000-step fit of a 2,000-unit reservoir: first touches of new memory made its run phase 14.9–15.6 s
     * against 14.1–14.2 s with the heap capped at 1 GB. A 4 MB chunk dies young, in memory used again.
     */
    static int defaultChunk(int steps, int batch, int feats) {
        int rows = Math.max(1, batch), per = CHUNK_ELEMENTS / Math.max(1, rows * (feats + 1));
        if (per * rows >= 256) per = Math.max(1, (per * rows / 256) * 256 / rows);
        return Math.max(1, Math.min(steps, per));
    }

    private static final int CHUNK_ELEMENTS = 1 << 19;

    /** Steps per compiled chunk (default: {@link #defaultChunk}: a chunk's states near 4 MB). */
    public OfflineTrainer chunkSteps(int steps) {
        if (steps < 1) throw new IllegalArgumentException("OfflineTrainer.chunkSteps: must be >= 1; got " + steps);
        this.chunkSteps = steps;
        return this;
    }

    /** The method. */
    public OfflineMethod method() { return method; }

    /** Wall seconds of the last {@link #fit} (collection and solve). */
    public double lastFitSeconds() { return lastFitSeconds; }

    /** Of {@link #lastFitSeconds()}: running the chain to collect its states. */
    public double lastRunSeconds() { return lastRunSeconds; }

    /**
     * Accumulating the normal equations (or keeping the rows, for logistic regression) in the last {@link #fit}; part
     * of {@link #lastFitSeconds()}, or running beside the collection when {@link #lastOverlapped()}.
     */
    public double lastGramSeconds() { return lastGramSeconds; }

    /**
     * Whether the last {@link #fit} accumulated each chunk's normal equations on a second thread while the chain
     * ran the next chunk ({@link #gramBesideRun} on, ridge-type methods with parallel kernels on,
     * {@code Config.setParallelKernels}, and two or more cores): the wall time is then about the larger of the two, not their sum. The sums are added in the
     * same order either way, so the fitted weights are the same bits.
     */
    public boolean lastOverlapped() { return lastOverlapped; }

    /** Of {@link #lastFitSeconds()}: solving them. */
    public double lastSolveSeconds() { return lastSolveSeconds; }

    /** {@link #fit(Tensor, Tensor, boolean)} continuing from the current states. */
    public OfflineTrainer fit(Tensor xs, Tensor ys) { return fit(xs, ys, false); }

    /**
     * Fits the readout so that the chain maps {@code xs} {@code (batch, time, in)} to {@code ys}
     * {@code (batch, time, out)}; with {@code resetState} the states start from zero.
     */
    public OfflineTrainer fit(Tensor xs, Tensor ys, boolean resetState) {
        long t0 = System.nanoTime();
        boolean bias = readout.hasBias();
        Tensor w;
        if (method.needsRows()) {                               // logistic: every design row is kept (memory ∝ T·p)
            List<Tensor> fx = new ArrayList<>(), fy = new ArrayList<>();
            long rows = collect(xs, ys, resetState, false, (f, y) -> { fx.add(f); fy.add(y); });
            if (rows > Integer.MAX_VALUE) throw new IllegalArgumentException("OfflineTrainer: " + rows + " rows are too many to keep for " + method);
            long ts = System.nanoTime();
            w = Regression.fit(method, concatenate(0, fx.toArray(Tensor[]::new)), concatenate(0, fy.toArray(Tensor[]::new)), bias).weights();
            lastSolveSeconds = (System.nanoTime() - ts) / 1e9;
        } else {
            Gram g = new Gram(model.readoutInputFeatures() + (bias ? 1 : 0), model.outFeatures());
            collect(xs, ys, resetState, gramBesideRun, (f, y) -> g.add(f, y, bias, !lastOverlapped));   // beside the run: one core for the sums
            long ts = System.nanoTime();
            w = Regression.solve(method, g, bias);
            lastSolveSeconds = (System.nanoTime() - ts) / 1e9;
        }
        readout.setFitted(withBiasRow(w));
        lastFitSeconds = (System.nanoTime() - t0) / 1e9;
        if (log != null) log.printf("  %s fitted in %.3f s%n", method, lastFitSeconds);
        return this;
    }

    private Tensor withBiasRow(Tensor w) {
        if (readout.hasBias()) return w;
        return concatenate(0, zeros(1, w.dim(1)).astype(DType.F64), w);
    }

    /** Runs the chain over the sequences in chunks, handing each chunk's design rows (without the constant) and targets on; returns the rows. */
    private long collect(Tensor xs, Tensor ys, boolean resetState, boolean overlap, java.util.function.BiConsumer<Tensor, Tensor> sink) {
        int in = model.inFeatures(), out = model.outFeatures();
        if (xs == null || xs.ndim() != 3 || xs.dim(2) != in)
            throw new IllegalArgumentException("OfflineTrainer.fit: inputs must have shape (batch, time, " + in + "); got " + (xs == null ? "null" : xs.shape()));
        if (ys == null || ys.ndim() != 3 || ys.dim(2) != out)
            throw new IllegalArgumentException("OfflineTrainer.fit: targets must have shape (batch, time, " + out + "); got " + (ys == null ? "null" : ys.shape()));
        if (ys.dim(0) != xs.dim(0) || ys.dim(1) != xs.dim(1))
            throw new IllegalArgumentException("OfflineTrainer.fit: targets have " + ys.dim(0) + " sequences of length " + ys.dim(1) + " but the inputs have "
                    + xs.dim(0) + " of length " + xs.dim(1) + "; expected one target per input step");
        int batch = xs.dim(0), steps = xs.dim(1), feats = model.readoutInputFeatures();
        model.prepare(batch, resetState);
        int chunk = chunkSteps > 0 ? chunkSteps : defaultChunk(steps, batch, feats);
        Tensor xt = xs.transpose(1, 0, 2), yt = ys.transpose(1, 0, 2);
        lastRunSeconds = lastGramSeconds = 0;
        lastOverlapped = overlap && chunk < steps && Parallel.enabled() && Parallel.threads() >= 2;
        ExecutorService beside = lastOverlapped ? Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "braindyn-gram");
            t.setDaemon(true);
            return t;
        }) : null;
        Future<?> pending = null;
        long[] gramNanos = {0};
        // one body for every chunk: the compiled loop is cached by its body, so a fresh lambda per chunk would trace,
        // compile and warm up new kernels ~50 times in a 100k-step fit
        java.util.function.Function<Tensor[], Tensor[]> body = a -> new Tensor[] {model.step(a[0], a[1]).readoutInput()};
        long total = 0;
        try {
            for (int s0 = 0; s0 < steps; s0 += chunk) {
                long tr = System.nanoTime();
                int s1 = Math.min(steps, s0 + chunk);
                Tensor xc = xt.get(s0 + ":" + s1), yc = yt.get(s0 + ":" + s1);
                Tensor feats3 = model.jit() ? Loops.forLoop(body, xc, yc)[0] : eager(xc, yc);
                int rows = (s1 - s0) * batch;
                Tensor f2 = feats3.reshape(rows, feats).astype(DType.F64), y2 = yc.reshape(rows, out);
                lastRunSeconds += (System.nanoTime() - tr) / 1e9;
                Runnable add = () -> {
                    long tg = System.nanoTime();
                    sink.accept(f2, y2);
                    gramNanos[0] += System.nanoTime() - tg;
                };
                if (beside == null) add.run();
                else {
                    await(pending);                             // one chunk in flight: memory stays two chunks' states
                    pending = beside.submit(add);
                }
                total += rows;
                if (log != null) log.printf("  collected steps %d–%d of %d%n", s0, s1, steps);
            }
            await(pending);
        } finally {
            if (beside != null) beside.shutdownNow();
        }
        lastGramSeconds = gramNanos[0] / 1e9;
        return total;
    }

    private static void await(Future<?> f) {
        if (f == null) return;
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("OfflineTrainer.fit: interrupted while accumulating the normal equations", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) throw re;
            throw new IllegalStateException("OfflineTrainer.fit: accumulating the normal equations failed: " + e.getCause(), e.getCause());
        }
    }

    private Tensor eager(Tensor xc, Tensor yc) {
        List<Tensor> out = new ArrayList<>();
        for (int t = 0; t < xc.dim(0); t++) out.add(model.step(xc.get(Index.at(t)), yc.get(Index.at(t))).readoutInput());
        return stack(out.toArray(Tensor[]::new));
    }

    /** The fitted chain's outputs {@code (batch, time, out)} for {@code xs} (BrainPy's {@code predict(xs, reset_state)}). */
    public Tensor predict(Tensor xs, boolean resetState) { return model.predict(xs, resetState); }
}
