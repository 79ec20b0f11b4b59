package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Adaptive exponential integrate-and-fire neurons (Brette &amp; Gerstner 2005; BrainPy's {@code bp.dyn.AdExIF}):
 * <pre>
 *   τ dV/dt = −(V − V_rest) + Δ_T exp((V − V_T)/Δ_T) − R·w + R·I        (mV, ms)
 *   τ_w dw/dt = a (V − V_rest) − w
 *   V ≥ V_th  ⇒  spike, V ← V_reset, w ← w + b
 * </pre>
 * BrainPy's defaults: {@code V_rest −65, V_reset −68, V_th −30, V_T −59.9, Δ_T 3.48 mV, a 1, b 1, τ 10, τ_w 30 ms,
 * R 1, τ_ref 0}; V starts at V_rest, w at 0; {@code exp_auto}.
 * <pre>{@code AdExIF n = AdExIF.builder(100).a(0.5).b(7).tauW(100).build();}</pre>
 */
public final class AdExIF extends ResetNeuron {
    private final Supplier<Tensor> vRest, vT, deltaT, r, tau, a, tauW;

    private AdExIF(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, new Common(b.vTh, b.vReset, b.tauRef, b.startV(), b.wInit), "b", b.b, null);
        vRest = param("vRest", "mV", b.vRest, ParamSpec.Rule.FINITE);
        vT = param("vT", "mV", b.vT, ParamSpec.Rule.FINITE);
        deltaT = param("deltaT", "mV", b.deltaT, ParamSpec.Rule.POSITIVE);
        r = param("r", "", b.r, ParamSpec.Rule.POSITIVE);
        tau = param("tau", "ms", b.tau, ParamSpec.Rule.POSITIVE);
        a = param("a", "", b.a, ParamSpec.Rule.FINITE);
        tauW = param("tauW", "ms", b.tauW, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {
                ExpIF.dv(y[0], p[0].sub(y[1]), vRest.get(), vT.get(), deltaT.get(), r.get(), tau.get()),
                a.get().mul(y[0].sub(vRest.get())).sub(y[1]).div(tauW.get())};
    }

    /** The subthreshold dynamics for the analysers: variables {@code V, w}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor vr = fixed(vRest, "vRest"), vt = fixed(vT, "vT"), dt = fixed(deltaT, "deltaT"), rr = fixed(r, "r"),
                ta = fixed(tau, "tau"), aa = fixed(a, "a"), tw = fixed(tauW, "tauW");
        return VectorField.of((y, t, p) -> new Tensor[] {
                ExpIF.dv(y[0], p[0].sub(y[1]), vr, vt, dt, rr, ta),
                y[0].sub(vr).mul(aa).sub(y[1]).div(tw)}, List.of("V", "w"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends AdaptiveBuilder<Builder> {
        private Object vT = -59.9, deltaT = 3.48;
        private Builder(int size) { super(size, 0, 1, 1, 30); }

        /** Threshold of the exponential term, mV ({@code V_T}, default −59.9). */
        public Builder vT(Object v) { this.vT = v; return this; }
        /** Spike slope factor, mV ({@code delta_T}, default 3.48). */
        public Builder deltaT(Object v) { this.deltaT = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public AdExIF build() { return new AdExIF(this); }
    }
}
