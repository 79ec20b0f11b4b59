package org.braindyn.dyn.rates;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * The exact mean field of a population of quadratic integrate-and-fire neurons (Montbrió, Pazó &amp; Roxin 2015;
 * BrainPy's {@code bp.dyn.rates.QIF}), with x the mean membrane potential and y the firing rate:
 * <pre>
 *   τ dy/dt = Δ/(π τ) + 2 x y + y_ext
 *   τ dx/dt = x² + η + x_ext + J y τ − (π y τ)²
 * </pre>
 * BrainPy's defaults: {@code τ 1, η −5, Δ 1, J 15}; x starts at −2, y at 0.5 (here); {@code exp_auto}.
 */
public final class Qif extends RateGroup {
    private final Supplier<Tensor> tau, eta, delta, j;

    private Qif(Builder b) {
        super(b.name, b.size, b.method, b.xInit, b.yInit);
        tau = param("tau", "", b.tau, ParamSpec.Rule.POSITIVE);
        eta = param("eta", "", b.eta, ParamSpec.Rule.FINITE);
        delta = param("delta", "", b.delta, ParamSpec.Rule.POSITIVE);
        j = param("J", "", b.j, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} populations. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], y = v[1], tt = tau.get(), pyt = y.mul(tt).mul(Math.PI);
            return new Tensor[] {
                    x.mul(x).add(eta.get()).add(p[0]).add(j.get().mul(y).mul(tt)).sub(pyt.mul(pyt)).div(tt),
                    delta.get().div(tt.mul(Math.PI)).add(x.mul(y).mul(2)).add(p[1]).div(tt)};
        };
    }

    @Override List<Supplier<Tensor>> parameters() { return List.of(tau, eta, delta, j); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Object tau = 1.0, eta = -5.0, delta = 1.0, j = 15.0, xInit = -2.0, yInit = 0.5;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Time constant (default 1). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Centre of the excitability distribution (default −5). */
        public Builder eta(Object v) { this.eta = v; return this; }
        /** Half-width of the excitability distribution (default 1). */
        public Builder delta(Object v) { this.delta = v; return this; }
        /** Recurrent coupling (default 15). */
        public Builder j(Object v) { this.j = v; return this; }
        /** Initial x (mean potential) and y (rate). */
        public Builder init(Object x0, Object y0) { this.xInit = x0; this.yInit = y0; return this; }

        /** Validates every parameter. */
        public Qif build() { return new Qif(this); }
    }
}
