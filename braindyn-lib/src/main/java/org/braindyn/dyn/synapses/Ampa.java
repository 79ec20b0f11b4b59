package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * AMPA (and, with other defaults, GABA_A) receptor kinetics (Destexhe et al. 1994; BrainPy's {@code bp.dyn.AMPA},
 * {@code bp.dyn.GABAa}): the open fraction
 * <pre>
 *   dg/dt = α [T] (1 − g) − β g,    [T] = T for T_duration ms after each presynaptic spike, else 0
 * </pre>
 * integrated exactly over each step (the equation is linear in g with [T] constant over a step). One state per
 * presynaptic neuron: the kinetics depend only on that neuron's spikes, so every synapse it makes has the same
 * state; use it in an {@link org.braindyn.dyn.AlignPreProjection} with a graded communication layer
 * ({@code Comm.csr(conn, gMax)}) and {@code SynOut.coba(E)}. AMPA defaults: {@code α 0.98, β 0.18, T 0.5 mM,
 * T_duration 0.5 ms} ({@code g_max 0.42, E 0 mV} belong to the projection); GABA_A: {@code α 0.53, β 0.18, T 1,
 * T_duration 1} ({@code g_max 0.04, E −80}).
 * <pre>{@code
 * Ampa ampa = Ampa.builder(E.num()).build();
 * AlignPreProjection e2i = AlignPreProjection.synapseThenDelay("E2I", E, ampa, 0, Comm.csr(conn, BM.scalar(0.42)), SynOut.coba(0), I);
 * }</pre>
 */
public final class Ampa extends Synapse {
    /** Open fraction, one per presynaptic neuron. */
    public final Variable g;
    /** Time of each presynaptic neuron's last spike, ms. */
    public final Variable tSpike;
    private final Supplier<Tensor> alpha, beta, t, tDur;

    private Ampa(Builder b) {
        super(b.name);
        String label = (b.gaba ? "GABAa" : "AMPA") + (b.name == null ? "" : " '" + b.name + "'");
        alpha = ParamSpec.resolve(label, "alpha", "1/(mM·ms)", b.alpha, b.size, ParamSpec.Rule.POSITIVE);
        beta = ParamSpec.resolve(label, "beta", "1/ms", b.beta, b.size, ParamSpec.Rule.POSITIVE);
        t = ParamSpec.resolve(label, "T", "mM", b.t, b.size, ParamSpec.Rule.NON_NEGATIVE);
        tDur = ParamSpec.resolve(label, "T_duration", "ms", b.tDur, b.size, ParamSpec.Rule.POSITIVE);
        g = zeroState(b.size);
        tSpike = new Variable(BM.full(Shape.of(g.value().shape().toArray()), -1e7, Config.defaultFloat()), null, g.batchAxis());
    }

    /** AMPA with BrainPy's defaults for {@code size} presynaptic neurons. */
    public static Builder builder(int size) { return new Builder(size, false); }

    /** GABA_A: the same kinetics with BrainPy's GABAa defaults (α 0.53, β 0.18, T 1 mM, T_duration 1 ms). */
    public static Builder gabaA(int size) { return new Builder(size, true); }

    /** {@code inputs[0]}: this step's presynaptic spikes. */
    @Override public Tensor update(Tensor... inputs) {
        Shared s = Shared.current();
        Tensor now = s.time(tSpike.dtype());
        if (inputs.length > 0 && inputs[0] != null)
            tSpike.set(BM.where(inputs[0].astype(g.dtype()).gt(0), now, tSpike.value()).astype(tSpike.dtype()));
        Tensor released = BM.less(BM.subtract(now, tSpike.value()), tDur.get()).astype(g.dtype());
        Tensor on = alpha.get().mul(t.get()).mul(released);                  // α[T]
        Tensor rate = on.add(beta.get()), gInf = on.div(rate);
        Tensor decay = BM.exp(rate.mul(-s.dt()));
        g.set(gInf.add(g.value().sub(gInf).mul(decay)).astype(g.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    @Override public void resetState(int batchSize) {
        resetZero(g, batchSize);
        tSpike.set(BM.full(Shape.of(g.value().shape().toArray()), -1e7, Config.defaultFloat()));
    }

    /** Named kinetic parameters; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private final boolean gaba;
        private String name;
        private Object alpha, beta = 0.18, t, tDur;

        private Builder(int size, boolean gaba) {
            this.size = size;
            this.gaba = gaba;
            alpha = gaba ? 0.53 : 0.98;
            t = gaba ? 1.0 : 0.5;
            tDur = gaba ? 1.0 : 0.5;
        }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Binding rate, 1/(mM·ms) ({@code alpha}). */
        public Builder alpha(Object v) { this.alpha = v; return this; }
        /** Unbinding rate, 1/ms ({@code beta}, default 0.18). */
        public Builder beta(Object v) { this.beta = v; return this; }
        /** Transmitter concentration during release, mM ({@code T}). */
        public Builder t(Object v) { this.t = v; return this; }
        /** Release duration, ms ({@code T_duration}). */
        public Builder tDuration(Object v) { this.tDur = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public Ampa build() { return new Ampa(this); }
    }
}
