package org.braindyn.dyn.neurons;

import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.jit.Jit;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Ornstein–Uhlenbeck noise processes, one per unit (BrainPy's {@code bp.dyn.OUProcess}), the coloured noise of
 * rate models and a fluctuating input current:
 * <pre>
 *   dx = (μ − x)/τ · dt + σ dW                      (τ in ms; stationary mean μ, variance σ²τ/2)
 * </pre>
 * {@code method("euler")} (BrainPy's default, Euler–Maruyama): {@code x ← x + (μ − x)·dt/τ + σ·√dt·ξ};
 * {@code method("exact")}: {@code x ← μ + (x − μ)e^{−dt/τ} + σ·√(τ/2·(1 − e^{−2dt/τ}))·ξ}, exact in distribution for
 * any dt. ξ are standard normals from the process's own seeded stream, drawn by Java before each step, so a
 * compiled run draws exactly the eager run's numbers. {@link #spike()} returns x, so a projection or a
 * {@code current(...)} can route it into another group's input; {@link #currentFor(NeuronGroup)} does that directly.
 * <p>BrainPy's defaults: {@code mean 0, sigma 1, tau 10 ms}; x starts at the mean.
 * <pre>{@code
 * OUProcess noise = OUProcess.builder(80).sigma(0.01).tau(5).seed(7).build();
 * noise.currentFor(nodes);                     // nodes.input += x at every step
 * }</pre>
 */
public final class OUProcess extends NeuronGroup {
    /** The process value. */
    public final Variable x;
    private final Supplier<Tensor> mean, sigma, tau;
    private final boolean exact;
    private final RandomState rng;
    private final String label;

    private OUProcess(Builder b) {
        super(b.name, b.size);
        label = "OUProcess" + (b.name == null ? "" : " '" + b.name + "'");
        if (!b.method.equals("euler") && !b.method.equals("exact"))
            throw new IllegalArgumentException(label + ".method: unknown method '" + b.method + "'; expected one of [euler, exact]");
        exact = b.method.equals("exact");
        mean = ParamSpec.resolve(label, "mean", "", b.mean, num(), ParamSpec.Rule.FINITE);
        sigma = ParamSpec.resolve(label, "sigma", "", b.sigma, num(), ParamSpec.Rule.NON_NEGATIVE);
        tau = ParamSpec.resolve(label, "tau", "ms", b.tau, num(), ParamSpec.Rule.POSITIVE);
        rng = new RandomState(b.seed);
        x = state(start());
        registerImplicitVars(Map.of("x", x));
    }

    /** A builder with BrainPy's defaults for {@code size} processes. */
    public static Builder builder(int size) { return new Builder(size); }

    private Tensor start() { return BM.broadcastTo(mean.get().astype(Config.defaultFloat()), stateShape()).contiguous(); }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor xi = Jit.hostValue(Config.defaultFloat(), Shape.of(stateShape()), () -> rng.randn(stateShape()).astype(Config.defaultFloat()));
        Tensor v = x.value(), mu = mean.get(), tt = tau.get(), s = sigma.get(), next;
        if (exact) {
            Tensor decay = BM.exp(BM.divide(BM.scalar(-dt), tt));
            Tensor sd = s.mul(BM.sqrt(tt.mul(0.5).mul(BM.subtract(BM.scalar(1.0), decay.mul(decay)))));
            next = mu.add(v.sub(mu).mul(decay)).add(sd.mul(xi));
        } else {
            next = v.add(mu.sub(v).div(tt).mul(dt)).add(s.mul(Math.sqrt(dt)).mul(xi));
        }
        x.set(next.astype(x.dtype()));
        input.fill(0);
        return x.value();
    }

    /** The process value (what couplings and currents read). */
    @Override public Tensor spike() { return x.value(); }

    /** Adds this process's value to {@code target}'s input at every step (the target must have as many units). */
    public OUProcess currentFor(NeuronGroup target) {
        if (target.num() != num())
            throw new IllegalArgumentException(label + ".currentFor: " + target + " has " + target.num() + " units; expected " + num());
        target.addCurrent(v -> x.value());
        return this;
    }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        x.set(start());
    }

    /** Named parameters with BrainPy's defaults; each a number or any {@link ParamSpec} form. */
    public static final class Builder {
        private final int size;
        private String name, method = "euler";
        private Object mean = 0.0, sigma = 1.0, tau = 10.0;
        private int seed;

        private Builder(int size) { this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String v) { this.name = v; return this; }
        /** {@code euler} (Euler–Maruyama, BrainPy's default) or {@code exact}. */
        public Builder method(String v) { this.method = v; return this; }
        /** Stationary mean μ (default 0). */
        public Builder mean(Object v) { this.mean = v; return this; }
        /** Noise amplitude σ (default 1). */
        public Builder sigma(Object v) { this.sigma = v; return this; }
        /** Correlation time τ, ms (default 10). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Seed of the process's random stream (default 0). */
        public Builder seed(int v) { this.seed = v; return this; }

        /** Validates every parameter, naming the process, parameter, unit, expected and found. */
        public OUProcess build() { return new OUProcess(this); }
    }
}
