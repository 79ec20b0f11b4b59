package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.init.Initializer;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
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
 * function of the shape or a {@code Variable} (heterogeneous populations). With a refractory period V is held
 * for {@code tauRef} ms after a spike.
 * <pre>{@code
 * Izhikevich rs = Izhikevich.builder(100).a(0.02).b(0.2).c(-65).d(8).build();          // regular spiking
 * Izhikevich fs = Izhikevich.builder(100).a(0.1).d(2).method("rk4").build();           // fast spiking
 * }</pre>
 */
public final class Izhikevich extends OdeNeuron {
    /** Membrane potential, mV. */
    public final Variable V;
    /** Recovery variable. */
    public final Variable u;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    /** Time of each neuron's last spike, ms. */
    public final Variable tLast;
    private final Supplier<Tensor> a, b, c, d, vTh, tauRef;
    private final Object vInit, uInit;

    private Izhikevich(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun);
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
        c = param("c", "mV", bd.c, ParamSpec.Rule.FINITE);
        d = param("d", "", bd.d, ParamSpec.Rule.FINITE);
        vTh = param("vTh", "mV", bd.vTh, ParamSpec.Rule.FINITE);
        tauRef = param("tauRef", "ms", bd.tauRef, ParamSpec.Rule.NON_NEGATIVE);
        vInit = bd.vInit;
        uInit = bd.uInit;
        V = state(initial(vInit, "vInit"));
        u = state(uInit == null ? V.value().mul(b.get()).astype(Config.defaultFloat()) : initial(uInit, "uInit"));
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
        tLast = state(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    private Tensor initial(Object spec, String what) {
        Tensor t = ParamSpec.resolve(label, what, "mV", spec, num(), ParamSpec.Rule.FINITE).get();
        return BM.broadcastTo(t.astype(Config.defaultFloat()), stateShape()).contiguous();
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                y[0].mul(y[0]).mul(0.04).add(y[0].mul(5)).add(140).sub(y[1]).add(p[0]),
                a.get().mul(b.get().mul(y[0]).sub(y[1]))};
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = V.value(), current = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor[] next = integrate(new Tensor[] {v, u.value()}, current);
        Tensor vNew = next[0], uNew = next[1];
        Tensor now = Shared.current().time(tLast.dtype());
        Tensor refractory = BM.lessEqual(BM.subtract(now, tLast.value()), tauRef.get());
        vNew = BM.where(refractory, v, vNew);
        Tensor th = vTh.get();
        Tensor sp = spkFun == null ? vNew.ge(th) : spkFun.apply(vNew.sub(th).div(BM.abs(th.sub(c.get())).add(1e-6)));
        Tensor spF = sp.astype(vNew.dtype());
        Tensor vAfter = spkFun == null ? BM.where(sp, BM.broadcastTo(c.get().astype(vNew.dtype()), vNew.shape().toArray()), vNew)
                : vNew.add(spF.mul(c.get().sub(Autodiff.stopGradient(vNew))));
        V.set(vAfter.astype(V.dtype()));
        u.set(uNew.add(spF.mul(d.get())).astype(u.dtype()));
        tLast.set(BM.where(spF.gt(0), now, tLast.value()).astype(tLast.dtype()));
        spike.set(spkFun == null ? sp : spF.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initial(vInit, "vInit"));
        u.set(uInit == null ? V.value().mul(b.get()).astype(Config.defaultFloat()) : initial(uInit, "uInit"));
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
        tLast.set(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    /**
     * The subthreshold dynamics as a {@link VectorField} for the analysers (variables {@code V, u}, parameter
     * {@code I}), with this population's parameters, which must be the same for every neuron.
     */
    public VectorField vectorField() {
        double pa = homogeneous(a, "a"), pb = homogeneous(b, "b");
        return VectorField.of((y, t, p) -> new Tensor[] {
                y[0].mul(y[0]).mul(0.04).add(y[0].mul(5)).add(140).sub(y[1]).add(p[0]),
                y[0].mul(pb).sub(y[1]).mul(pa)}, List.of("V", "u"), List.of("I"));
    }

    private double homogeneous(Supplier<Tensor> p, String pname) {
        Tensor t = p.get();
        if (BM.max(t).item() != BM.min(t).item())
            throw new IllegalStateException(label + ".vectorField: parameter " + pname + " differs between neurons; analyse one value at a time");
        return t.reshape(-1).getDouble(0);
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Surrogate spkFun;
        private Object a = 0.02, b = 0.2, c = -65.0, d = 8.0, vTh = 30.0, tauRef = 0.0, vInit = -70.0, uInit;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
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
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code euler}, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Surrogate spike function for training (default none: boolean spikes). */
        public Builder spkFun(Surrogate spkFun) { this.spkFun = spkFun; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Izhikevich build() { return new Izhikevich(this); }
    }
}
