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
import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.Shared;
import org.braindyn.nn.Node;
import org.braindyn.optim.Optimizer;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Back-propagation through time (BrainPy's {@code bp.BPTT(model, loss_fun, optimizer, monitors=…)}): each training
 * batch {@code (batch, time, features)} starts from fresh states, runs the model over time — as one compiled loop and
 * its compiled reverse loop by default ({@link #jit}) — hands the stacked outputs {@code (batch, time, out)}, any
 * {@linkplain #monitor monitored values} and the targets to the loss, differentiates it with respect to the
 * optimizer's {@link org.braindyn.state.TrainVar}s and applies one update. The model is any dynamical system whose
 * {@code update(x_t)} returns the step's output: a layer graph ({@link Node}, {@code Sequential}) or a
 * {@code Network} of neuron groups and projections. Metrics are computed on the same forward pass (BrainPy's
 * {@code loss_has_aux}). {@link #fit} prints BrainPy's line per epoch — {@code Train 0 epoch, use 8.1 s, loss 1.78,
 * acc 0.27} —, a progress line within an epoch on a terminal ({@link #progress}), and keeps the history
 * ({@link #histMetric}).
 * <pre>{@code
 * BPTT t = new BPTT(model, (y, target) -> Losses.crossEntropy(max(y, 1), target), new Adam(1e-3, vars))
 *         .metric("acc", (y, target) -> Losses.accuracy(max(y, 1), target));
 * t.fit(() -> trainBatches(), () -> testBatches(), 10);
 *
 * // seed 004's SNN: the hidden spikes monitored and regularised in the loss
 * BPTT s = new BPTT(snn, (y, mon, target) -> Losses.crossEntropy(mean(y, 1), target).add(sum(mon.get("r.spike")).mul(1e-5)), adam)
 *         .monitor("r.spike", () -> snn.r.spike());
 * }</pre>
 */
public final class BPTT {
    /** A scalar loss of the predictions {@code (batch, time, out)} and the targets. */
    @FunctionalInterface
    public interface Loss { Tensor apply(Tensor predictions, Tensor targets); }

    /**
     * A scalar loss that also reads the monitored values (BrainPy's {@code predicts, mon = predicts}), each stacked
     * over time like the predictions: {@code (batch, time, …)}, or {@code (time, batch, …)} for time-first inputs.
     */
    @FunctionalInterface
    public interface MonitoredLoss { Tensor apply(Tensor predictions, Map<String, Tensor> monitors, Tensor targets); }

    /** A number computed from the predictions and the targets (accuracy, …). */
    @FunctionalInterface
    public interface Metric { double apply(Tensor predictions, Tensor targets); }

    /** One batch: inputs {@code (batch, time, features)} (or time first, see {@link #timeFirst}) and their targets. */
    public record Batch(Tensor inputs, Tensor targets) {}

    /** The outputs of a run over time and the monitored values, stacked like the inputs. */
    public record Run(Tensor predictions, Map<String, Tensor> monitors) {}

    private final DynamicalSystem model;
    private final MonitoredLoss loss;
    private final Optimizer optimizer;
    private final Map<String, Metric> metrics = new LinkedHashMap<>();
    private final Map<String, Supplier<Tensor>> monitors = new LinkedHashMap<>();
    private final Map<String, List<Double>> history = new LinkedHashMap<>();
    private PrintStream log = System.out;
    private EpochListener listener;
    private boolean jit = true, timeFirst;
    private Boolean progress;
    /** The compiled loop's step for {@code fit = false / true}: one object each, so that each is traced once. */
    @SuppressWarnings("unchecked")
    private java.util.function.Function<Tensor[], Tensor[]>[] steps = new java.util.function.Function[] {step(false), step(true)};

    /** Told after every epoch: its number, its phase ({@code fit} or {@code test}), its metrics and its seconds. */
    @FunctionalInterface
    public interface EpochListener { void epoch(int epoch, String phase, Map<String, Double> values, double seconds); }

    public BPTT(DynamicalSystem model, Loss loss, Optimizer optimizer) {
        this(model, loss == null ? null : (y, m, t) -> loss.apply(y, t), optimizer);
    }

    public BPTT(DynamicalSystem model, MonitoredLoss loss, Optimizer optimizer) {
        if (model == null || loss == null || optimizer == null) throw new IllegalArgumentException("BPTT: model, loss and optimizer must not be null");
        if (model.trainVars().values().isEmpty())
            throw new IllegalArgumentException("BPTT: " + label(model) + " has no TrainVars; build its layers with trainable(true) or in training mode");
        this.model = model;
        this.loss = loss;
        this.optimizer = optimizer;
    }

    private static String label(DynamicalSystem m) { return m instanceof Node n ? n.label() : m.getClass().getSimpleName() + " '" + m.name() + "'"; }

    /** Adds a metric reported each epoch beside the loss. */
    public BPTT metric(String name, Metric m) { metrics.put(name, m); return this; }

    /**
     * Records {@code value} after every step (BrainPy's {@code monitors={'r.spike': model.r.spike}}), e.g.
     * {@code monitor("r.spike", () -> lif.spike())}; the loss receives it stacked over time under {@code name}.
     */
    public BPTT monitor(String name, Supplier<Tensor> value) {
        if (name == null || value == null) throw new IllegalArgumentException("BPTT.monitor: name and value must not be null");
        if (monitors.containsKey(name)) throw new IllegalArgumentException("BPTT.monitor: '" + name + "' is monitored already");
        monitors.put(name, value);
        steps = newSteps();   // the compiled step returns the monitors too: traced anew
        return this;
    }

    @SuppressWarnings("unchecked")
    private java.util.function.Function<Tensor[], Tensor[]>[] newSteps() { return new java.util.function.Function[] {step(false), step(true)}; }

    /**
     * Whether the time loop runs compiled (default, BrainPy's {@code jit=True}): the steps of a batch as one compiled
     * loop, differentiated by the compiled reverse loop — forward, backward and the carried states never leave
     * compiled code. {@code false}: step by step on the eager tape (for models that read the time as a Java number,
     * or to compare). A model whose compiled loop cannot be differentiated — one that draws random numbers inside it,
     * like {@code Dropout} — is trained step by step, with a note on the log.
     */
    public BPTT jit(boolean on) { this.jit = on; return this; }

    /**
     * Inputs come time first, {@code (time, batch, features)} — the layout a compiled loop reads, so no transposed
     * copy is made (spike trains from {@code Encoders.latencySpikes}); predictions and monitors are then time first too.
     */
    public BPTT timeFirst(boolean on) { this.timeFirst = on; return this; }

    /** A progress line within each epoch (batches done, running loss); default: when the log is a terminal. */
    public BPTT progress(boolean on) { this.progress = on; return this; }

    /** Where the epoch lines go (null: nowhere; default standard output). */
    public BPTT log(PrintStream out) { this.log = out; return this; }

    /** Called after every epoch (e.g. to print JSON). */
    public BPTT onEpoch(EpochListener l) { this.listener = l; return this; }

    /** The outputs for {@code xs}, from fresh states (batch first, or time first with {@link #timeFirst}). */
    public Tensor predict(Tensor xs) { return forward(xs, false).predictions(); }

    /** The outputs and monitored values for {@code xs}, from fresh states. */
    public Run run(Tensor xs) { return forward(xs, false); }

    /** Runs the model over time with the shared {@code fit} flag set while training (dropout and the like read it). */
    private Run forward(Tensor xs, boolean fit) {
        if (xs.ndim() != 3 || model instanceof Node n && xs.dim(2) != n.inFeatures())
            throw new IllegalArgumentException("BPTT: inputs must have shape " + (timeFirst ? "(time, batch, " : "(batch, time, ")
                    + (model instanceof Node n ? n.inFeatures() : "features") + "); got " + xs.shape());
        Tensor xt = timeFirst ? xs : xs.transpose(1, 0, 2);
        int steps = xt.dim(0);
        model.resetState(xt.dim(1));
        double dt = org.braindyn.tensor.Config.dt();
        List<String> names = List.copyOf(monitors.keySet());
        Tensor[] stacked;
        if (jit) {
            double[] times = new double[steps];
            for (int t = 0; t < steps; t++) times[t] = t * dt;
            stacked = org.braindyn.jit.Loops.forLoop(this.steps[fit ? 1 : 0], xt, array(times));
        } else if (names.isEmpty() && model instanceof org.braindyn.nn.Node n && n.sequenceWithoutContext()) {
            // the whole sequence at once: an LSTM's inputs in one product and its backward pass as one fused operation
            stacked = new Tensor[] {Shared.with(new Shared(0, 0, dt, fit), () -> n.sequence(xt))};
        } else {
            List<List<Tensor>> per = new ArrayList<>();
            for (int k = 0; k <= names.size(); k++) per.add(new ArrayList<>());
            for (int t = 0; t < steps; t++) {
                int step = t;
                Tensor[] r = Shared.with(new Shared(t * dt, t, dt, fit), () -> outputs(xt.get(Index.at(step))));
                for (int k = 0; k < r.length; k++) per.get(k).add(r[k]);
            }
            stacked = new Tensor[per.size()];
            for (int k = 0; k < stacked.length; k++) stacked[k] = stack(0, per.get(k).toArray(Tensor[]::new));
        }
        Map<String, Tensor> mons = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) mons.put(names.get(k), layout(stacked[k + 1]));
        return new Run(layout(stacked[0]), mons);
    }

    /** A time-first stack in the inputs' layout. */
    private Tensor layout(Tensor timeFirstStack) { return timeFirst || timeFirstStack.ndim() < 2 ? timeFirstStack : swapaxes(timeFirstStack, 0, 1); }

    /** One step's output and monitored values. */
    private Tensor[] outputs(Tensor x) {
        Tensor[] r = new Tensor[1 + monitors.size()];
        r[0] = model.update(x);
        int k = 1;
        for (Supplier<Tensor> m : monitors.values()) r[k++] = m.get();
        return r;
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
        long t0 = System.nanoTime(), shown = t0;
        Map<String, Double> sums = new LinkedHashMap<>();
        double n = 0;
        int done = 0, total = batches instanceof java.util.Collection<?> c ? c.size() : -1;
        boolean bar = log != null && (progress != null ? progress : log == System.out && System.console() != null);
        for (Batch b : batches) {
            int size = b.inputs().dim(timeFirst ? 1 : 0);
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
                predictions = ((Run) g.aux()).predictions();
            } else {
                Run r = forward(b.inputs(), false);
                predictions = r.predictions();
                value = loss.apply(predictions, r.monitors(), b.targets());
            }
            sums.merge("loss", value.item() * size, Double::sum);
            for (var m : metrics.entrySet()) sums.merge(m.getKey(), m.getValue().apply(predictions, b.targets()) * size, Double::sum);
            n += size;
            done++;
            long now = System.nanoTime();
            if (bar && (now - shown > 1_000_000_000L || done == total)) {
                shown = now;
                log.print(progressLine(phase, epoch, done, total, sums.get("loss") / n, (now - t0) / 1e9));
                log.flush();
            }
        }
        if (bar && done > 0) log.print("\r" + " ".repeat(72) + "\r");
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

    /** {@code \r  fit epoch 0 [#########...........] 120/234, loss 0.5123, 8.1 s} (a count without a bar when the total is unknown). */
    static String progressLine(String phase, int epoch, int done, int total, double loss, double seconds) {
        String where = total > 0 ? "[" + "#".repeat((int) (20L * done / total)) + ".".repeat(20 - (int) (20L * done / total)) + "] " + done + "/" + total : done + " batches";
        return String.format(Locale.ROOT, "\r  %s epoch %d %s, loss %.4g, %.1f s", phase, epoch, where, loss, seconds);
    }

    /** The loss of one batch with its gradient with respect to the optimizer's variables, and the run as aux. */
    private Autodiff.Result gradient(Batch b) {
        return Autodiff.gradAux(a -> {
            Run r = forward(b.inputs(), true);
            return new Autodiff.WithAux(loss.apply(r.predictions(), r.monitors(), b.targets()), r);
        }).gradVars(optimizer.vars()).returnValue(true).apply();
    }

    /** One step of the compiled loop: slices {@code (x_t, t)} to the model's output and the monitored values. */
    private java.util.function.Function<Tensor[], Tensor[]> step(boolean fit) {
        return x -> {
            Tensor[][] y = new Tensor[1][];
            Shared.with(new Shared(0, 0, org.braindyn.tensor.Config.dt(), fit), x[1], () -> y[0] = outputs(x[0]));
            return y[0];
        };
    }

    /** The per-epoch values of {@code metric} ({@code "loss"} or a metric's name) in {@code phase} ({@code "fit"} or {@code "test"}). */
    public double[] histMetric(String phase, String metric) {
        List<Double> v = history.get(phase + "." + metric);
        if (v == null) throw new IllegalArgumentException("BPTT.histMetric: no history for phase '" + phase + "' and metric '" + metric + "'; known: " + history.keySet());
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
