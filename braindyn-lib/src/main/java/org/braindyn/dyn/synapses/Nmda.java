package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.StepIntegrator;
import org.braindyn.dyn.Synapse;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * NMDA receptor kinetics (BrainPy's {@code bp.dyn.NMDA}): per presynaptic neuron
 * <pre>
 *   dg/dt = −g/τ_decay + a·x·(1 − g),    dx/dt = −x/τ_rise,    a presynaptic spike adds 1 to x
 * </pre>
 * integrated by the chosen method (BrainPy's {@code exp_auto} default), the spike added after the step. The
 * magnesium block is the output: {@code SynOut.mgBlock(E 0, [Mg] 1.2, α 0.062, β 3.57)}, with {@code g_max 0.15} in
 * the communication layer of an {@link org.braindyn.dyn.AlignPreProjection}. Defaults {@code τ_decay 100 ms,
 * a 0.5 1/ms, τ_rise 2 ms}.
 */
public final class Nmda extends Synapse {
    /** Open fraction, one per presynaptic neuron. */
    public final Variable g;
    /** Glutamate-bound fraction driving g. */
    public final Variable x;
    private final Supplier<Tensor> tauDecay, a, tauRise;
    private final StepIntegrator integrator;

    private Nmda(Builder b) {
        super(b.name);
        String label = "NMDA" + (b.name == null ? "" : " '" + b.name + "'");
        tauDecay = ParamSpec.resolve(label, "tau_decay", "ms", b.tauDecay, b.size, ParamSpec.Rule.POSITIVE);
        a = ParamSpec.resolve(label, "a", "1/ms", b.a, b.size, ParamSpec.Rule.NON_NEGATIVE);
        tauRise = ParamSpec.resolve(label, "tau_rise", "ms", b.tauRise, b.size, ParamSpec.Rule.POSITIVE);
        g = zeroState(b.size);
        x = zeroState(b.size);
        integrator = new StepIntegrator(b.method, this::derivative);
    }

    /** A builder with BrainPy's defaults for {@code size} presynaptic neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    private Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                y[0].neg().div(tauDecay.get()).add(a.get().mul(y[1]).mul(BM.onesLike(y[0]).sub(y[0]))),
                y[1].neg().div(tauRise.get())};
    }

    /** {@code inputs[0]}: this step's presynaptic spikes. */
    @Override public Tensor update(Tensor... inputs) {
        Tensor[] next = integrator.step(new Tensor[] {g.value(), x.value()});
        Tensor xNew = next[1];
        if (inputs.length > 0 && inputs[0] != null) xNew = xNew.add(inputs[0].astype(x.dtype()));
        g.set(next[0].astype(g.dtype()));
        x.set(xNew.astype(x.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    @Override public void resetState(int batchSize) {
        resetZero(g, batchSize);
        resetZero(x, batchSize);
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Object tauDecay = 100.0, a = 0.5, tauRise = 2.0;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Decay time constant of g, ms ({@code tau_decay}, default 100). */
        public Builder tauDecay(Object v) { this.tauDecay = v; return this; }
        /** Rate of g's rise per bound transmitter, 1/ms ({@code a}, default 0.5). */
        public Builder a(Object v) { this.a = v; return this; }
        /** Decay time constant of x, ms ({@code tau_rise}, default 2). */
        public Builder tauRise(Object v) { this.tauRise = v; return this; }

        /** Validates every parameter. */
        public Nmda build() { return new Nmda(this); }
    }
}
