package org.braindyn.dyn.rates;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Threshold-linear E/I rate units (BrainPy's {@code bp.dyn.rates.ThresholdLinearModel}), x the E rate and y the I
 * rate, each rectified after the step:
 * <pre>
 *   τ_e dx/dt = −x + β_e·max(x_ext, 0),    τ_i dy/dt = −y + β_i·max(y_ext, 0),    x, y ← max(·, 0)
 * </pre>
 * BrainPy's defaults: {@code τ_e 0.02, τ_i 0.01 (s), β_e 0.066, β_i 0.351}; rates start at 0; {@code exp_auto}.
 */
public final class ThresholdLinear extends RateGroup {
    private final Supplier<Tensor> tauE, tauI, betaE, betaI;

    private ThresholdLinear(Builder b) {
        super(b.name, b.size, b.method, 0.0, 0.0);
        tauE = param("tau_e", "", b.tauE, ParamSpec.Rule.POSITIVE);
        tauI = param("tau_i", "", b.tauI, ParamSpec.Rule.POSITIVE);
        betaE = param("beta_e", "", b.betaE, ParamSpec.Rule.FINITE);
        betaI = param("beta_i", "", b.betaI, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} units. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (v, t, p) -> new Tensor[] {
                v[0].neg().add(betaE.get().mul(maximum(p[0], zerosLike(p[0])))).div(tauE.get()),
                v[1].neg().add(betaI.get().mul(maximum(p[1], zerosLike(p[1])))).div(tauI.get())};
    }

    @Override Tensor[] after(Tensor[] xy) { return new Tensor[] {maximum(xy[0], zerosLike(xy[0])), maximum(xy[1], zerosLike(xy[1]))}; }

    @Override List<Supplier<Tensor>> parameters() { return List.of(tauE, tauI, betaE, betaI); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "exp_auto";
        private Object tauE = 0.02, tauI = 0.01, betaE = 0.066, betaI = 0.351;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Integration method by BrainPy name ({@code exp_auto} default, {@code rk4}, …). */
        public Builder method(String method) { this.method = method; return this; }
        /** Time constants of E and I (defaults 0.02 and 0.01). */
        public Builder taus(Object e, Object i) { this.tauE = e; this.tauI = i; return this; }
        /** Gains of E and I (defaults 0.066 and 0.351). */
        public Builder betas(Object e, Object i) { this.betaE = e; this.betaI = i; return this; }

        /** Validates every parameter. */
        public ThresholdLinear build() { return new ThresholdLinear(this); }
    }
}
