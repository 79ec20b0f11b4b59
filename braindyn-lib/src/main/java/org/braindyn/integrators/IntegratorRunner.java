package org.braindyn.integrators;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleFunction;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Runs an integrator over a duration and records its state variables (BrainPy's {@code bp.IntegratorRunner}):
 * parameters may change with time (inputs), a progress line is printed on long runs, and the traces come back as
 * {@code [T, …]} tensors with the times {@code ts}.
 * <pre>{@code
 * IntegratorRunner.Traces tr = new IntegratorRunner(integ, new String[] {"V", "w"})
 *         .inputs(t -> new Tensor[] {BM.scalar(t < 50 ? 0.5 : 0.8)})
 *         .run(new Tensor[] {v0, w0}, 0, 100);
 * Tensor v = tr.get("V");                             // (1000,) at dt 0.1
 * }</pre>
 */
public final class IntegratorRunner {
    /** Recorded times (ms) and one trace per monitored variable. */
    public record Traces(Tensor ts, Map<String, Tensor> traces, Tensor[] last) {
        /** The trace of {@code name}; unknown names are an error listing the known ones. */
        public Tensor get(String name) {
            Tensor t = traces.get(name);
            if (t == null) throw new IllegalArgumentException("IntegratorRunner: no trace '" + name + "'; known: " + String.join(", ", traces.keySet()));
            return t;
        }
    }

    private final OdeIntegrator integ;
    private final String[] names;
    private DoubleFunction<Tensor[]> inputs = t -> new Tensor[0];
    private PrintStream progress;

    /** Runs {@code integ}; {@code names} name the state variables in order (all are recorded). */
    public IntegratorRunner(OdeIntegrator integ, String[] names) {
        this.integ = integ;
        this.names = names.clone();
    }

    /** Parameters as a function of time, passed after {@code t} to the derivative. */
    public IntegratorRunner inputs(DoubleFunction<Tensor[]> inputs) { this.inputs = inputs; return this; }

    /** Print a progress line every 10% to {@code out} (null for none). */
    public IntegratorRunner progress(PrintStream out) { this.progress = out; return this; }

    /** Integrates from {@code t0} for {@code duration} ms; the state after step {@code i} is recorded at {@code t0 + (i+1)·dt}. */
    public Traces run(Tensor[] init, double t0, double duration) {
        if (init.length != names.length)
            throw new IllegalArgumentException("IntegratorRunner: " + init.length + " initial values for " + names.length + " named variables " + String.join(", ", names));
        if (!(duration >= 0)) throw new IllegalArgumentException("IntegratorRunner: duration must be >= 0 ms; got " + duration);
        double dt = integ.dt();
        int steps = (int) Math.round(duration / dt);
        Tensor[][] rec = new Tensor[names.length][steps];
        double[] ts = new double[steps];
        Tensor[] y = init;
        for (int i = 0; i < steps; i++) {
            double t = t0 + i * dt;
            y = integ.step(y, t, inputs.apply(t));
            for (int v = 0; v < y.length; v++) rec[v][i] = y[v];
            ts[i] = t + dt;
            if (progress != null && steps >= 1000 && (i + 1) % (steps / 10) == 0)
                progress.printf("%s: %3.0f%% (t = %.1f ms)%n", integ.methodName(), 100.0 * (i + 1) / steps, t + dt);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int v = 0; v < names.length; v++)
            out.put(names[v], steps == 0 ? BM.zeros(0) : BM.stack(rec[v]));
        return new Traces(BM.array(ts), out, y);
    }
}
