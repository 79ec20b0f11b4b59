package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Tsodyks–Markram short-term plasticity (Tsodyks, Pawelzik &amp; Markram 1998; BrainPy's {@code bp.dyn.STP}): per
 * presynaptic neuron, facilitation {@code u}, available resources {@code x} and the synaptic current {@code I}:
 * <pre>
 *   dI/dt = −I/τ,   du/dt = −u/τ_f,   dx/dt = (1 − x)/τ_d          (decayed exactly each step)
 *   on a presynaptic spike:  u ← u + U(1 − u),  I ← I + A·u·x,  x ← x − u·x   (new u, old x)
 * </pre>
 * BrainPy's defaults: {@code U 0.15, τ_f 1500 ms, τ_d 200 ms, τ 8 ms, A 1}; u starts at 0, x at 1. Use it in an
 * {@link org.braindyn.dyn.AlignPreProjection} (one state per presynaptic neuron) with {@code SynOut.cuba()}.
 * <pre>{@code Stp stp = Stp.builder(pre.num()).u(0.5).tauF(50).tauD(750).build();   // depressing}</pre>
 */
public final class Stp extends Synapse {
    /** Facilitation variable. */
    public final Variable u;
    /** Fraction of available resources. */
    public final Variable x;
    /** Synaptic current. */
    public final Variable i;
    private final Supplier<Tensor> bigU, tauF, tauD, tau, a;

    private Stp(Builder b) {
        super(b.name);
        String label = "STP" + (b.name == null ? "" : " '" + b.name + "'");
        bigU = ParamSpec.resolve(label, "U", "", b.u, b.size, ParamSpec.Rule.POSITIVE);
        tauF = ParamSpec.resolve(label, "tau_f", "ms", b.tauF, b.size, ParamSpec.Rule.POSITIVE);
        tauD = ParamSpec.resolve(label, "tau_d", "ms", b.tauD, b.size, ParamSpec.Rule.POSITIVE);
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, b.size, ParamSpec.Rule.POSITIVE);
        a = ParamSpec.resolve(label, "A", "", b.a, b.size, ParamSpec.Rule.FINITE);
        if (BM.any(bigU.get().gt(1)).getBool()) throw new IllegalArgumentException(label + ".U: must be in (0, 1]; got max " + BM.max(bigU.get()).item());
        u = zeroState(b.size);
        x = zeroState(b.size);
        x.fill(1);
        i = zeroState(b.size);
    }

    /** A builder with BrainPy's defaults for {@code size} presynaptic neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** {@code inputs[0]}: this step's presynaptic spikes. */
    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor uu = u.value().mul(BM.exp(BM.divide(-dt, tauF.get()).astype(u.dtype())));
        Tensor xx = BM.onesLike(x.value()).sub(BM.onesLike(x.value()).sub(x.value()).mul(BM.exp(BM.divide(-dt, tauD.get()).astype(x.dtype()))));
        Tensor ii = i.value().mul(BM.exp(BM.divide(-dt, tau.get()).astype(i.dtype())));
        if (inputs.length > 0 && inputs[0] != null) {
            Tensor sp = inputs[0].astype(u.dtype());
            Tensor uNew = uu.add(bigU.get().mul(BM.onesLike(uu).sub(uu)));
            uu = BM.where(sp.gt(0), uNew, uu);
            ii = ii.add(sp.mul(a.get()).mul(uu).mul(xx));
            xx = xx.sub(sp.mul(uu).mul(xx));
        }
        u.set(uu.astype(u.dtype()));
        x.set(xx.astype(x.dtype()));
        i.set(ii.astype(i.dtype()));
        return i.value();
    }

    @Override public Tensor conductance() { return i.value(); }

    @Override public void resetState(int batchSize) {
        resetZero(u, batchSize);
        resetZero(x, batchSize);
        x.fill(1);
        resetZero(i, batchSize);
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object u = 0.15, tauF = 1500.0, tauD = 200.0, tau = 8.0, a = 1.0;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Release probability increment {@code U} (default 0.15). */
        public Builder u(Object v) { this.u = v; return this; }
        /** Facilitation time constant, ms ({@code tau_f}, default 1500). */
        public Builder tauF(Object v) { this.tauF = v; return this; }
        /** Recovery (depression) time constant, ms ({@code tau_d}, default 200). */
        public Builder tauD(Object v) { this.tauD = v; return this; }
        /** Current decay time constant, ms ({@code tau}, default 8). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Absolute efficacy {@code A} (default 1). */
        public Builder a(Object v) { this.a = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public Stp build() { return new Stp(this); }
    }
}
