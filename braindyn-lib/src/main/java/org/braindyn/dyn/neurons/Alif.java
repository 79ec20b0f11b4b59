package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Adaptive leaky integrate-and-fire neurons with spike-frequency adaptation (Bellec et al. 2020, the LSNN/e-prop
 * neuron; BrainPy's {@code bp.dyn.ALIFBellec2020}):
 * <pre>
 *   τ dV/dt = −(V − V_rest) + R·I          (mV, ms)
 *   τ_a da/dt = −a
 *   V ≥ V_th + β·a  ⇒  spike, V ← V − (V_th − V_rest), a ← a + 1
 * </pre>
 * The threshold rises by β with every spike and relaxes with τ_a (seconds), so a constant input gives an
 * adapting spike train. The reset subtracts the distance from rest to threshold (Bellec's {@code V ← V − V_th} with
 * rest at 0; BrainPy subtracts {@code V_th} itself, which raises V when the potentials are negative as in its own
 * defaults). During the refractory period after a spike V is held. With a surrogate spike function the spike is
 * {@code spkFun((V − V_th − β a)/(V_th − V_rest))}; {@code eprop(true)} detaches the reset from the gradient
 * (BrainPy's {@code eprop}). Monitor paths {@code "V"}, {@code "a"}.
 * <p>BrainPy's defaults: {@code V_rest −70, V_th −60 mV, R 1, β 1.6, τ 20 ms, τ_a 2000 ms, τ_ref 0}; V starts at
 * −70 mV; a starts at 0 (BrainPy starts it at −50, which puts a default neuron's threshold 80 mV below rest);
 * {@code exp_auto}.
 * <pre>{@code Alif lsnn = Alif.builder(100).vRest(0).vTh(1).beta(0.07).tauA(700).spkFun(new ReluGrad()).build();}</pre>
 */
public final class Alif extends OdeNeuron implements org.braindyn.analysis.Analyzable {
    /** Membrane potential, mV. */
    public final Variable V;
    /** Threshold adaptation (spike count filtered with τ_a). */
    public final Variable a;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    /** Time of each neuron's last spike, ms. */
    public final Variable tLast;
    private final Supplier<Tensor> vRest, vTh, r, beta, tau, tauA, tauRef;
    private final Object vInit, aInit;
    private final boolean eprop;

    private Alif(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun);
        vRest = param("vRest", "mV", bd.vRest, ParamSpec.Rule.FINITE);
        vTh = param("vTh", "mV", bd.vTh, ParamSpec.Rule.FINITE);
        r = param("r", "", bd.r, ParamSpec.Rule.POSITIVE);
        beta = param("beta", "mV", bd.beta, ParamSpec.Rule.NON_NEGATIVE);
        tau = param("tau", "ms", bd.tau, ParamSpec.Rule.POSITIVE);
        tauA = param("tauA", "ms", bd.tauA, ParamSpec.Rule.POSITIVE);
        tauRef = param("tauRef", "ms", bd.tauRef, ParamSpec.Rule.NON_NEGATIVE);
        if (!BM.all(vTh.get().gt(vRest.get())).getBool())
            throw new IllegalArgumentException(label + ".vTh: must be above vRest for every neuron (the reset subtracts vTh − vRest); got vTh "
                    + BM.min(vTh.get()).item() + " mV, vRest " + BM.max(vRest.get()).item() + " mV");
        vInit = bd.vInit;
        aInit = bd.aInit;
        eprop = bd.eprop;
        V = state(initial(vInit, "vInit"));
        a = state(initial(aInit, "aInit"));
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
        tLast = state(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
        registerImplicitVars(Map.of("V", V, "a", a));
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }


    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                y[0].sub(vRest.get()).neg().add(r.get().mul(p[0])).div(tau.get()),
                y[1].neg().div(tauA.get())};
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v0 = V.value(), current = totalInput(v0, inputs.length > 0 ? inputs[0] : null);
        Tensor[] n = integrate(new Tensor[] {v0, a.value()}, current);
        Tensor now = Shared.current().time(tLast.dtype());
        Tensor v = BM.where(BM.lessEqual(BM.subtract(now, tLast.value()), tauRef.get()), v0, withJumps(n[0]));
        Tensor gap = vTh.get().sub(vRest.get()), th = vTh.get().add(beta.get().mul(a.value()));
        Tensor sp = spkFun == null ? v.ge(th) : spkFun.apply(v.sub(th).div(gap));
        Tensor s = sp.astype(v.dtype());
        v = v.sub((eprop ? Autodiff.stopGradient(s) : s).mul(gap));
        V.set(v.astype(V.dtype()));
        a.set(n[1].add(s).astype(a.dtype()));
        tLast.set(BM.where(s.gt(0), now, tLast.value()).astype(tLast.dtype()));
        spike.set(sp.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initial(vInit, "vInit"));
        a.set(initial(aInit, "aInit"));
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
        tLast.set(BM.full(Shape.of(stateShape()), -1e7, Config.defaultFloat()));
    }

    /** The subthreshold dynamics for the analysers: variables {@code V, a}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor vr = fixed(vRest, "vRest"), rr = fixed(r, "r"), ta = fixed(tau, "tau"), tA = fixed(tauA, "tauA");
        return VectorField.of((y, t, p) -> new Tensor[] {y[0].sub(vr).neg().add(p[0].mul(rr)).div(ta), y[1].neg().div(tA)},
                List.of("V", "a"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object vRest = -70.0, vTh = -60.0, r = 1.0, beta = 1.6, tau = 20.0, tauA = 2000.0, tauRef = 0.0, vInit = -70.0, aInit = 0.0;
        private boolean eprop;

        private Builder(int size) { super(size); }

        /** Resting potential, mV ({@code V_rest}, default −70). */
        public Builder vRest(Object v) { this.vRest = v; return this; }
        /** Baseline threshold, mV ({@code V_th}, default −60). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Membrane resistance ({@code R}, default 1). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Threshold increment per unit of adaptation, mV ({@code beta}, default 1.6). */
        public Builder beta(Object v) { this.beta = v; return this; }
        /** Membrane time constant, ms ({@code tau}, default 20). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Adaptation time constant, ms ({@code tau_a}, default 2000). */
        public Builder tauA(Object v) { this.tauA = v; return this; }
        /** Refractory period, ms ({@code tau_ref}, default 0: none). */
        public Builder tauRef(Object v) { this.tauRef = v; return this; }
        /** Initial V, mV (default −70). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial adaptation a (default 0). */
        public Builder aInit(Object v) { this.aInit = v; return this; }
        /** Detach the reset from the gradient (BrainPy's {@code eprop}; default false). */
        public Builder eprop(boolean v) { this.eprop = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Alif build() { return new Alif(this); }
    }
}
