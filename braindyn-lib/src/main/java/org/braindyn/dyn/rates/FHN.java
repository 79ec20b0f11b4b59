package org.braindyn.dyn.rates;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * FitzHugh–Nagumo rate units (BrainPy's {@code bp.dyn.rates.FHN}, the whole-brain model's node):
 * <pre>
 *   dx/dt = −α x³ + β x² + γ x − y + x_ext
 *   dy/dt = (x − δ − ε y)/τ + y_ext
 * </pre>
 * BrainPy's defaults: {@code α 3, β 4, γ −1.5, δ 0, ε 0.5, τ 20}; x and y start at 0; {@code exp_auto}. Limit
 * cycles for {@code x_ext} between about 0.72 and 1.4. Optional Ornstein–Uhlenbeck noise on either input
 * ({@link Builder#xOu}, {@link Builder#yOu}; see {@link RateGroup.Noise}).
 * <pre>{@code FHN nodes = FHN.builder(80).xOu(0, 0.01, 5).yOu(0, 0.01, 5).build();   // the whole-brain model's nodes}</pre>
 */
public final class FHN extends RateGroup {
    private final Supplier<Tensor> alpha, beta, gamma, delta, epsilon, tau;

    private FHN(Builder b) {
        super(b.name, b.size, b.method, b.xInit, b.yInit, b.noise());
        alpha = param("alpha", "", b.alpha, ParamSpec.Rule.FINITE);
        beta = param("beta", "", b.beta, ParamSpec.Rule.FINITE);
        gamma = param("gamma", "", b.gamma, ParamSpec.Rule.FINITE);
        delta = param("delta", "", b.delta, ParamSpec.Rule.FINITE);
        epsilon = param("epsilon", "", b.epsilon, ParamSpec.Rule.FINITE);
        tau = param("tau", "", b.tau, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} units. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], y = v[1], x2 = x.mul(x);
            return new Tensor[] {
                    alpha.get().neg().mul(x2.mul(x)).add(beta.get().mul(x2)).add(gamma.get().mul(x)).sub(y).add(p[0]),
                    x.sub(delta.get()).sub(epsilon.get().mul(y)).div(tau.get()).add(p[1])};
        };
    }

    @Override List<Supplier<Tensor>> parameters() { return List.of(alpha, beta, gamma, delta, epsilon, tau); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder extends RateBuilder<Builder> {
        private Object alpha = 3.0, beta = 4.0, gamma = -1.5, delta = 0.0, epsilon = 0.5, tau = 20.0;

        private Builder(int size) { super(size); }

        /** Cubic coefficient (default 3). */
        public Builder alpha(Object v) { this.alpha = v; return this; }
        /** Quadratic coefficient (default 4). */
        public Builder beta(Object v) { this.beta = v; return this; }
        /** Linear coefficient (default −1.5). */
        public Builder gamma(Object v) { this.gamma = v; return this; }
        /** Offset of the recovery nullcline (default 0). */
        public Builder delta(Object v) { this.delta = v; return this; }
        /** Recovery self-coupling (default 0.5). */
        public Builder epsilon(Object v) { this.epsilon = v; return this; }
        /** Recovery time scale (default 20). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Validates every parameter, naming the model, parameter, expected and found. */
        public FHN build() { return new FHN(this); }
    }
}
