package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Generalized integrate-and-fire neurons (Mihalas &amp; Niebur 2009; BrainPy's {@code bp.dyn.Gif}): a leaky membrane
 * with two spike-induced currents and a dynamic threshold.
 * <pre>
 *   dI₁/dt = −k₁ I₁,   dI₂/dt = −k₂ I₂                                      (ms⁻¹)
 *   dΘ/dt = a (V − V_rest) − b (Θ − Θ_∞)
 *   τ dV/dt = −(V − V_rest) + R (I + I₁ + I₂)                               (mV, ms)
 *   V ≥ Θ  ⇒  spike, V ← V_reset, I₁ ← R₁ I₁ + A₁, I₂ ← R₂ I₂ + A₂, Θ ← max(Θ, Θ_reset)
 * </pre>
 * The four variables are integrated together by the chosen method and the spike is tested after the step, against
 * the threshold after the step. With a surrogate spike function the spike is {@code spkFun(V − Θ)} and the resets
 * are applied as {@code x ← x + s·(x_reset − x)}. Monitor paths: {@code "V"}, {@code "Vth"}, {@code "I1"}, {@code "I2"}.
 * <p>BrainPy's defaults: {@code V_rest −70, V_reset −70, Θ_∞ −50, Θ_reset −60 mV, R 20, τ 20 ms, a 0, b 0.01,
 * k₁ 0.2, k₂ 0.02, R₁ 0, R₂ 1, A₁ 0, A₂ 0}; V starts at −70 mV, Θ at −50 mV, I₁ and I₂ at 0; {@code exp_auto}.
 * Different parameter sets give the twenty firing behaviours of Mihalas &amp; Niebur (tonic spiking, adaptation,
 * bursting, …).
 * <pre>{@code
 * Gif tonic = Gif.builder(10).build();                                   // tonic spiking for I = 1.5
 * Gif adapting = Gif.builder(10).a(0.005).a2(-0.6).build();              // spike-frequency adaptation
 * }</pre>
 */
public final class Gif extends OdeNeuron implements org.braindyn.analysis.Analyzable {
    /** Membrane potential, mV. */
    public final Variable V;
    /** The dynamic threshold Θ, mV. */
    public final Variable vTh;
    /** Spike-induced currents. */
    public final Variable i1, i2;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    private final Supplier<Tensor> vRest, vReset, thInf, thReset, r, tau, a, b, k1, k2, r1, r2, a1, a2;
    private final Object vInit, thInit, i1Init, i2Init;

    private Gif(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun);
        vRest = param("vRest", "mV", bd.vRest, ParamSpec.Rule.FINITE);
        vReset = param("vReset", "mV", bd.vReset, ParamSpec.Rule.FINITE);
        thInf = param("vThInf", "mV", bd.vThInf, ParamSpec.Rule.FINITE);
        thReset = param("vThReset", "mV", bd.vThReset, ParamSpec.Rule.FINITE);
        r = param("r", "", bd.r, ParamSpec.Rule.POSITIVE);
        tau = param("tau", "ms", bd.tau, ParamSpec.Rule.POSITIVE);
        a = param("a", "1/ms", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "1/ms", bd.b, ParamSpec.Rule.NON_NEGATIVE);
        k1 = param("k1", "1/ms", bd.k1, ParamSpec.Rule.NON_NEGATIVE);
        k2 = param("k2", "1/ms", bd.k2, ParamSpec.Rule.NON_NEGATIVE);
        r1 = param("r1", "", bd.r1, ParamSpec.Rule.FINITE);
        r2 = param("r2", "", bd.r2, ParamSpec.Rule.FINITE);
        a1 = param("a1", "", bd.a1, ParamSpec.Rule.FINITE);
        a2 = param("a2", "", bd.a2, ParamSpec.Rule.FINITE);
        vInit = bd.vInit;
        thInit = bd.vThInit;
        i1Init = bd.i1Init;
        i2Init = bd.i2Init;
        V = state(initial(vInit, "vInit"));
        vTh = state(initial(thInit, "vThInit"));
        i1 = state(initial(i1Init, "i1Init"));
        i2 = state(initial(i2Init, "i2Init"));
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
        registerImplicitVars(Map.of("V", V, "Vth", vTh, "I1", i1, "I2", i2));
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }


    /** State order: I₁, I₂, Θ, V; {@code p[0]} the input current. */
    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                y[0].mul(k1.get()).neg(),
                y[1].mul(k2.get()).neg(),
                a.get().mul(y[3].sub(vRest.get())).sub(b.get().mul(y[2].sub(thInf.get()))),
                y[3].sub(vRest.get()).neg().add(r.get().mul(p[0].add(y[0]).add(y[1]))).div(tau.get())};
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor current = totalInput(V.value(), inputs.length > 0 ? inputs[0] : null);
        Tensor[] n = integrate(new Tensor[] {i1.value(), i2.value(), vTh.value(), V.value()}, current);
        Tensor nI1 = n[0], nI2 = n[1], th = n[2], v = withJumps(n[3]);
        Tensor sI1 = r1.get().mul(nI1).add(a1.get()), sI2 = r2.get().mul(nI2).add(a2.get()), thR = BM.maximum(th, thReset.get().astype(th.dtype()));
        Tensor sp;
        if (spkFun == null) {
            sp = v.ge(th);
            v = BM.where(sp, BM.broadcastTo(vReset.get().astype(v.dtype()), v.shape().toArray()), v);
            nI1 = BM.where(sp, sI1, nI1);
            nI2 = BM.where(sp, sI2, nI2);
            th = BM.where(sp, thR, th);
        } else {
            sp = spkFun.apply(v.sub(th));
            Tensor s = sp.astype(v.dtype());
            v = v.add(s.mul(vReset.get().sub(Autodiff.stopGradient(v))));
            nI1 = nI1.add(s.mul(sI1.sub(nI1)));
            nI2 = nI2.add(s.mul(sI2.sub(nI2)));
            th = th.add(s.mul(thR.sub(th)));
        }
        V.set(v.astype(V.dtype()));
        vTh.set(th.astype(vTh.dtype()));
        i1.set(nI1.astype(i1.dtype()));
        i2.set(nI2.astype(i2.dtype()));
        spike.set(sp.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        V.set(initial(vInit, "vInit"));
        vTh.set(initial(thInit, "vThInit"));
        i1.set(initial(i1Init, "i1Init"));
        i2.set(initial(i2Init, "i2Init"));
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
    }

    /** The subthreshold dynamics for the analysers: variables {@code I1, I2, Vth, V}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor vr = fixed(vRest, "vRest"), ti = fixed(thInf, "vThInf"), rr = fixed(r, "r"), ta = fixed(tau, "tau"), aa = fixed(a, "a"),
                bb = fixed(b, "b"), c1 = fixed(k1, "k1"), c2 = fixed(k2, "k2");
        return VectorField.of((y, t, p) -> new Tensor[] {
                y[0].mul(c1).neg(), y[1].mul(c2).neg(),
                y[3].sub(vr).mul(aa).sub(y[2].sub(ti).mul(bb)),
                y[3].sub(vr).neg().add(p[0].add(y[0]).add(y[1]).mul(rr)).div(ta)}, List.of("I1", "I2", "Vth", "V"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object vRest = -70.0, vReset = -70.0, vThInf = -50.0, vThReset = -60.0, r = 20.0, tau = 20.0, a = 0.0, b = 0.01,
                k1 = 0.2, k2 = 0.02, r1 = 0.0, r2 = 1.0, a1 = 0.0, a2 = 0.0, vInit = -70.0, vThInit = -50.0, i1Init = 0.0, i2Init = 0.0;

        private Builder(int size) { super(size); }

        /** Resting potential, mV ({@code V_rest}, default −70). */
        public Builder vRest(Object v) { this.vRest = v; return this; }
        /** Reset potential, mV ({@code V_reset}, default −70). */
        public Builder vReset(Object v) { this.vReset = v; return this; }
        /** Resting threshold Θ_∞, mV ({@code V_th_inf}, default −50). */
        public Builder vThInf(Object v) { this.vThInf = v; return this; }
        /** Lowest threshold after a spike Θ_reset, mV ({@code V_th_reset}, default −60). */
        public Builder vThReset(Object v) { this.vThReset = v; return this; }
        /** Membrane resistance ({@code R}, default 20). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Membrane time constant, ms ({@code tau}, default 20). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Threshold adaptation to V, 1/ms ({@code a}, default 0). */
        public Builder a(Object v) { this.a = v; return this; }
        /** Threshold relaxation rate, 1/ms ({@code b}, default 0.01). */
        public Builder b(Object v) { this.b = v; return this; }
        /** Decay rate of I₁, 1/ms ({@code k1}, default 0.2). */
        public Builder k1(Object v) { this.k1 = v; return this; }
        /** Decay rate of I₂, 1/ms ({@code k2}, default 0.02). */
        public Builder k2(Object v) { this.k2 = v; return this; }
        /** Multiplier of I₁ at a spike ({@code R1}, default 0). */
        public Builder r1(Object v) { this.r1 = v; return this; }
        /** Multiplier of I₂ at a spike ({@code R2}, default 1). */
        public Builder r2(Object v) { this.r2 = v; return this; }
        /** Increment of I₁ at a spike ({@code A1}, default 0). */
        public Builder a1(Object v) { this.a1 = v; return this; }
        /** Increment of I₂ at a spike ({@code A2}, default 0). */
        public Builder a2(Object v) { this.a2 = v; return this; }
        /** Initial V, mV (default −70). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial threshold Θ, mV (default −50). */
        public Builder vThInit(Object v) { this.vThInit = v; return this; }
        /** Initial I₁ and I₂ (default 0 and 0). */
        public Builder currentsInit(Object i1, Object i2) { this.i1Init = i1; this.i2Init = i2; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public Gif build() { return new Gif(this); }
    }
}
