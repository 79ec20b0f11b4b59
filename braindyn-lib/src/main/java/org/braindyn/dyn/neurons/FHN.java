package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * FitzHugh–Nagumo neurons (BrainPy's {@code bp.dyn.FHN}), dimensionless:
 * <pre>
 *   dV/dt = V − V³/3 − w + I
 *   dw/dt = (V + a − b·w)/τ
 * </pre>
 * A spike is an upward crossing of {@code V_th}. BrainPy's defaults: {@code a 0.7, b 0.8, τ 12.5, V_th 1.8}; V and w
 * start at 0; {@code exp_auto}.
 * <pre>{@code FHN n = FHN.builder(10).build();  // runner input "input" = 1.0 gives a relaxation oscillation}</pre>
 */
public final class FHN extends CrossingNeuron {
    private final Supplier<Tensor> a, b, tau;

    private FHN(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun, bd.vTh, List.of("V", "w"), bd.vInit, bd.wInit);
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
        tau = param("tau", "", bd.tau, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** Membrane variable. */
    public org.braindyn.state.Variable V() { return variable("V"); }

    /** Recovery variable. */
    public org.braindyn.state.Variable w() { return variable("w"); }

    @Override Derivative derivative() {
        return (y, t, p) -> new Tensor[] {y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]), y[0].add(a.get()).sub(b.get().mul(y[1])).div(tau.get())};
    }

    @Override Derivative homogeneousDerivative() {
        double pa = homogeneous(a, "a"), pb = homogeneous(b, "b"), pt = homogeneous(tau, "tau");
        return (y, t, p) -> new Tensor[] {y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]), y[0].add(pa).sub(y[1].mul(pb)).div(pt)};
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object a = 0.7, b = 0.8, tau = 12.5, vTh = 1.8, vInit = 0.0, wInit = 0.0;

        private Builder(int size) { super(size); }

        /** {@code a} (default 0.7). */
        public Builder a(Object v) { this.a = v; return this; }
        /** {@code b} (default 0.8). */
        public Builder b(Object v) { this.b = v; return this; }
        /** Recovery time scale {@code tau} (default 12.5). */
        public Builder tau(Object v) { this.tau = v; return this; }
        /** Spike threshold {@code Vth} (default 1.8). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V (default 0). */
        public Builder vInit(Object v) { this.vInit = v; return this; }
        /** Initial w (default 0). */
        public Builder wInit(Object v) { this.wInit = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public FHN build() { return new FHN(this); }
    }
}
