package org.braindyn.dyn;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.io.Npz;
import org.braindyn.state.Collector;
import org.braindyn.state.Module;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Runs a dynamical system step by step (BrainPy's {@code DSRunner}): each step binds the {@link Shared} arguments,
 * applies the inputs, calls {@code update()} and records the monitors. {@link #run} returns the wall time in seconds
 * and continues in time on a second call. By default (BrainPy's {@code jit=True}) the step (inputs, update and
 * monitors) is traced once and the whole run executes as a compiled loop ({@link org.braindyn.jit.Loops#forLoop});
 * a step that cannot be traced runs step by step, with a notice ({@link #jit(boolean)}). Monitor and input targets are variable
 * paths, relative to the target first (BrainPy's {@code 'E.V'}), then absolute.
 * <pre>{@code
 * DSRunner runner = new DSRunner(net, List.of("E.spike", "I.spike"), 0.1).input("E.input", 20).input("I.input", 20);
 * double secs = runner.run(1000);
 * Tensor spikes = runner.mon("E.spike");      // (10000, 3200)
 * }</pre>
 * For long runs record spikes with {@link #spikeMonitor} instead of a raster: {@code (step, neuron)} lists whose memory
 * grows with the number of spikes.
 */
public final class DSRunner {
    /** How an input combines with the variable. */
    public enum Op { ADD, SUB, MUL, DIV, SET }

    private record Input(Variable target, Tensor value, boolean iter, Op op) {}

    private final DynamicalSystem target;
    private final double dt;
    private final Map<String, Supplier<Tensor>> monitors = new LinkedHashMap<>();
    /** Per monitor: the recorded values, one tensor per step (eager runs) or one stacked {@link Chunk} per compiled chunk. */
    private final Map<String, List<Object>> records = new LinkedHashMap<>();

    /** {@code len} consecutive steps of a monitor, stacked along axis 0 (written by a compiled run). */
    private record Chunk(Tensor stacked) {}
    private final List<Input> inputs = new ArrayList<>();
    /** Recorded times, unboxed (a compiled run adds thousands per chunk without allocating per step). */
    private double[] ts = new double[1024];
    private int tsLen;

    private void addTime(double t) {
        if (tsLen == ts.length) ts = java.util.Arrays.copyOf(ts, 2 * tsLen);
        ts[tsLen++] = t;
    }
    private long step;
    private PrintStream progress = System.err;
    /** null: compile unless the step cannot be traced (then step by step, said once); true: compile or fail; false: step by step. */
    private Boolean jit;
    private boolean fellBack;
    private java.util.function.Function<Tensor[], Tensor[]> compiledBody;
    /** Steps per compiled chunk: progress is reported between chunks, and monitors are stacked per chunk. */
    public static final int COMPILED_CHUNK = 2500;

    /**
     * {@code jit(true)}: compile the step and run whole chunks of steps in compiled code, or fail; {@code jit(false)}:
     * run step by step. Without a call the runner compiles (BrainPy's default {@code jit=True}) and, if the step
     * cannot be traced, says why once on the progress stream (standard error when progress is off) and runs step by
     * step. Monitors and inputs must be traceable to compile: variable monitors, index monitors, spike monitors and
     * function monitors made of tensor operations are; data-dependent shapes (e.g. {@code nonzero}) and components
     * that read the step index as a Java number are not, and fail with a {@link org.braindyn.jit.TracerError} that
     * names them. As in BrainPy, Java code inside {@code update()} runs once, while tracing, in a compiled run: a
     * side effect in Java (a counter, a print) happens once, not every step; such models need {@code jit(false)}.
     */
    public DSRunner jit(boolean on) { this.jit = on; return this; }

    /** Whether the next run is compiled (the default, unless an earlier run found the step untraceable). */
    public boolean compiled() { return jit == null ? !fellBack : jit; }

    private double compileSeconds;

    /** Seconds spent tracing and compiling the step so far (included in what {@link #run} returns; 0 for eager runs). */
    public double compileSeconds() { return compileSeconds; }

    private boolean checkFinite;
    private List<Map.Entry<String, Variable>> finiteChecked;

    /**
     * Stop at the first step after which a floating-point state of the target holds NaN or ±Inf, with an
     * {@link IllegalStateException} naming the variable, the step and the time (default off). Eager runs stop right
     * after that step; compiled runs check every step inside the compiled loop and stop at the end of the chunk in
     * which it happened, still naming the exact step. Set it before the first compiled run.
     */
    public DSRunner checkFinite(boolean on) {
        if (on && compiledBody != null && finiteChecked == null)
            throw new IllegalStateException("DSRunner.checkFinite: the compiled step was already built without the check; call checkFinite(true) before the first run");
        this.checkFinite = on;
        return this;
    }

    private List<Map.Entry<String, Variable>> finiteChecked() {
        if (finiteChecked == null) {
            finiteChecked = new ArrayList<>();
            for (var e : ((org.braindyn.state.Module) target).vars(org.braindyn.state.Module.Scheme.RELATIVE).unique().asMap().entrySet())
                if (e.getValue().dtype().isFloating()) finiteChecked.add(e);
        }
        return finiteChecked;
    }

    private IllegalStateException nonFinite(String var, Tensor value, long atStep) {
        String kind = BM.any(BM.isnan(value)).getBool() ? "NaN" : "±Inf";
        return new IllegalStateException(String.format(java.util.Locale.ROOT,
                "DSRunner: %s became non-finite (%s) at step %d (t = %.4g ms); the run stopped. Look for a too-large dt, a "
                + "parameter out of range or an input that diverges; checkFinite(false) lets the run continue.", var, kind, atStep, (atStep + 1) * dt));
    }

    /** Runs {@code target} with step {@code dt} ms, recording the variables at {@code monitors}. */
    public DSRunner(DynamicalSystem target, List<String> monitors, double dt) {
        if (!(dt > 0)) throw new IllegalArgumentException("DSRunner.dt: must be > 0 ms; got " + dt);
        this.target = target;
        this.dt = dt;
        for (String m : monitors) monitor(m);
    }

    private DSRunner addMonitor(String name, Supplier<Tensor> fn) {
        if (tsLen > 0) throw new IllegalStateException("DSRunner: add monitor '" + name + "' before the first run");
        if (monitors.containsKey(name)) throw new IllegalArgumentException("DSRunner: monitor '" + name + "' is already defined");
        monitors.put(name, fn);
        records.put(name, new ArrayList<>());
        return this;
    }

    /**
     * Records only the elements {@code indices} of the variable at {@code path} along its last axis (BrainPy's
     * {@code monitors={'E.V': idx}}); the record is named {@code path}. With no indices, the whole variable.
     */
    public DSRunner monitor(String path, int... indices) {
        Variable v = resolve(path, "monitor");
        if (indices.length == 0) return addMonitor(path, v::value);
        int n = v.value().shape().rank() == 0 ? 0 : v.value().shape().dim(-1);
        for (int i : indices)
            if (i < 0 || i >= n) throw new IllegalArgumentException("DSRunner: monitor '" + path + "' index " + i + " is out of range; the variable has " + n + " elements on its last axis");
        Tensor idx = BM.array(indices);
        int axis = v.value().shape().rank() - 1;
        return addMonitor(path, () -> BM.take(v.value(), idx, axis));
    }

    /** Records the variable {@code v} itself (BrainPy's monitors given as {@code {'name': variable}}) under {@code name}. */
    public DSRunner monitor(String name, Variable v) {
        if (v == null) throw new IllegalArgumentException("DSRunner: monitor '" + name + "' was given a null variable");
        return addMonitor(name, v::value);
    }

    /**
     * A function monitor (BrainPy's {@code fun_monitors}): {@code fn} is called after every step and its value recorded
     * under {@code name}. Values of changing shape (e.g. the indices of the neurons that spiked) are allowed; read them
     * with {@link #monSteps}, since {@link #mon} stacks equal shapes only.
     * <pre>{@code runner.monitor("rate", () -> BM.mean(net.E.spike.value().astype(DType.F32)));}</pre>
     */
    public DSRunner monitor(String name, Supplier<Tensor> fn) { return addMonitor(name, fn); }

    private final Map<String, SpikeMonitor> spikeMonitors = new LinkedHashMap<>();
    private final Map<String, Variable> spikeVars = new LinkedHashMap<>();

    /**
     * Records the spikes of the boolean (or 0/1) variable at {@code path} as {@code (step, index)} lists, read with
     * {@link #spikes} (Brian2's {@code SpikeMonitor}): memory grows with the number of spikes, not with
     * steps × neurons, and a compiled run hands each step's spikes to the monitor inside the loop without
     * recording a raster.
     * <pre>{@code runner.spikeMonitor("E.spike"); runner.run(1000); double[] t = runner.spikes("E.spike").timesMs();}</pre>
     */
    public DSRunner spikeMonitor(String path) {
        if (tsLen > 0 || compiledBody != null) throw new IllegalStateException("DSRunner: add spike monitor '" + path + "' before the first run");
        if (spikeMonitors.containsKey(path)) throw new IllegalArgumentException("DSRunner: '" + path + "' is already monitored by a spike monitor");
        Variable v = resolve(path, "spike monitor");
        if (!(v.dtype() == org.braindyn.tensor.DType.BOOL || v.dtype().isFloating()))
            throw new IllegalArgumentException("DSRunner.spikeMonitor: '" + path + "' holds " + v.dtype().numpyName() + "; expected a boolean (or 0/1 floating-point) spike state");
        spikeMonitors.put(path, new SpikeMonitor(path, dt));
        spikeVars.put(path, v);
        return this;
    }

    /** The spikes recorded by the spike monitor on {@code path} (see {@link #spikeMonitor}). */
    public SpikeMonitor spikes(String path) {
        SpikeMonitor m = spikeMonitors.get(path);
        if (m == null) throw new IllegalArgumentException("DSRunner: '" + path + "' has no spike monitor; spike monitors: " + String.join(", ", spikeMonitors.keySet()));
        return m;
    }

    /** Hands every spike variable's current value to its monitor (eagerly, or as a sink of the compiled step). */
    private void feedSpikeMonitors() {
        for (var e : spikeMonitors.entrySet()) org.braindyn.jit.Jit.sink(spikeVars.get(e.getKey()).value(), e.getValue());
    }

    private Variable resolve(String path, String what) {
        Collector<Variable> rel = target.vars(Module.Scheme.RELATIVE), abs = target.vars();
        if (rel.contains(path)) return rel.get(path);
        if (abs.contains(path)) return abs.get(path);
        throw new IllegalArgumentException("DSRunner: cannot find " + what + " target '" + path + "' in " + target + "; known: "
                + String.join(", ", rel.keys()));
    }

    /** A fixed input added to the variable at {@code path} every step (BrainPy {@code ('E.input', 20.)}). */
    public DSRunner input(String path, double value) { return input(path, BM.scalar(value), false, Op.ADD); }

    /** An input: fixed ({@code iter = false}) or one row per step ({@code iter = true}), combined by {@code op}. */
    public DSRunner input(String path, Tensor value, boolean iter, Op op) {
        Variable v = resolve(path, "input");
        inputs.add(new Input(v, value, iter, op));
        compiledBody = null;   // a compiled step traced before this input is retraced at the next run, never silently reused
        return this;
    }

    /** Starts the clock at {@code t0} ms instead of 0 (BrainPy's {@code t0}), e.g. to continue a run restored from saved states. */
    public DSRunner startAt(double t0) {
        if (tsLen > 0) throw new IllegalStateException("DSRunner.startAt: the runner has already run; set the start before the first run");
        this.step = Math.round(t0 / dt);
        return this;
    }

    /** Where to print progress on long runs (null: never). */
    public DSRunner progress(PrintStream out) { this.progress = out; return this; }

    /** Runs for {@code duration} ms more; returns the wall time in seconds. */
    public double run(double duration) {
        if (!(duration >= 0) || Double.isInfinite(duration))
            throw new IllegalArgumentException("DSRunner.run: duration must be a finite number of ms >= 0; got " + duration);
        int n = (int) Math.round(duration / dt);
        for (SpikeMonitor m : spikeMonitors.values()) m.at(step);
        if (compiled()) {
            if (jit != null) return runCompiled(n);
            try {
                return runCompiled(n);
            } catch (org.braindyn.jit.TracerError e) {   // thrown while tracing, before any step ran
                fellBack = true;
                compiledBody = null;
                (progress != null ? progress : System.err).println("DSRunner: the step cannot be compiled, running step by step ("
                        + e.getMessage().lines().findFirst().orElse("") + "); jit(false) skips the attempt, jit(true) makes it an error");
            }
        }
        long t0 = System.nanoTime();
        long lastReport = t0;
        for (int k = 0; k < n; k++) {
            long i = step++;
            double t = i * dt;
            Shared.with(new Shared(t, i, dt, false), () -> {
                for (Input in : inputs) apply(in, (int) i);
                target.update();
            });
            addTime(t);
            for (var e : monitors.entrySet()) records.get(e.getKey()).add(e.getValue().get());
            feedSpikeMonitors();
            if (checkFinite)
                for (var e : finiteChecked())
                    if (!BM.all(BM.isfinite(e.getValue().value())).getBool()) throw nonFinite(e.getKey(), e.getValue().value(), i);
            long now = System.nanoTime();
            if (progress != null && now - lastReport > 1_000_000_000L) {
                progress.printf("DSRunner: %5.1f%% (t = %.1f ms)%n", 100.0 * (k + 1) / n, t + dt);
                lastReport = now;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    /** The step function a compiled run loops over (built once; an input added later clears it). */
    private void buildCompiledBody(List<Map.Entry<String, Variable>> checked) {
        if (compiledBody == null) {
            List<String> names = List.copyOf(monitors.keySet());
            compiledBody = x -> {
                Tensor[] out = new Tensor[names.size() + checked.size()];
                Shared.with(new Shared(0, 0, dt, false), x[0], () -> {
                    int j = 1;
                    for (Input in : inputs) apply(in, in.iter() ? x[j++] : in.value());
                    target.update();
                    for (int m = 0; m < names.size(); m++) out[m] = monitors.get(names.get(m)).get();
                    feedSpikeMonitors();
                    for (int c = 0; c < checked.size(); c++) out[names.size() + c] = BM.all(BM.isfinite(checked.get(c).getValue().value()));
                });
                return out;
            };
        }
    }

    /**
     * The compiled step in words (tracing and compiling it if needed, without running it): the fused kernels with
     * their primitives and element counts, and the eager kernels between them. For a look at what one step costs:
     * <pre>{@code System.out.println(new DSRunner(net, List.of(), 0.1).jit(true).explain());}</pre>
     */
    public String explain() {
        List<Map.Entry<String, Variable>> checked = checkFinite ? finiteChecked() : List.of();
        buildCompiledBody(checked);
        List<Input> iters = inputs.stream().filter(Input::iter).toList();
        Tensor[] xs = new Tensor[1 + iters.size()];
        xs[0] = BM.array(new double[] {step * dt});
        for (int j = 0; j < iters.size(); j++) xs[1 + j] = iters.get(j).value().get(step + ":" + (step + 1));
        return org.braindyn.jit.Loops.explainForLoop(compiledBody, xs);
    }

    /**
     * Runs {@code duration} ms more with a timer on every step of the compiled loop and returns where the time went
     * ({@link org.braindyn.jit.LoopProfile}: µs per step of each kernel, of the spike lists and monitors, and of the
     * executor). Run once before for a profile of the steady state rather than of HotSpot's warm-up:
     * <pre>{@code
     * runner.run(500);
     * System.out.println(runner.profile(1000));
     * }</pre>
     *
     * @throws IllegalStateException when this runner runs step by step ({@code jit(false)})
     */
    public org.braindyn.jit.LoopProfile profile(double duration) {
        if (jit != null && !jit)
            throw new IllegalStateException("DSRunner.profile: this runner runs step by step (jit(false)); only a compiled loop has kernels to time");
        return org.braindyn.jit.Loops.profile(() -> run(duration));
    }

    private double runCompiled(int n) {
        long t0 = System.nanoTime(), lastReport = t0;
        List<Input> iters = inputs.stream().filter(Input::iter).toList();
        List<Map.Entry<String, Variable>> checked = checkFinite ? finiteChecked() : List.of();
        boolean compiled = false;   // the first chunk of this run traces and compiles (or finds the cached step), timed apart
        buildCompiledBody(checked);
        for (int done = 0; done < n; ) {
            int len = Math.min(COMPILED_CHUNK, n - done);
            double[] times = new double[len];   // float64: at 10⁶ ms a float32 step would be 0.0625 ms
            for (int k = 0; k < len; k++) times[k] = (step + k) * dt;
            Tensor[] xs = new Tensor[1 + iters.size()];
            xs[0] = BM.array(times);
            for (int j = 0; j < iters.size(); j++) {
                Tensor v = iters.get(j).value();
                if (v.dim(0) < step + len)
                    throw new IllegalArgumentException("DSRunner: iterated input for " + iters.get(j).target().describe() + " has " + v.dim(0)
                            + " rows; the run needs " + (step + len));
                xs[1 + j] = v.get((step) + ":" + (step + len));
            }
            if (!compiled) {
                long c0 = System.nanoTime();
                org.braindyn.jit.Loops.precompileForLoop(compiledBody, xs);
                compileSeconds += (System.nanoTime() - c0) / 1e9;
                compiled = true;
            }
            Tensor[] ys = org.braindyn.jit.Loops.forLoop(compiledBody, xs);
            int m = 0;
            for (String name : monitors.keySet()) records.get(name).add(new Chunk(ys[m++]));
            for (int k = 0; k < len; k++) addTime((step + k) * dt);
            step += len;
            done += len;
            int badVar = -1, badStep = len;   // the earliest step at which any checked variable went non-finite
            for (int c = 0; c < checked.size(); c++) {
                boolean[] ok = ys[m + c].toBoolArray();
                for (int k = 0; k < badStep; k++) if (!ok[k]) { badVar = c; badStep = k; break; }
            }
            if (badVar >= 0) throw nonFinite(checked.get(badVar).getKey(), checked.get(badVar).getValue().value(), step - len + badStep);
            long now = System.nanoTime();
            if (progress != null && done < n && now - lastReport > 1_000_000_000L) {
                progress.printf("DSRunner: %5.1f%% (t = %.1f ms, compiled)%n", 100.0 * done / n, step * dt);
                lastReport = now;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private void apply(Input in, int i) {
        apply(in, in.iter() ? in.value().get(String.valueOf(i)) : in.value());
    }

    private void apply(Input in, Tensor x) {
        Tensor cur = in.target().value();
        Tensor next = switch (in.op()) {
            case ADD -> cur.add(x);
            case SUB -> cur.sub(x);
            case MUL -> cur.mul(x);
            case DIV -> cur.div(x);
            case SET -> BM.broadcastTo(x, cur.shape().toArray());
        };
        in.target().set(next.astype(cur.dtype()));
    }

    /**
     * Returns what was recorded so far ({@code ts} and every monitor, as {@link #mon} gives them) and forgets it, so
     * that long runs can be processed piece by piece in bounded memory; the simulation itself continues.
     */
    public Map<String, Tensor> takeRecords() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("ts", ts());
        for (String name : records.keySet()) m.put(name, mon(name));
        tsLen = 0;
        for (List<Object> r : records.values()) r.clear();
        return m;
    }

    /** Recorded times (ms), one per step. */
    public Tensor ts() { return BM.array(java.util.Arrays.copyOf(ts, tsLen)); }

    private List<Object> record(String name) {
        List<Object> r = records.get(name);
        if (r == null) throw new IllegalArgumentException("DSRunner: '" + name + "' is not monitored; monitored: " + String.join(", ", records.keySet()));
        return r;
    }

    /** The recorded values of a monitor, stacked over time: {@code (T, …)}. */
    public Tensor mon(String path) {
        List<Object> r = record(path);
        if (r.isEmpty()) return BM.zeros(0);
        List<Tensor> parts = new ArrayList<>();
        List<Tensor> run = new ArrayList<>();
        for (Object o : r) {
            if (o instanceof Chunk c) {
                if (!run.isEmpty()) { parts.add(BM.stack(run.toArray(Tensor[]::new))); run.clear(); }
                parts.add(c.stacked());
            } else run.add((Tensor) o);
        }
        if (!run.isEmpty()) parts.add(BM.stack(run.toArray(Tensor[]::new)));
        return parts.size() == 1 ? parts.get(0) : BM.concatenate(0, parts.toArray(Tensor[]::new));
    }

    /** The recorded values of a monitor, one tensor per step, in order (for function monitors whose shape changes). */
    public List<Tensor> monSteps(String name) {
        List<Tensor> out = new ArrayList<>();
        for (Object o : record(name)) {
            if (o instanceof Chunk c) for (int k = 0; k < c.stacked().dim(0); k++) out.add(c.stacked().get(org.braindyn.tensor.Index.at(k)));
            else out.add((Tensor) o);
        }
        return out;
    }

    /**
     * Writes {@code ts} and every monitor to an {@code .npz} (atomically). A function monitor whose shape changes
     * between steps is written concatenated along its first axis, with {@code NAME_counts} holding each step's length.
     * A spike monitor is written as {@code NAME_times} (ms, float64) and {@code NAME_indices} (int32).
     */
    public void save(Path file) throws java.io.IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("ts", ts());
        for (var e : records.entrySet()) {
            if (e.getValue().stream().allMatch(o -> o instanceof Chunk)) { m.put(e.getKey(), mon(e.getKey())); continue; }
            List<Tensor> r = monSteps(e.getKey());
            boolean ragged = r.stream().map(Tensor::shape).distinct().count() > 1;
            if (!ragged) { m.put(e.getKey(), mon(e.getKey())); continue; }
            // Values whose shape changes between steps: concatenated along axis 0, with the length of each step.
            m.put(e.getKey(), BM.concatenate(0, r.stream().map(t -> t.ndim() == 0 ? t.reshape(1) : t).toArray(Tensor[]::new)));
            m.put(e.getKey() + "_counts", BM.array(r.stream().mapToInt(t -> t.ndim() == 0 ? 1 : t.dim(0)).toArray()));
        }
        for (SpikeMonitor sm : spikeMonitors.values()) {
            m.put(sm.name() + "_times", BM.array(sm.timesMs()));
            m.put(sm.name() + "_indices", BM.array(sm.indices()));
        }
        Npz.write(file, m);
    }
}
