package org.braindyn.dyn.neurons;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.channels.Channel;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * A conductance-based neuron assembled from ion channels (BrainPy's {@code bp.dyn.CondNeuGroup}):
 * <pre>
 *   C dV/dt = Σ_c I_c(V, gates_c) + I          (mV, ms, µF/cm², µA/cm²)
 * </pre>
 * each channel adding its gates, integrated together with V by the chosen method ({@code exp_auto}: exponential
 * Euler for every variable, the usual choice for gates); gates start at their steady state for the initial V. A
 * spike is an upward crossing of {@code V_th}. Monitor paths: {@code "V"} and {@code "CHANNEL_GATE"} (e.g.
 * {@code "INa_m"}). Currents are per unit area (no area parameter: give synaptic and external currents in µA/cm²
 * and conductances in mS/cm²).
 * <p>Defaults: {@code C 1 µF/cm², V_th 0 mV} (BrainPy's), V starts at −65 mV; {@code exp_auto}.
 * <pre>{@code
 * CondNeuGroup hh = CondNeuGroup.builder(100)
 *         .channels(Sodium.hh1952().build(), Potassium.hh1952().gMax(36).e(-77).build(), Leak.il().gMax(0.03).e(-54.387).build())
 *         .vTh(20).build();                                   // the classic squid axon, as HH
 * }</pre>
 */
public final class CondNeuGroup extends CrossingNeuron {
    private final List<Channel> channels;
    private final int[] offsets;
    private final Supplier<Tensor> cm;

    private CondNeuGroup(Builder b) {
        List<Channel> chs = List.copyOf(b.channels);
        String owner = "CondNeuGroup" + (b.name == null ? "" : " '" + b.name + "'");
        if (chs.isEmpty()) throw new IllegalArgumentException(owner + ".channels: at least one channel is required (e.g. Leak.il().build())");
        var seen = new HashSet<String>();
        for (Channel c : chs) if (!seen.add(c.name())) throw new IllegalArgumentException(owner + ".channels: two channels are named '" + c.name() + "'; give each a unique name");
        for (Channel c : chs) c.bind(owner, b.size);
        Tensor v0 = ParamSpec.resolve(owner, "vInit", "mV", b.vInit, b.size, ParamSpec.Rule.FINITE).get();
        List<String> names = new ArrayList<>(List.of("V"));
        List<Object> inits = new ArrayList<>(List.of(v0));   // resolved once: the gates' steady state is for this very V
        for (Channel c : chs) {
            Tensor[] ss = c.steadyState(v0);
            for (int k = 0; k < ss.length; k++) { names.add(c.name() + "_" + c.gates().get(k)); inits.add(ss[k]); }
        }
        super(b.name, b.size, b.method, b.spkFun, b.vTh, names, inits.toArray());
        channels = chs;
        offsets = new int[chs.size() + 1];
        offsets[0] = 1;
        for (int i = 0; i < chs.size(); i++) offsets[i + 1] = offsets[i] + chs.get(i).gates().size();
        cm = param("C", "µF/cm²", b.c, ParamSpec.Rule.POSITIVE);
    }

    /** A builder for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** Membrane potential, mV. */
    public Variable V() { return variable("V"); }

    /** The channels, in order. */
    public List<Channel> channels() { return channels; }

    @Override Derivative derivative() {
        return (y, t, p) -> {
            Tensor v = y[0], total = p[0];
            Tensor[] out = new Tensor[y.length];
            for (int i = 0; i < channels.size(); i++) {
                Channel c = channels.get(i);
                Tensor[] g = java.util.Arrays.copyOfRange(y, offsets[i], offsets[i + 1]);
                total = total.add(c.current(v, g));
                Tensor[] d = c.derivative(v, g);
                System.arraycopy(d, 0, out, offsets[i], d.length);
            }
            out[0] = total.div(cm.get().astype(v.dtype()));
            return out;
        };
    }

    /** The full dynamics (V and every gate) for the analysers; meaningful for a group of one neuron or homogeneous parameters. */
    @Override org.braindyn.integrators.Derivative homogeneousDerivative() { return derivative(); }

    /** Named parameters. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private final List<Channel> channels = new ArrayList<>();
        private Object c = 1.0, vTh = 0.0, vInit = -65.0;

        private Builder(int size) { super(size); }

        /** The ion channels (each with a unique name). */
        public Builder channels(Channel... cs) { channels.addAll(List.of(cs)); return this; }
        /** Membrane capacitance, µF/cm² (default 1). */
        public Builder c(Object v) { this.c = v; return this; }
        /** Spike threshold (upward crossing), mV (default 0). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V, mV (default −65; gates start at their steady state there). */
        public Builder vInit(Object v) { this.vInit = v; return this; }

        /** Binds the channels and validates every parameter. */
        public CondNeuGroup build() { return new CondNeuGroup(this); }
    }
}
