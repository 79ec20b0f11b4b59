package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.surrogate.Surrogate;
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
        super(b.name, b.size, b.method, b.spkFun, new Common(b.vTh, b.vReset, b.tauRef, b.vInit == null ? b.vRest : b.vInit, b.wInit), "b", b.b, null);
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
    public VectorField vectorField() {
        double vr = homogeneous(vRest, "vRest"), vt = homogeneous(vT, "vT"), dt = homogeneous(deltaT, "deltaT"), rr = homogeneous(r, "r"),
                ta = homogeneous(tau, "tau"), aa = homogeneous(a, "a"), tw = homogeneous(tauW, "tauW");
        return VectorField.of((y, t, p) -> new Tensor[] {
                ExpIF.dv(y[0], p[0].sub(y[1]), scalar(vr, org.braindyn.tensor.DType.F64), scalar(vt, org.braindyn.tensor.DType.F64), scalar(dt, org.braindyn.tensor.DType.F64), scalar(rr, org.braindyn.tensor.DType.F64), scalar(ta, org.braindyn.tensor.DType.F64)),
                y[0].sub(vr).mul(aa).sub(y[1]).div(tw)}, List.of("V", "w"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Surrogate spkFun;
        private Object vRest = -65.0, vReset = -68.0, vTh = -30.0, vT = -59.9, deltaT = 3.48, r = 1.0, tau = 10.0, tauRef = 0.0, vInit;
        private Object a = 1.0, b = 1.0, tauW = 30.0, wInit;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Resting potential, mV ({@code V_rest}, default −65). */
        public Builder vRest(Object v) { this.vRest = v; return this; }
        /** Reset potential, mV ({@code V_reset}, default −68). */
        public Builder vReset(Object v) { this.vReset = v; return this; }
        /** Spike threshold, mV ({@code V_th}, default −30). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Membrane time constant, ms ({@code tau}, default 10). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Membrane resistance ({@code R}, default 1). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Refractory period, ms ({@code tau_ref}, default 0). */
        public Builder tauRef(Object v) { this.tauRef = v; return this; }
        /** Initial V, mV (default V_rest). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code euler}, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Surrogate spike function for training (default none: boolean spikes). */
        public Builder spkFun(Surrogate spkFun) { this.spkFun = spkFun; return this; }
        /** Threshold of the exponential term, mV ({@code V_T}, default −59.9). */
        public Builder vT(Object v) { this.vT = v; return this; }
        /** Spike slope factor, mV ({@code delta_T}, default 3.48). */
        public Builder deltaT(Object v) { this.deltaT = v; return this; }
        /** Subthreshold adaptation coupling ({@code a}, default 1). */
        public Builder a(Object v) { this.a = v; return this; }
        /** Spike-triggered adaptation increment ({@code b}, default 1). */
        public Builder b(Object v) { this.b = v; return this; }
        /** Adaptation time constant, ms ({@code tau_w}, default 30). */
        public Builder tauW(Object v) { this.tauW = v; return this; }
        /** Initial w (default 0). */
        public Builder wInit(Object v) { this.wInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public AdExIF build() { return new AdExIF(this); }
    }
}
