package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Hindmarsh–Rose bursting neurons (BrainPy's {@code bp.dyn.HindmarshRose}), dimensionless:
 * <pre>
 *   dV/dt = y − a V³ + b V² − z + I
 *   dy/dt = c − d V² − y
 *   dz/dt = r (s (V − V_rest) − z)
 * </pre>
 * A spike is an upward crossing of {@code V_th}. BrainPy's defaults: {@code a 1, b 3, c 1, d 5, r 0.01, s 4,
 * V_rest −1.6, V_th 1}; V starts at −1.6, y at −10, z at 0 (here); {@code exp_auto}. With a small r the slow z
 * switches the fast (V, y) subsystem between rest and spiking: bursts (see {@code FastSlow2D}).
 */
public final class HindmarshRose extends CrossingNeuron {
    private final Supplier<Tensor> a, b, c, d, r, s, vRest;

    private HindmarshRose(Builder bd) {
        super(bd.name, bd.size, bd.method, bd.spkFun, bd.vTh, List.of("V", "y", "z"), bd.vInit, bd.yInit, bd.zInit);
        a = param("a", "", bd.a, ParamSpec.Rule.FINITE);
        b = param("b", "", bd.b, ParamSpec.Rule.FINITE);
        c = param("c", "", bd.c, ParamSpec.Rule.FINITE);
        d = param("d", "", bd.d, ParamSpec.Rule.FINITE);
        r = param("r", "", bd.r, ParamSpec.Rule.NON_NEGATIVE);
        s = param("s", "", bd.s, ParamSpec.Rule.FINITE);
        vRest = param("vRest", "", bd.vRest, ParamSpec.Rule.FINITE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    @Override Derivative derivative() {
        return (v, t, p) -> {
            Tensor x = v[0], x2 = x.mul(x);
            return new Tensor[] {
                    v[1].sub(a.get().mul(x2.mul(x))).add(b.get().mul(x2)).sub(v[2]).add(p[0]),
                    c.get().sub(d.get().mul(x2)).sub(v[1]),
                    r.get().mul(s.get().mul(x.sub(vRest.get())).sub(v[2]))};
        };
    }

    @Override Derivative homogeneousDerivative() {
        for (var p : List.of(a, b, c, d, r, s, vRest)) homogeneous(p, "every parameter");
        return derivative();
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends NeuronBuilder<Builder> {
        private Object a = 1.0, b = 3.0, c = 1.0, d = 5.0, r = 0.01, s = 4.0, vRest = -1.6, vTh = 1.0, vInit = -1.6, yInit = -10.0, zInit = 0.0;

        private Builder(int size) { super(size); }

        /** Cubic and quadratic coefficients of dV/dt ({@code a 1, b 3}). */
        public Builder ab(Object a, Object b) { this.a = a; this.b = b; return this; }
        /** Constant and quadratic coefficients of dy/dt ({@code c 1, d 5}). */
        public Builder cd(Object c, Object d) { this.c = c; this.d = d; return this; }
        /** Time scale of the slow adaptation z ({@code r}, default 0.01). */
        public Builder r(Object v) { this.r = v; return this; }
        /** Adaptation gain ({@code s}, default 4). */
        public Builder s(Object v) { this.s = v; return this; }
        /** Rest value in z's equation ({@code V_rest}, default −1.6). */
        public Builder vRest(Object v) { this.vRest = v; return this; }
        /** Spike detection threshold ({@code V_th}, default 1). */
        public Builder vTh(Object v) { this.vTh = v; return this; }
        /** Initial V, y and z (defaults −1.6, −10, 0). */
        public Builder init(Object v0, Object y0, Object z0) { this.vInit = v0; this.yInit = y0; this.zInit = z0; return this; }

        /** Validates every parameter, naming the model, parameter, expected and found. */
        public HindmarshRose build() { return new HindmarshRose(this); }
    }
}
