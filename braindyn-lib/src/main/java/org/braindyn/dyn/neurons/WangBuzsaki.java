package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Wang–Buzsáki interneurons (1996; BrainPy's {@code bp.dyn.WangBuzsakiModel}), a Hodgkin–Huxley model with an
 * instantaneous sodium activation:
 * <pre>
 *   C dV/dt = −g_Na m∞³ h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L) + I        (mV, ms)
 *   dh/dt = φ (α_h (1 − h) − β_h h),  dn/dt = φ (α_n (1 − n) − β_n n),  m∞ = α_m/(α_m + β_m)
 *   α_m = 0.1 (V + 35)/(1 − e^{−0.1(V+35)}), β_m = 4 e^{−(V+60)/18}
 *   α_h = 0.07 e^{−(V+58)/20},              β_h = 1/(1 + e^{−0.1(V+28)})
 *   α_n = 0.01 (V + 34)/(1 − e^{−0.1(V+34)}), β_n = 0.125 e^{−(V+44)/80}
 * </pre>
 * A spike is an upward crossing of {@code V_th}. BrainPy's defaults: {@code E_Na 55, g_Na 35, E_K −90, g_K 9,
 * E_L −65, g_L 0.1, V_th 20, φ 5, C 1}; V starts at −65, h at 0.6, n at 0.32; {@code exp_auto}.
 */
public final class WangBuzsaki extends CrossingNeuron {
    private final Conductances k;
    private final Supplier<Tensor> phi;

    private WangBuzsaki(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, b.vTh, List.of("V", "h", "n"), b.vInit, b.hInit, b.nInit);
        k = Conductances.of(this, b);
        phi = param("phi", "", b.phi, ParamSpec.Rule.POSITIVE);
    }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    /** Membrane potential, mV. */
    public Variable V() { return variable("V"); }

    private static Tensor ratio(Tensor x) { return x.mul(0.1).div(onesLike(x).sub(exp(x.mul(-0.1)))); }

    @Override Derivative derivative() {
        return (y, t, p) -> {
            Tensor v = y[0], h = y[1], n = y[2];
            Tensor am = ratio(v.add(35)), bm = exp(v.add(60).div(-18)).mul(4), mInf = am.div(am.add(bm));
            Tensor ah = exp(v.add(58).div(-20)).mul(0.07), bh = onesLike(v).div(exp(v.add(28).mul(-0.1)).add(1));
            Tensor an = ratio(v.add(34)).mul(0.1), bn = exp(v.add(44).div(-80)).mul(0.125);
            Tensor iNa = k.gNa().get().mul(mInf.mul(mInf).mul(mInf)).mul(h).mul(v.sub(k.eNa().get()));
            Tensor n2 = n.mul(n), iK = k.gK().get().mul(n2.mul(n2)).mul(v.sub(k.eK().get())), iL = k.gL().get().mul(v.sub(k.eL().get()));
            return new Tensor[] {p[0].sub(iNa).sub(iK).sub(iL).div(k.c().get()),
                    phi.get().mul(ah.mul(onesLike(h).sub(h)).sub(bh.mul(h))), phi.get().mul(an.mul(onesLike(n).sub(n)).sub(bn.mul(n)))};
        };
    }

    @Override Derivative homogeneousDerivative() {
        for (var p : k.all()) homogeneous(p, "every parameter");
        homogeneous(phi, "phi");
        return derivative();
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends ConductanceBuilder<Builder> {
        private Object phi = 5.0, hInit = 0.6, nInit = 0.32;

        /** BrainPy's defaults: ENa 55, gNa 35, EK −90, gK 9, EL −65, gL 0.1; V₀ −65. */
        private Builder(int size) { super(size, 55, 35, -90, 9, -65, 0.1, -65.0); }

        /** Temperature factor of the gates ({@code phi}, default 5). */
        public Builder phi(Object v) { this.phi = v; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public WangBuzsaki build() { return new WangBuzsaki(this); }
    }
}
