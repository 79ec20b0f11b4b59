package org.braindyn.dyn.neurons;

import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A leaky integrator without spikes (BrainPy's {@code bp.dyn.Leaky}), the usual readout of spiking networks:
 * {@code dx/dt = −x/τ}, decayed exactly each step ({@code β = e^{−dt/τ}}), then the step's input I added, scaled as
 * {@link InputScaling} says:
 * <pre>
 *   ADD (BrainPy's default)   x ← β·x + I
 *   DT                         x ← β·x + dt·I              (dx/dt = −x/τ + I with the input over one step)
 *   EXACT                      x ← β·x + (1 − β)·I         (the exact solution of τ dx/dt = −x + I, I held: x → I)
 * </pre>
 * {@code τ} (ms; BrainPy's default 10) may be one value or one per unit (any {@link ParamSpec} form).
 * <pre>{@code Leaky readout = Leaky.builder(10).name("out").tau(5.0).build();
 * Leaky lp = Leaky.builder(10).tau(5.0).scaling(Leaky.InputScaling.EXACT).build();}</pre>
 */
public final class Leaky extends NeuronGroup {
    /** How the step's input enters (see the class comment). */
    public enum InputScaling { ADD, DT, EXACT }

    private final java.util.function.Supplier<Tensor> tau;
    private final double tauScalar;
    private final InputScaling scaling;
    /** The integrated value. */
    public final Variable x;

    private Leaky(Builder b) {
        super(b.name, b.size);
        String label = "Leaky" + (b.name == null ? "" : " '" + b.name + "'");
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, b.size, ParamSpec.Rule.POSITIVE);
        tauScalar = ParamSpec.constantValue(b.tau, tau);
        if (b.scaling == null) throw new IllegalArgumentException(label + ".scaling: must not be null; one of " + java.util.Arrays.toString(InputScaling.values()));
        this.scaling = b.scaling;
        this.x = state(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    /** Shorthand for {@code builder(size).name(name).tau(tau).build()} (input added as is: BrainPy's). */
    public Leaky(String name, int size, double tau) { this(new Builder(size).name(name).tau(tau)); }

    /** Shorthand for {@code builder(size).name(name).tau(tau).scaling(scaling).build()}. */
    public Leaky(String name, int size, double tau, InputScaling scaling) { this(new Builder(size).name(name).tau(tau).scaling(scaling)); }

    /** A builder with BrainPy's defaults ({@code τ 10 ms}, input added as is) for {@code size} units. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = x.value();
        double dt = Shared.current().dt();
        Tensor in = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor next;
        if (!Double.isNaN(tauScalar)) {
            double beta = Math.exp(-dt / tauScalar);
            in = switch (scaling) { case ADD -> in; case DT -> in.mul(dt); case EXACT -> in.mul(1 - beta); };
            next = v.mul(beta).add(in);
        } else {
            Tensor beta = BM.exp(BM.divide(-dt, tau.get()).astype(v.dtype()));
            in = switch (scaling) { case ADD -> in; case DT -> in.mul(dt); case EXACT -> in.mul(BM.onesLike(beta).sub(beta)); };
            next = v.mul(beta).add(in);
        }
        x.set(next.astype(x.dtype()));
        input.fill(0);
        return x.value();
    }

    /** Leaky units do not spike: their "spike" output is the value itself. */
    @Override public Tensor spike() { return x.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        x.set(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object tau = 10.0;
        private InputScaling scaling = InputScaling.ADD;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** Time constant, ms ({@code tau}, default 10); a number or any {@link ParamSpec} form. */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** How the step's input enters (default {@link InputScaling#ADD}, BrainPy's). */
        public Builder scaling(InputScaling v) { this.scaling = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Leaky build() { return new Leaky(this); }
    }
}
