package org.braindyn.dyn.rates;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SpikeDelay;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;

/**
 * FitzHugh–Nagumo units with delayed self-feedback (Plant 1981; BrainPy's {@code bp.dyn.rates.FeedbackFHN}):
 * <pre>
 *   dx/dt = x − x³/3 − y + x_ext + μ (x(t − delay) − v₀)
 *   dy/dt = (x + a − b y + y_ext)/τ
 * </pre>
 * The delayed value is read once per step from a ring buffer of x (the nearest stored step, BrainPy's
 * {@code interp_method='round'}) and held over the integrator's stages; before the start the history is 0. BrainPy's
 * defaults: {@code a 0.7, b 0.8, delay 10 ms, τ 12.5, μ 1.6886, v₀ −1}; x and y start at 0; {@code rk4}. The delay
 * becomes {@code round(delay/dt)} steps of the step size given to the builder ({@link Builder#dt}, default
 * {@code Config.dt()}); running at another step size is refused.
 * <pre>{@code FeedbackFHN fhn = FeedbackFHN.builder(1).delay(10).mu(1.6886).build();}</pre>
 */
public final class FeedbackFHN extends RateGroup {
    private final Supplier<Tensor> a, b, tau, mu, v0;
    private final int delaySteps;
    private final double dt;
    private final SpikeDelay history;

    private FeedbackFHN(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.xInit, bd.yInit, bd.noise());
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
        tau = param("tau", "ms", bd.tau, ParamSpec.Rule.POSITIVE);
        mu = param("mu", "", bd.mu, ParamSpec.Rule.FINITE);
        v0 = param("v0", "", bd.v0, ParamSpec.Rule.FINITE);
        if (!(bd.delay > 0) || !Double.isFinite(bd.delay)) throw new IllegalArgumentException(label + ".delay: must be > 0 ms; got " + bd.delay);
        if (!(bd.dt > 0)) throw new IllegalArgumentException(label + ".dt: must be > 0 ms; got " + bd.dt);
        dt = bd.dt;
        delaySteps = (int) Math.round(bd.delay / dt);
        if (delaySteps < 1) throw new IllegalArgumentException(label + ".delay: " + bd.delay + " ms is under one step of " + dt + " ms");
        history = spikeDelay(delaySteps);                 // the group's "spikes" are its activity x
    }

    /** A builder with BrainPy's defaults for {@code size} units. */
    public static Builder builder(int size) { return new Builder(size); }

    /** The feedback delay in steps. */
    public int delaySteps() { return delaySteps; }

    @Override Tensor feedback() {
        double now = Shared.current().dt();
        if (Math.abs(now - dt) > 1e-12 * dt)
            throw new IllegalStateException(label + ": built for dt " + dt + " ms (delay " + delaySteps + " steps) but run at dt " + now + " ms; build it with dt(" + now + ")");
        Tensor late = history.read(delaySteps);          // the first read of a step pushes x(t); read(d) is x(t − d·dt)
        return mu.get().mul(late.sub(v0.get().astype(late.dtype())));
    }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], y = v[1];
            return new Tensor[] {
                    x.sub(x.mul(x).mul(x).div(3)).sub(y).add(p[0]),
                    x.add(a.get()).sub(b.get().mul(y)).add(p[1]).div(tau.get())};
        };
    }

    @Override List<Supplier<Tensor>> parameters() { return List.of(a, b, tau, mu, v0); }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder extends RateBuilder<Builder> {
        private Object a = 0.7, b = 0.8, tau = 12.5, mu = 1.6886, v0 = -1.0;
        private double delay = 10, dt = Config.dt();

        private Builder(int size) {
            super(size);
            method("rk4");
        }

        /** Offset of the recovery nullcline ({@code a}, default 0.7). */
        public Builder a(Object v) { this.a = v; return this; }
        /** Recovery self-coupling ({@code b}, default 0.8). */
        public Builder b(Object v) { this.b = v; return this; }
        /** Recovery time scale, ms ({@code tau}, default 12.5). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Feedback strength ({@code mu}, default 1.6886). */
        public Builder mu(Object v) { this.mu = v; return this; }
        /** Feedback offset ({@code v0}, default −1). */
        public Builder v0(Object v) { this.v0 = v; return this; }
        /** Feedback delay, ms ({@code delay}, default 10). */
        public Builder delay(double ms) { this.delay = ms; return this; }
        /** The step size the delay is counted in, ms (default {@code Config.dt()}). */
        public Builder dt(double ms) { this.dt = ms; return this; }
        /** Validates every parameter, naming the model, parameter, expected and found. */
        public FeedbackFHN build() { return new FeedbackFHN(this); }
    }
}
