package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Adaptive quadratic integrate-and-fire neurons (BrainPy's {@code bp.dyn.AdQuaIF}):
 * <pre>
 *   τ dV/dt = c (V − V_rest)(V − V_c) − w + I        (mV, ms)
 *   τ_w dw/dt = a (V − V_rest) − w
 *   V ≥ V_th  ⇒  spike, V ← V_reset, w ← w + b
 * </pre>
 * BrainPy's defaults: {@code V_rest −65, V_reset −68, V_th −30, V_c −50 mV, a 1, b 0.1, c 0.07, τ 10, τ_w 10 ms,
 * τ_ref 0}; V starts at V_rest, w at 0; {@code exp_auto}.
 * <pre>{@code AdQuaIF n = AdQuaIF.builder(100).b(0.5).build();}</pre>
 */
public final class AdQuaIF extends ResetNeuron {
    private final Supplier<Tensor> vRest, vC, c, tau, a, tauW;

    private AdQuaIF(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, new Common(b.vTh, b.vReset, b.tauRef, b.startV(), b.wInit), "b", b.b, null);
        vRest = param("vRest", "mV", b.vRest, ParamSpec.Rule.FINITE);
        vC = param("vC", "mV", b.vC, ParamSpec.Rule.FINITE);
        c = param("c", "1/mV", b.c, ParamSpec.Rule.POSITIVE);
        tau = param("tau", "ms", b.tau, ParamSpec.Rule.POSITIVE);
        a = param("a", "", b.a, ParamSpec.Rule.FINITE);
        tauW = param("tauW", "ms", b.tauW, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                QuaIF.dv(y[0], p[0].sub(y[1]), vRest.get(), vC.get(), c.get(), onesLike(tau.get()), tau.get()),
                a.get().mul(y[0].sub(vRest.get())).sub(y[1]).div(tauW.get())};
    }

    /** The subthreshold dynamics for the analysers: variables {@code V, w}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor vr = fixed(vRest, "vRest"), vc = fixed(vC, "vC"), cc = fixed(c, "c"), ta = fixed(tau, "tau"),
                aa = fixed(a, "a"), tw = fixed(tauW, "tauW"), one = scalar(1.0, org.braindyn.tensor.DType.F64);
        return VectorField.of((y, t, p) -> new Tensor[] {
                QuaIF.dv(y[0], p[0].sub(y[1]), vr, vc, cc, one, ta),
                y[0].sub(vr).mul(aa).sub(y[1]).div(tw)}, List.of("V", "w"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends AdaptiveBuilder<Builder> {
        private Object vC = -50.0, c = 0.07;
        private Builder(int size) { super(size, 0, 1, 0.1, 10); }

        /** Critical voltage of the spike initiation, mV ({@code V_c}, default −50). */
        public Builder vC(Object v) { this.vC = v; return this; }
        /** Steepness of the quadratic term, 1/mV ({@code c}, default 0.07). */
        public Builder c(Object v) { this.c = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public AdQuaIF build() { return new AdQuaIF(this); }
    }
}
