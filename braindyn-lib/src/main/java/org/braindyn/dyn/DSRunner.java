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
 * Runs a dynamical system step by step (BrainPy's {@code DSRunner}, eager for now): each step binds the
 * {@link Shared} arguments, applies the inputs, calls {@code update()} and records the monitors. {@link #run}
 * returns the wall time in seconds and continues in time on a second call. Monitor and input targets are variable
 * paths, relative to the target first (BrainPy's {@code 'E.V'}), then absolute.
 * <pre>{@code
 * DSRunner runner = new DSRunner(net, List.of("E.spike", "I.spike"), 0.1).input("E.input", 20).input("I.input", 20);
 * double secs = runner.run(1000);
 * Tensor spikes = runner.mon("E.spike");      // (10000, 3200)
 * }</pre>
 */
public final class DSRunner {
    /** How an input combines with the variable. */
    public enum Op { ADD, SUB, MUL, DIV, SET }

    private record Input(Variable target, Tensor value, boolean iter, Op op) {}

    private final DynamicalSystem target;
    private final double dt;
    private final Map<String, Supplier<Tensor>> monitors = new LinkedHashMap<>();
    private final Map<String, List<Tensor>> records = new LinkedHashMap<>();
    private final List<Input> inputs = new ArrayList<>();
    private final List<Double> ts = new ArrayList<>();
    private long step;
    private PrintStream progress = System.err;

    /** Runs {@code target} with step {@code dt} ms, recording the variables at {@code monitors}. */
    public DSRunner(DynamicalSystem target, List<String> monitors, double dt) {
        if (!(dt > 0)) throw new IllegalArgumentException("DSRunner.dt: must be > 0 ms; got " + dt);
        this.target = target;
        this.dt = dt;
        for (String m : monitors) monitor(m);
    }

    private DSRunner addMonitor(String name, Supplier<Tensor> fn) {
        if (!ts.isEmpty()) throw new IllegalStateException("DSRunner: add monitor '" + name + "' before the first run");
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
        return this;
    }

    /** Starts the clock at {@code t0} ms instead of 0 (BrainPy's {@code t0}), e.g. to continue a run restored from saved states. */
    public DSRunner startAt(double t0) {
        if (!ts.isEmpty()) throw new IllegalStateException("DSRunner.startAt: the runner has already run; set the start before the first run");
        this.step = Math.round(t0 / dt);
        return this;
    }

    /** Where to print progress on long runs (null: never). */
    public DSRunner progress(PrintStream out) { this.progress = out; return this; }

    /** Runs for {@code duration} ms more; returns the wall time in seconds. */
    public double run(double duration) {
        int n = (int) Math.round(duration / dt);
        long t0 = System.nanoTime();
        long lastReport = t0;
        for (int k = 0; k < n; k++) {
            long i = step++;
            double t = i * dt;
            Shared.with(new Shared(t, i, dt, false), () -> {
                for (Input in : inputs) apply(in, (int) i);
                target.update();
            });
            ts.add(t);
            for (var e : monitors.entrySet()) records.get(e.getKey()).add(e.getValue().get());
            long now = System.nanoTime();
            if (progress != null && now - lastReport > 1_000_000_000L) {
                progress.printf("DSRunner: %5.1f%% (t = %.1f ms)%n", 100.0 * (k + 1) / n, t + dt);
                lastReport = now;
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    private void apply(Input in, int i) {
        Tensor x = in.iter() ? in.value().get(String.valueOf(i)) : in.value();
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

    /** Recorded times (ms), one per step. */
    public Tensor ts() { return BM.array(ts.stream().mapToDouble(Double::doubleValue).toArray()); }

    /** The recorded values of a monitor, stacked over time: {@code (T, …)}. */
    public Tensor mon(String path) {
        List<Tensor> r = records.get(path);
        if (r == null) throw new IllegalArgumentException("DSRunner: '" + path + "' is not monitored; monitored: " + String.join(", ", records.keySet()));
        return r.isEmpty() ? BM.zeros(0) : BM.stack(r.toArray(Tensor[]::new));
    }

    /** The recorded values of a monitor, one tensor per step, in order (for function monitors whose shape changes). */
    public List<Tensor> monSteps(String name) {
        List<Tensor> r = records.get(name);
        if (r == null) throw new IllegalArgumentException("DSRunner: '" + name + "' is not monitored; monitored: " + String.join(", ", records.keySet()));
        return List.copyOf(r);
    }

    /**
     * Writes {@code ts} and every monitor to an {@code .npz} (atomically). A function monitor whose shape changes
     * between steps is written concatenated along its first axis, with {@code NAME_counts} holding each step's length.
     */
    public void save(Path file) throws java.io.IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("ts", ts());
        for (var e : records.entrySet()) {
            List<Tensor> r = e.getValue();
            boolean ragged = r.stream().map(Tensor::shape).distinct().count() > 1;
            if (!ragged) { m.put(e.getKey(), mon(e.getKey())); continue; }
            // Values whose shape changes between steps: concatenated along axis 0, with the length of each step.
            m.put(e.getKey(), BM.concatenate(0, r.stream().map(t -> t.ndim() == 0 ? t.reshape(1) : t).toArray(Tensor[]::new)));
            m.put(e.getKey() + "_counts", BM.array(r.stream().mapToInt(t -> t.ndim() == 0 ? 1 : t.dim(0)).toArray()));
        }
        Npz.write(file, m);
    }
}
