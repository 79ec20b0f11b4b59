package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Dual-exponential synapse (BrainPy's {@code bp.dyn.DualExpon}): rise and decay components
 * {@code dg_r/dt = −g_r/τ_r}, {@code dg_d/dt = −g_d/τ_d}, each receiving the input, and
 * {@code g = A·(g_d − g_r)} with {@code A = τ_d/(τ_d − τ_r)} by default, so a unit input has the same integral
 * ({@code τ_d}) as an {@link Expon} of time constant {@code τ_d}. Defaults (BrainPy's): {@code τ_r 1 ms, τ_d 10 ms};
 * each may be one value or one per target (any {@link ParamSpec} form), with {@code τ_r < τ_d} everywhere.
 * <pre>{@code DualExpon syn = DualExpon.builder(800).tauRise(1).tauDecay(5).build();}</pre>
 */
public final class DualExpon extends Synapse {
    private final Supplier<Tensor> tauRise, tauDecay;
    private final Tensor a;
    private final double riseScalar, decayScalar, aScalar;
    /** Rise component. */
    public final Variable gRise;
    /** Decay component. */
    public final Variable gDecay;

    private DualExpon(Builder b) {
        super(b.name);
        String label = "DualExpon" + (b.name == null ? "" : " '" + b.name + "'");
        tauRise = ParamSpec.resolve(label, "tauRise", "ms", b.tauRise, b.size, ParamSpec.Rule.POSITIVE);
        tauDecay = ParamSpec.resolve(label, "tauDecay", "ms", b.tauDecay, b.size, ParamSpec.Rule.POSITIVE);
        if (!BM.all(tauDecay.get().gt(tauRise.get())).getBool())
            throw new IllegalArgumentException(label + ": needs tauRise < tauDecay for every target; got tauRise max " + BM.max(tauRise.get()).item()
                    + " ms and tauDecay min " + BM.min(tauDecay.get()).item() + " ms");
        riseScalar = ParamSpec.constantValue(b.tauRise, tauRise);
        decayScalar = ParamSpec.constantValue(b.tauDecay, tauDecay);
        a = b.a != null ? ParamSpec.resolve(label, "A", "", b.a, b.size, ParamSpec.Rule.FINITE).get()
                : tauDecay.get().div(tauDecay.get().sub(tauRise.get()));                 // from the time constants at construction
        aScalar = a.size() == 1 ? a.reshape(-1).getDouble(0) : Double.NaN;
        this.gRise = zeroState(b.size);
        this.gDecay = zeroState(b.size);
    }

    /** Shorthand for {@code builder(size).name(name).tauRise(tauRise).tauDecay(tauDecay).build()}. */
    public DualExpon(String name, int size, double tauRise, double tauDecay) { this(new Builder(size).name(name).tauRise(tauRise).tauDecay(tauDecay)); }

    /** A builder with BrainPy's defaults ({@code τ_r 1, τ_d 10 ms}) for {@code size} targets. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor r = Synapses.decayed(gRise.value(), tauRise, riseScalar, dt), d = Synapses.decayed(gDecay.value(), tauDecay, decayScalar, dt);
        if (inputs.length > 0 && inputs[0] != null) { r = r.add(inputs[0]); d = d.add(inputs[0]); }
        gRise.set(r.astype(gRise.dtype()));
        gDecay.set(d.astype(gDecay.dtype()));
        return conductance();
    }

    @Override public Tensor conductance() {
        Tensor diff = gDecay.value().sub(gRise.value());
        return Double.isNaN(aScalar) ? diff.mul(a.astype(diff.dtype())) : diff.mul(aScalar);
    }

    @Override public void resetState(int batchSize) { resetZero(gRise, batchSize); resetZero(gDecay, batchSize); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object tauRise = 1.0, tauDecay = 10.0, a;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** Rise time constant, ms ({@code tau_rise}, default 1). */
        public Builder tauRise(Object v) { this.tauRise = v; return this; }
        /** Decay time constant, ms ({@code tau_decay}, default 10). */
        public Builder tauDecay(Object v) { this.tauDecay = v; return this; }
        /** Normalisation factor {@code A} (default {@code τ_d/(τ_d − τ_r)}, from the time constants at construction). */
        public Builder a(Object v) { this.a = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public DualExpon build() { return new DualExpon(this); }
    }
}
