package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Alpha synapse (BrainPy's {@code bp.dyn.Alpha}): {@code dh/dt = −h/τ}, {@code dg/dt = (h − g)/τ}, input added to
 * {@code h}; a unit input at t = 0 gives {@code g(t) = (t/τ)·e^{−t/τ}}, peaking at {@code 1/e} when {@code t = τ}.
 * Stepped exactly: {@code g ← (g + h·dt/τ)·e^{−dt/τ}}, {@code h ← h·e^{−dt/τ}}. {@code τ} (ms, BrainPy's
 * {@code tau_decay}, default 10) may be one value or one per target (any {@link ParamSpec} form).
 * <pre>{@code Alpha syn = Alpha.builder(800).tauDecay(5).build();}</pre>
 */
public final class Alpha extends Synapse {
    private final Supplier<Tensor> tau;
    private final double tauScalar;
    /** Auxiliary variable receiving the input. */
    public final Variable h;
    /** Conductance. */
    public final Variable g;

    private Alpha(Builder b) {
        super(b.name);
        String label = "Alpha" + (b.name == null ? "" : " '" + b.name + "'");
        tau = ParamSpec.resolve(label, "tauDecay", "ms", b.tau, b.size, ParamSpec.Rule.POSITIVE);
        tauScalar = ParamSpec.constantValue(b.tau, tau);
        this.h = zeroState(b.size);
        this.g = zeroState(b.size);
    }

    /** Shorthand for {@code builder(size).name(name).tauDecay(tau).build()}. */
    public Alpha(String name, int size, double tau) { this(new Builder(size).name(name).tauDecay(tau)); }

    /** A builder with BrainPy's default ({@code τ 10 ms}) for {@code size} targets. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor hv = h.value();
        Tensor rate = Double.isNaN(tauScalar) ? hv.mul(BM.divide(dt, tau.get()).astype(hv.dtype())) : hv.mul(dt / tauScalar);
        g.set(Synapses.decayed(g.value().add(rate), tau, tauScalar, dt).astype(g.dtype()));
        Tensor hn = Synapses.decayed(hv, tau, tauScalar, dt);
        if (inputs.length > 0 && inputs[0] != null) hn = hn.add(inputs[0]);
        h.set(hn.astype(h.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    @Override public void resetState(int batchSize) { resetZero(h, batchSize); resetZero(g, batchSize); }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object tau = 10.0;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** Time constant, ms ({@code tau_decay}, default 10); a number or any {@link ParamSpec} form. */
        public Builder tauDecay(Object v) { this.tau = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public Alpha build() { return new Alpha(this); }
    }
}
