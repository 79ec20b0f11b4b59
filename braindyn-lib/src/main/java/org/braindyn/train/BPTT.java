package org.braindyn.train;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.Shared;
import org.braindyn.nn.Node;
import org.braindyn.optim.Optimizer;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Back-propagation through time (BrainPy's {@code bp.BPTT(model, loss_fun, optimizer)}): each training batch
 * {@code (batch, time, features)} starts from fresh states, runs the model step by step, hands the stacked
 * outputs {@code (batch, time, out)} and the targets to the loss, differentiates it with respect to the optimizer's
 * {@link org.braindyn.state.TrainVar}s and applies one update. Metrics are computed on the same forward pass
 * (BrainPy's {@code loss_has_aux}). {@link #fit} prints BrainPy's line per epoch — {@code Train 0 epoch, use 8.1 s,
 * loss 1.78, acc 0.27} — and keeps the history ({@link #histMetric}).
 * <pre>{@code
 * BPTT t = new BPTT(model, (y, target) -> Losses.crossEntropy(max(y, 1), target), new Adam(1e-3, vars))
 *         .metric("acc", (y, target) -> Losses.accuracy(max(y, 1), target));
 * t.fit(() -> trainBatches(), () -> testBatches(), 10);
 * }</pre>
 */
public final class BPTT {
    /** A scalar loss of the predictions {@code (batch, time, out)} and the targets. */
    @FunctionalInterface
    public interface Loss { Tensor apply(Tensor predictions, Tensor targets); }

    /** A number computed from the predictions and the targets (accuracy, …). */
    @FunctionalInterface
    public interface Metric { double apply(Tensor predictions, Tensor targets); }

    /** One batch: inputs {@code (batch, time, features)} and their targets. */
    public record Batch(Tensor inputs, Tensor targets) {}

    private final Node model;
    private final Loss loss;
    private final Optimizer optimizer;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();
    private PrintStream log = System.out;
    private EpochListener listener;
    private boolean jit = true;
    /** The compiled loop's step for {@code fit = false / true}: one object each, so that each is traced once. */
    @SuppressWarnings("unchecked")
    private final java.util.function.Function<Tensor[], Tensor[]>[] steps = new java.util.function.Function[] {step(false), step(true)};

    /** Told after every epoch: its number, its phase ({@code fit} or {@code test}), its metrics and its seconds. */
    @FunctionalInterface
    public interface EpochListener { void epoch(int epoch, String phase, Map<String, Double> values, double seconds); }

    public BPTT(Node model, Loss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) throw new IllegalArgumentException("BPTT: model, loss and optimizer must not be null");
        if (model.trainVars().values().isEmpty())
            throw new IllegalArgumentException("BPTT: " + model.label() + " has no TrainVars; build its layers with trainable(true) or in training mode");
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    /** Adds a metric reported each epoch beside the loss. */
    public BPTT metric(String name, Metric m) { metrics.put(name, m); return this; }

    /**
     * Whether the time loop runs compiled (default, BrainPy's {@code jit=True}): the steps of a batch as one compiled
     * loop, differentiated by the compiled reverse loop — forward, backward and the carried states never leave
     * compiled code. {@code false}: step by step on the eager tape (for models that read the time as a Java number,
     * or to compare). A model whose compiled loop cannot be differentiated — one that draws random numbers inside it,
     * like {@code Dropout} — is trained step by step, with a note on the log.
     */
    public BPTT jit(boolean on) { this.jit = on; return this; }

    /** Where the epoch lines go (null: nowhere; default standard output). */
    public BPTT log(PrintStream out) { this.log = out; return this; }

    /** Called after every epoch (e.g. to print JSON). */
    public BPTT onEpoch(EpochListener l) { this.listener = l; return this; }

    /** The outputs {@code (batch, time, out)} for {@code xs} {@code (batch, time, features)}, from fresh states. */
    public Tensor predict(Tensor xs) { return forward(xs, false); }

    /** Runs the model over time with the shared {@code fit} flag set while training (dropout and the like read it). */
    private Tensor forward(Tensor xs, boolean fit) {
        if (xs.ndim() != 3 || xs.dim(2) != model.inFeatures())
            throw new IllegalArgumentException("BPTT: inputs must have shape (batch, time, " + model.inFeatures() + "); got " + xs.shape());
        model.resetState(xs.dim(0));
        double dt = org.braindyn.tensor.Config.dt();
        if (jit) {
            double[] times = new double[xs.dim(1)];
            for (int t = 0; t < times.length; t++) times[t] = t * dt;
            return org.braindyn.jit.Loops.forLoop(steps[fit ? 1 : 0], xs.transpose(1, 0, 2), array(times))[0].transpose(1, 0, 2);
        }
        Tensor[] ys = new Tensor[xs.dim(1)];
        for (int t = 0; t < ys.length; t++) {
            int step = t;
            ys[t] = Shared.with(new Shared(t * dt, t, dt, fit), () -> model.forward(xs.get(Index.all(), Index.at(step)), null));
        }
        return stack(1, ys);
    }

    /**
     * Trains for {@code epochs} passes over the batches {@code train} supplies (a fresh iterable per epoch, e.g.
     * reshuffled), evaluating on {@code test} (may be null) after each.
     */
    public BPTT fit(Supplier<? extends Iterable<Batch>> train, Supplier<? extends Iterable<Batch>> test, int epochs) {
        if (epochs < 1) throw new IllegalArgumentException("BPTT.fit: epochs must be >= 1; got " + epochs);
        for (int e = 0; e < epochs; e++) {
            run(e, "fit", train.get(), true);
            if (test != null) run(e, "test", test.get(), false);
        }
        return this;
    }

    private void run(int epoch, String phase, Iterable<Batch> batches, boolean learn) {
        long t0 = System.nanoTime();
        Map<String, Double> sums = new LinkedHashMap<>();
        double n = 0;
        for (Batch b : batches) {
            int size = b.inputs().dim(0);
            Tensor value, predictions;
            if (learn) {
                Autodiff.Result g;
                try {
                    g = gradient(b);
                } catch (org.braindyn.jit.TracerError e) {
                    if (!jit) throw e;
                    // e.g. Dropout draws fresh masks inside the compiled loop, which its compiled reverse loop cannot
                    // replay: this trainer continues step by step (nothing was updated yet)
                    jit = false;
                    String note = "BPTT: the time loop cannot be differentiated compiled (" + e.getMessage() + "); training step by step";
                    if (log != null) log.println(note); else System.err.println(note);
                    g = gradient(b);
                }
                optimizer.update(g.varGrads());
                value = g.value();
                predictions = (Tensor) g.aux();
            } else {
                predictions = predict(b.inputs());
                value = loss.apply(predictions, b.targets());
            }
            sums.merge("loss", value.item() * size, Double::sum);
            for (var m : metrics.entrySet()) sums.merge(m.getKey(), m.getValue().apply(predictions, b.targets()) * size, Double::sum);
            n += size;
        }
        if (n == 0) throw new IllegalArgumentException("BPTT: the " + phase + " data gave no batches");
        double secs = (System.nanoTime() - t0) / 1e9;
        Map<String, Double> means = new LinkedHashMap<>();
        for (var s : sums.entrySet()) {
            means.put(s.getKey(), s.getValue() / n);
            history.computeIfAbsent(phase + "." + s.getKey(), k -> new ArrayList<>()).add(s.getValue() / n);
        }
        if (log != null) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "%s %d epoch, use %.4f s", learn ? "Train" : "Test", epoch, secs));
            for (var m : means.entrySet()) sb.append(String.format(Locale.ROOT, ", %s %.6g", m.getKey(), m.getValue()));
            log.println(sb);
        }
        if (listener != null) listener.epoch(epoch, phase, means, secs);
    }

    /** The loss of one batch with its gradient with respect to the optimizer's variables, and the predictions as aux. */
    private Autodiff.Result gradient(Batch b) {
        return Autodiff.gradAux(a -> {
            Tensor y = forward(b.inputs(), true);
            return new Autodiff.WithAux(loss.apply(y, b.targets()), y);
        }).gradVars(optimizer.vars()).returnValue(true).apply();
    }

    /** One step of the compiled loop: slices {@code (x_t, t)} to the model's output. */
    private java.util.function.Function<Tensor[], Tensor[]> step(boolean fit) {
        return x -> {
            Tensor[] y = new Tensor[1];
            Shared.with(new Shared(0, 0, org.braindyn.tensor.Config.dt(), fit), x[1], () -> y[0] = model.forward(x[0], null));
            return y;
        };
    }

    /** The per-epoch values of {@code metric} ({@code "loss"} or a metric's name) in {@code phase} ({@code "fit"} or {@code "test"}). */
    public double[] histMetric(String phase, String metric) {
        List<Double> v = history.get(phase + "." + metric);
        if (v == null) throw new IllegalArgumentException("BPTT.histMetric: no history for phase '" + phase + "' and metric '" + metric + "'; known: " + history.keySet());
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
