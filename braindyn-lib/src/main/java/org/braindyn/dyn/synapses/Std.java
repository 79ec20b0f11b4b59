package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.Synapse;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Short-term depression (BrainPy's {@code bp.dyn.STD}, {@code bp.synplast.STD}): the fraction of available resources
 * {@code x} of each presynaptic neuron recovers and is depleted by every spike,
 * <pre>
 *   dx/dt = (1 − x)/τ                 (decayed exactly each step)
 *   on a presynaptic spike:  x ← x − U·x⁻        (x⁻: the value before the step)
 * </pre>
 * and scales the spikes it passes on: the wrapped synapse receives {@code s·x} (the efficacy after depletion, as in
 * BrainPy), so a train of spikes drives it less and less. BrainPy's defaults: {@code τ 200 ms, U 0.07}; x starts at
 * 1. Use it as the synapse of an {@link org.braindyn.dyn.AlignPreProjection} (one state per presynaptic neuron)
 * wrapped around any presynaptic-aligned synapse dynamics, e.g. an {@link org.braindyn.dyn.synapses.Expon} of the
 * presynaptic size:
 * <pre>{@code
 * Std std = Std.builder(pre.num()).tau(500).u(0.2).build(Expon.builder(pre.num()).tau(5).build());
 * AlignPreProjection p = AlignPreProjection.synapseThenDelay("E2I", pre, std, 0, Comm.csr(conn, BM.scalar(0.6)), SynOut.coba(0), post);
 * }</pre>
 */
public final class Std extends Synapse {
    /** Fraction of available resources, one per presynaptic neuron. */
    public final Variable x;
    /** The synapse dynamics that receive the depressed spikes. */
    public final Synapse inner;
    private final Supplier<Tensor> tau, bigU;

    private Std(Builder b, Synapse inner) {
        super(b.name);
        String label = "STD" + (b.name == null ? "" : " '" + b.name + "'");
        if (inner == null) throw new IllegalArgumentException(label + ".inner: the synapse dynamics to drive are required");
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, b.size, ParamSpec.Rule.POSITIVE);
        bigU = ParamSpec.resolve(label, "U", "", b.u, b.size, ParamSpec.Rule.POSITIVE);
        if (BM.any(bigU.get().gt(1)).getBool()) throw new IllegalArgumentException(label + ".U: must be in (0, 1]; got max " + BM.max(bigU.get()).item());
        if (inner.conductance().shape().dim(-1) != b.size)
            throw new IllegalArgumentException(label + ".inner: " + inner + " has " + inner.conductance().shape().dim(-1) + " states; expected one per presynaptic neuron ("
                    + b.size + ")");
        this.inner = inner;
        x = zeroState(b.size);
        x.fill(1);
    }

    /** A builder with BrainPy's defaults for {@code size} presynaptic neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** {@code inputs[0]}: this step's presynaptic spikes. */
    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor old = x.value(), one = BM.onesLike(old);
        Tensor xx = one.sub(one.sub(old).mul(BM.exp(BM.divide(-dt, tau.get()).astype(old.dtype()))));
        Tensor passed = null;
        if (inputs.length > 0 && inputs[0] != null) {
            Tensor sp = inputs[0].astype(old.dtype());
            xx = xx.sub(sp.mul(bigU.get().astype(old.dtype())).mul(old));
            passed = sp.mul(xx);
        }
        x.set(xx.astype(x.dtype()));
        return inner.update(passed);
    }

    @Override public Tensor conductance() { return inner.conductance(); }

    @Override public void resetState(int batchSize) {
        resetZero(x, batchSize);
        x.fill(1);
        inner.resetState(batchSize);
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name;
        private Object tau = 200.0, u = 0.07;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Recovery time constant, ms ({@code tau}, default 200). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Fraction of the resources each spike uses ({@code U}, default 0.07). */
        public Builder u(Object v) { this.u = v; return this; }

        /** Validates every parameter and wraps {@code inner}, which receives the depressed spikes. */
        public Std build(Synapse inner) { return new Std(this, inner); }
    }
}
