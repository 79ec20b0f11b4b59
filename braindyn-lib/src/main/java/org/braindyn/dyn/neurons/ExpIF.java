package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Exponential integrate-and-fire neurons (Fourcaud-Trocmé et al. 2003; BrainPy's {@code bp.dyn.ExpIF}):
 * <pre>
 *   τ dV/dt = −(V − V_rest) + Δ_T exp((V − V_T)/Δ_T) + R·I        (mV, ms)
 *   V ≥ V_th  ⇒  spike, V ← V_reset, V held for τ_ref
 * </pre>
 * BrainPy's defaults: {@code V_rest −65, V_reset −68, V_th −30, V_T −59.9, Δ_T 3.48 mV, R 1, τ 10 ms, τ_ref 1.7 ms};
 * V starts at V_rest; {@code exp_auto}.
 * <pre>{@code ExpIF n = ExpIF.builder(100).deltaT(1).build();}</pre>
 */
public final class ExpIF extends ResetNeuron {
    private final Supplier<Tensor> vRest, vT, deltaT, r, tau;

    private ExpIF(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, new Common(b.vTh, b.vReset, b.tauRef, b.startV(), null), null, null, null);
        vRest = param("vRest", "mV", b.vRest, ParamSpec.Rule.FINITE);
        vT = param("vT", "mV", b.vT, ParamSpec.Rule.FINITE);
        deltaT = param("deltaT", "mV", b.deltaT, ParamSpec.Rule.POSITIVE);
        r = param("r", "", b.r, ParamSpec.Rule.POSITIVE);
        tau = param("tau", "ms", b.tau, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    static Tensor dv(Tensor v, Tensor i, Tensor vRest, Tensor vT, Tensor deltaT, Tensor r, Tensor tau) {
        return v.sub(vRest).neg().add(exp(v.sub(vT).div(deltaT)).mul(deltaT)).add(r.mul(i)).div(tau);
    }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {dv(y[0], p[0], vRest.get(), vT.get(), deltaT.get(), r.get(), tau.get())};
    }

    /** The subthreshold dynamics for the analysers: variable {@code V}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor a = fixed(vRest, "vRest"), b = fixed(vT, "vT"), c = fixed(deltaT, "deltaT"), d = fixed(r, "r"), e = fixed(tau, "tau");
        return VectorField.of((y, t, p) -> new Tensor[] {dv(y[0], p[0], a, b, c, d, e)}, List.of("V"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends IfBuilder<Builder> {
        private Object vT = -59.9, deltaT = 3.48;
        private Builder(int size) { super(size, 1.7); }

        /** Threshold of the exponential term, mV ({@code V_T}, default −59.9). */
        public Builder vT(Object v) { this.vT = v; return this; }
        /** Spike slope factor, mV ({@code delta_T}, default 3.48). */
        public Builder deltaT(Object v) { this.deltaT = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public ExpIF build() { return new ExpIF(this); }
    }
}
