package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.StepIntegrator;
import org.braindyn.dyn.Synapse;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * NMDA receptors with second-order transmitter kinetics (BrainPy's {@code bp.dyn.BioNMDA}; Devaney's formulation):
 * per presynaptic neuron
 * <pre>
 *   dg/dt = α₁ x (1 − g) − β₁ g
 *   dx/dt = α₂ [T] (1 − x) − β₂ x,      [T] = T for T_duration ms after each presynaptic spike, else 0
 * </pre>
 * integrated together by the chosen method ({@code exp_auto} default). The magnesium block is the output,
 * {@code SynOut.mgBlock(0, 1.2, 0.062, 3.57)}, with {@code g_max} in the communication layer of an
 * {@link org.braindyn.dyn.AlignPreProjection}. BrainPy's defaults: {@code α₁ 2 1/ms, β₁ 0.01 1/ms, α₂ 1 1/(mM·ms),
 * β₂ 0.5 1/ms, T 1 mM, T_duration 0.5 ms}.
 * <pre>{@code BioNmda nmda = BioNmda.builder(E.num()).beta1(0.0066).build();}</pre>
 */
public final class BioNmda extends Synapse {
    /** Open fraction, one per presynaptic neuron. */
    public final Variable g;
    /** Intermediate (transmitter-bound) fraction. */
    public final Variable x;
    /** Time of each presynaptic neuron's last spike, ms. */
    public final Variable tSpike;
    private final Supplier<Tensor> alpha1, beta1, alpha2, beta2, t, tDur;
    private final StepIntegrator integrator;

    private BioNmda(Builder b) {
        super(b.name);
        String label = "BioNMDA" + (b.name == null ? "" : " '" + b.name + "'");
        alpha1 = ParamSpec.resolve(label, "alpha1", "1/ms", b.alpha1, b.size, ParamSpec.Rule.POSITIVE);
        beta1 = ParamSpec.resolve(label, "beta1", "1/ms", b.beta1, b.size, ParamSpec.Rule.POSITIVE);
        alpha2 = ParamSpec.resolve(label, "alpha2", "1/(mM·ms)", b.alpha2, b.size, ParamSpec.Rule.POSITIVE);
        beta2 = ParamSpec.resolve(label, "beta2", "1/ms", b.beta2, b.size, ParamSpec.Rule.POSITIVE);
        t = ParamSpec.resolve(label, "T", "mM", b.t, b.size, ParamSpec.Rule.NON_NEGATIVE);
        tDur = ParamSpec.resolve(label, "T_duration", "ms", b.tDur, b.size, ParamSpec.Rule.POSITIVE);
        g = zeroState(b.size);
        x = zeroState(b.size);
        tSpike = new Variable(never(), null, g.batchAxis());
        integrator = new StepIntegrator(b.method, this::derivative);
    }

    private Tensor never() { return BM.full(Shape.of(g.value().shape().toArray()), -1e7, Config.defaultFloat()); }

    /** A builder with BrainPy's defaults for {@code size} presynaptic neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    private Derivative derivative() {
        return (y, time, p) -> {
            Tensor gg = y[0], xx = y[1];
            return new Tensor[] {
                    alpha1.get().mul(xx).mul(BM.onesLike(gg).sub(gg)).sub(beta1.get().mul(gg)),
                    alpha2.get().mul(p[0]).mul(BM.onesLike(xx).sub(xx)).sub(beta2.get().mul(xx))};
        };
    }

    /** {@code inputs[0]}: this step's presynaptic spikes. */
    @Override public Tensor update(Tensor... inputs) {
        Tensor now = Shared.current().time(tSpike.dtype());
        if (inputs.length > 0 && inputs[0] != null)
            tSpike.set(BM.where(inputs[0].astype(g.dtype()).gt(0), now, tSpike.value()).astype(tSpike.dtype()));
        Tensor conc = BM.less(BM.subtract(now, tSpike.value()), tDur.get()).astype(g.dtype()).mul(t.get());
        Tensor[] next = integrator.step(new Tensor[] {g.value(), x.value()}, conc);
        g.set(next[0].astype(g.dtype()));
        x.set(next[1].astype(x.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    @Override public void resetState(int batchSize) {
        resetZero(g, batchSize);
        resetZero(x, batchSize);
        tSpike.set(never());
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Object alpha1 = 2.0, beta1 = 0.01, alpha2 = 1.0, beta2 = 0.5, t = 1.0, tDur = 0.5;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Opening rate of g per unit x, 1/ms ({@code alpha1}, default 2). */
        public Builder alpha1(Object v) { this.alpha1 = v; return this; }
        /** Closing rate of g, 1/ms ({@code beta1}, default 0.01). */
        public Builder beta1(Object v) { this.beta1 = v; return this; }
        /** Binding rate of x, 1/(mM·ms) ({@code alpha2}, default 1). */
        public Builder alpha2(Object v) { this.alpha2 = v; return this; }
        /** Unbinding rate of x, 1/ms ({@code beta2}, default 0.5). */
        public Builder beta2(Object v) { this.beta2 = v; return this; }
        /** Transmitter concentration during release, mM ({@code T}, default 1). */
        public Builder t(Object v) { this.t = v; return this; }
        /** Release duration, ms ({@code T_duration}, default 0.5). */
        public Builder tDuration(Object v) { this.tDur = v; return this; }

        /** Validates every parameter, naming the synapse, parameter, unit, expected and found. */
        public BioNmda build() { return new BioNmda(this); }
    }
}
