package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Quadratic integrate-and-fire neurons (BrainPy's {@code bp.dyn.QuaIF}):
 * <pre>
 *   τ dV/dt = c (V − V_rest)(V − V_c) + R·I        (mV, ms)
 *   V ≥ V_th  ⇒  spike, V ← V_reset, V held for τ_ref
 * </pre>
 * BrainPy's defaults: {@code V_rest −65, V_reset −68, V_th −30, V_c −50 mV, c 0.07, R 1, τ 10 ms, τ_ref 0}; V starts
 * at V_rest; {@code exp_auto}.
 * <pre>{@code QuaIF n = QuaIF.builder(100).vC(-45).build();}</pre>
 */
public final class QuaIF extends ResetNeuron {
    private final Supplier<Tensor> vRest, vC, c, r, tau;

    private QuaIF(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, new Common(b.vTh, b.vReset, b.tauRef, b.startV(), null), null, null, null);
        vRest = param("vRest", "mV", b.vRest, ParamSpec.Rule.FINITE);
        vC = param("vC", "mV", b.vC, ParamSpec.Rule.FINITE);
        c = param("c", "1/mV", b.c, ParamSpec.Rule.POSITIVE);
        r = param("r", "", b.r, ParamSpec.Rule.POSITIVE);
        tau = param("tau", "ms", b.tau, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    static Tensor dv(Tensor v, Tensor i, Tensor vRest, Tensor vC, Tensor c, Tensor r, Tensor tau) {
        return c.mul(v.sub(vRest)).mul(v.sub(vC)).add(r.mul(i)).div(tau);
    }

    @Override Derivative derivative() { return (y, t, p) -> new Tensor[] {dv(y[0], p[0], vRest.get(), vC.get(), c.get(), r.get(), tau.get())}; }

    /** The subthreshold dynamics for the analysers: variable {@code V}, parameter {@code I}; parameters must be homogeneous. */
    @Override public VectorField vectorField() {
        Tensor a = fixed(vRest, "vRest"), b = fixed(vC, "vC"), cc = fixed(c, "c"), d = fixed(r, "r"), e = fixed(tau, "tau");
        return VectorField.of((y, t, p) -> new Tensor[] {dv(y[0], p[0], a, b, cc, d, e)}, List.of("V"), List.of("I"));
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends IfBuilder<Builder> {
        private Object vC = -50.0, c = 0.07;
        private Builder(int size) { super(size, 0); }

        /** Critical voltage of the spike initiation, mV ({@code V_c}, default −50). */
        public Builder vC(Object v) { this.vC = v; return this; }
        /** Steepness of the quadratic term, 1/mV ({@code c}, default 0.07). */
        public Builder c(Object v) { this.c = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public QuaIF build() { return new QuaIF(this); }
    }
}
