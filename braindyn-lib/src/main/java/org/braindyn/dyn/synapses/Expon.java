package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Exponential synapse dynamics (BrainPy's {@code bp.dyn.Expon}): {@code dg/dt = −g/τ}, each step decaying exactly
 * by {@code e^{−dt/τ}} and then adding the step's input (the weighted presynaptic spikes arriving).
 * State aligned with the postsynaptic population. {@code τ} (ms, BrainPy's default 8) may be one value or one per
 * target (any {@link ParamSpec} form).
 * <pre>{@code Expon ge = Expon.builder(3200).tau(5.0).build();}</pre>
 */
public final class Expon extends Synapse {
    private final Supplier<Tensor> tau;
    private final double tauScalar;
    /** Conductance (or current, for CUBA outputs). */
    public final Variable g;

    private Expon(Builder b) {
        super(b.name);
        String label = "Expon" + (b.name == null ? "" : " '" + b.name + "'");
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, b.size, ParamSpec.Rule.POSITIVE);
        tauScalar = ParamSpec.constantValue(b.tau, tau);
        this.g = zeroState(b.size);
    }

    /**
     * Shorthand for {@code builder(size).name(name).tau(tau).build()}.
     *
     * @param size number of postsynaptic targets
     * @param tau  decay time constant, ms
     */
    public Expon(String name, int size, double tau) { this(new Builder(size).name(name).tau(tau)); }

    /** A builder with BrainPy's default ({@code τ 8 ms}) for {@code size} targets. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override public Tensor update(Tensor... inputs) {
        Tensor next = Synapses.decayed(g.value(), tau, tauScalar, Shared.current().dt());
        if (inputs.length > 0 && inputs[0] != null) next = next.add(inputs[0]);
        g.set(next.astype(g.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    /** Zeros the conductance; in a batching mode with {@code batchSize} rows. */
    @Override public void resetState(int batchSize) { resetZero(g, batchSize); }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object tau = 8.0;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** Decay time constant, ms ({@code tau}, default 8); a number or any {@link ParamSpec} form. */
        public Builder tau(Object v) { this.tau = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public Expon build() { return new Expon(this); }
    }
}
