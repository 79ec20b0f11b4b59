package org.braindyn.dyn.rates;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Wilson–Cowan excitatory–inhibitory rate units (Wilson &amp; Cowan 1972; BrainPy's {@code bp.dyn.rates.WilsonCowanModel}),
 * x the E activity and y the I activity:
 * <pre>
 *   F(u; a, θ) = 1/(1 + e^{−a(u − θ)}) − 1/(1 + e^{aθ})
 *   τ_E dx/dt = −x + (1 − r x) F(w_EE x − w_IE y + x_ext; a_E, θ_E)
 *   τ_I dy/dt = −y + (1 − r y) F(w_EI x − w_II y + y_ext; a_I, θ_I)
 * </pre>
 * BrainPy's defaults: {@code τ_E 1, a_E 1.2, θ_E 2.8, τ_I 1, a_I 1, θ_I 4, w_EE 12, w_IE 4, w_EI 13, w_II 11, r 1};
 * x and y start at 0; {@code exp_auto}. Optional Ornstein–Uhlenbeck noise on either input ({@link RateBuilder#xOu},
 * {@link RateBuilder#yOu}).
 */
public final class WilsonCowan extends RateGroup {
    private final Supplier<Tensor> tauE, aE, thetaE, tauI, aI, thetaI, wEE, wIE, wEI, wII, r;

    private WilsonCowan(Builder b) {
        super(b.name, b.size, b.method, b.xInit, b.yInit, b.noise());
        tauE = param("E_tau", "", b.tauE, ParamSpec.Rule.POSITIVE);
        aE = param("E_a", "", b.aE, ParamSpec.Rule.FINITE);
        thetaE = param("E_theta", "", b.thetaE, ParamSpec.Rule.FINITE);
        tauI = param("I_tau", "", b.tauI, ParamSpec.Rule.POSITIVE);
        aI = param("I_a", "", b.aI, ParamSpec.Rule.FINITE);
        thetaI = param("I_theta", "", b.thetaI, ParamSpec.Rule.FINITE);
        wEE = param("wEE", "", b.wEE, ParamSpec.Rule.FINITE);
        wIE = param("wIE", "", b.wIE, ParamSpec.Rule.FINITE);
        wEI = param("wEI", "", b.wEI, ParamSpec.Rule.FINITE);
        wII = param("wII", "", b.wII, ParamSpec.Rule.FINITE);
        r = param("r", "", b.r, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} units. */
    public static Builder builder(int size) { return new Builder(size); }

    static Tensor f(Tensor u, Tensor a, Tensor theta) {
        Tensor one = onesLike(u);
        return one.div(exp(a.neg().mul(u.sub(theta))).add(1)).sub(onesLike(a).div(exp(a.mul(theta)).add(1)));
    }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], y = v[1];
            Tensor fx = f(wEE.get().mul(x).sub(wIE.get().mul(y)).add(p[0]), aE.get(), thetaE.get());
            Tensor fy = f(wEI.get().mul(x).sub(wII.get().mul(y)).add(p[1]), aI.get(), thetaI.get());
            return new Tensor[] {
                    x.neg().add(onesLike(x).sub(r.get().mul(x)).mul(fx)).div(tauE.get()),
                    y.neg().add(onesLike(y).sub(r.get().mul(y)).mul(fy)).div(tauI.get())};
        };
    }

    @Override List<Supplier<Tensor>> parameters() { return List.of(tauE, aE, thetaE, tauI, aI, thetaI, wEE, wIE, wEI, wII, r); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder extends RateBuilder<Builder> {
        private Object tauE = 1.0, aE = 1.2, thetaE = 2.8, tauI = 1.0, aI = 1.0, thetaI = 4.0, wEE = 12.0, wIE = 4.0, wEI = 13.0, wII = 11.0, r = 1.0;

        private Builder(int size) { super(size); }

        /** E time constant, gain and threshold ({@code E_tau 1, E_a 1.2, E_theta 2.8}). */
        public Builder excitatory(Object tau, Object a, Object theta) { this.tauE = tau; this.aE = a; this.thetaE = theta; return this; }
        /** I time constant, gain and threshold ({@code I_tau 1, I_a 1, I_theta 4}). */
        public Builder inhibitory(Object tau, Object a, Object theta) { this.tauI = tau; this.aI = a; this.thetaI = theta; return this; }
        /** Couplings {@code wEE 12, wIE 4, wEI 13, wII 11}. */
        public Builder weights(Object wEE, Object wIE, Object wEI, Object wII) { this.wEE = wEE; this.wIE = wIE; this.wEI = wEI; this.wII = wII; return this; }
        /** Refractoriness {@code r} (default 1). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Validates every parameter. */
        public WilsonCowan build() { return new WilsonCowan(this); }
    }
}
