package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.init.Initializer;
import org.braindyn.init.Params;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Izhikevich neurons (BrainPy's {@code bp.dyn.Izhikevich}):
 * <pre>
 *   dV/dt = 0.04 V² + 5 V + 140 − u + I        (mV, ms)
 *   du/dt = a (b V − u)
 *   V ≥ V_th  ⇒  spike, V ← c, u ← u + d
 * </pre>
 * BrainPy's defaults: {@code a 0.02, b 0.2, c −65 mV, d 8, V_th 30 mV, tau_ref 0 ms}, V starts at −70 mV and u at
 * {@code b·V}; integration {@code exp_auto}. Every parameter may be a number, per-neuron values, an initializer, a
 * function of the shape or a {@code Variable} (heterogeneous populations). The recovery variable is {@link #w}
 * (BrainPy's {@code u}).
 * <pre>{@code
 * Izhikevich rs = Izhikevich.builder(100).a(0.02).b(0.2).c(-65).d(8).build();          // regular spiking
 * Izhikevich fs = Izhikevich.builder(100).a(0.1).d(2).method("rk4").build();           // fast spiking
 * }</pre>
 */
public final class Izhikevich extends ResetNeuron {
    private final Supplier<Tensor> a, b;

    private Izhikevich(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun, new Common(bd.vTh, bd.c, bd.tauRef, bd.vInit, bd.uInit), "d", bd.d,
                v0 -> v0.mul((bd.b instanceof org.braindyn.state.Variable vb ? vb.value() : Params.init(bd.b, bd.size)).astype(v0.dtype())));
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                y[0].mul(y[0]).mul(0.04).add(y[0].mul(5)).add(140).sub(y[1]).add(p[0]),
                a.get().mul(b.get().mul(y[0]).sub(y[1]))};
    }

    /** The subthreshold dynamics for the analysers: variables {@code V, u}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        double pa = homogeneous(a, "a"), pb = homogeneous(b, "b");
        return VectorField.of((y, t, p) -> new Tensor[] {
                y[0].mul(y[0]).mul(0.04).add(y[0].mul(5)).add(140).sub(y[1]).add(p[0]),
                y[0].mul(pb).sub(y[1]).mul(pa)}, List.of("V", "u"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object a = 0.02, b = 0.2, c = -65.0, d = 8.0, vTh = 30.0, tauRef = 0.0, vInit = -70.0, uInit;

        private Builder(int size) { super(size); }

        /** Time scale of the recovery variable (BrainPy {@code a}, default 0.02). */
        public Builder a(Object a) { this.a = a; return this; }
        /** Sensitivity of the recovery variable to V ({@code b}, default 0.2). */
        public Builder b(Object b) { this.b = b; return this; }
        /** After-spike reset of V, mV ({@code c}, default −65). */
        public Builder c(Object c) { this.c = c; return this; }
        /** After-spike increment of u ({@code d}, default 8). */
        public Builder d(Object d) { this.d = d; return this; }
        /** Spike threshold (peak), mV ({@code V_th}, default 30). */
        public Builder vTh(Object vTh) { this.vTh = vTh; return this; }
        /** Refractory period, ms ({@code tau_ref}, default 0). */
        public Builder tauRef(Object tauRef) { this.tauRef = tauRef; return this; }
        /** Initial V, mV (number, values or {@link Initializer}; default −70). */
        public Builder vInit(Object vInit) { this.vInit = vInit; return this; }
        /** Initial u (default {@code b·V₀}). */
        public Builder uInit(Object uInit) { this.uInit = uInit; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Izhikevich build() { return new Izhikevich(this); }
    }
}
