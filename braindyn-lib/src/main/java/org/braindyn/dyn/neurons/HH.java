package org.braindyn.dyn.neurons;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.init.Uniform;
import org.braindyn.integrators.Derivative;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Hodgkin–Huxley neurons (BrainPy's {@code bp.dyn.HH}, the squid giant axon):
 * <pre>
 *   C dV/dt = −g_Na m³h (V − E_Na) − g_K n⁴ (V − E_K) − g_L (V − E_L) + I       (mV, ms, µA/cm², mS/cm², µF/cm²)
 *   dx/dt = α_x(V)(1 − x) − β_x(V) x   for x = m, h, n
 *   α_m = 0.1(V + 40)/(1 − e^{−(V+40)/10}),  β_m = 4 e^{−(V+65)/18}
 *   α_h = 0.07 e^{−(V+65)/20},              β_h = 1/(1 + e^{−(V+35)/10})
 *   α_n = 0.01(V + 55)/(1 − e^{−(V+55)/10}), β_n = 0.125 e^{−(V+65)/80}
 * </pre>
 * A spike is an upward crossing of {@code V_th}; the state variables are {@link #V()}, {@link #m()}, {@link #h()},
 * {@link #n()} (monitor paths {@code "V"}, {@code "m"}, …). BrainPy's defaults: {@code E_Na 50, g_Na 120, E_K −77, g_K 36,
 * E_L −54.387, g_L 0.03, V_th 20, C 1}; V starts uniform in [−70, −60) mV, m 0.5, h 0.6, n 0.32; {@code exp_auto}.
 * <pre>{@code
 * HH hh = HH.builder(100).gNa(120).gK(36).vInit(-65.0).method("rk4").build();
 * }</pre>
 */
public final class HH extends CrossingNeuron {
    private final Conductances k;

    private HH(Builder b) {
        super(b.name, b.size, b.method, b.spkFun, b.vTh, List.of("V", "m", "h", "n"), b.vInit, b.mInit, b.hInit, b.nInit);
        k = Conductances.of(this, b);
    }

    /** Membrane potential, mV. */
    public Variable V() { return variable("V"); }

    /** Sodium activation. */
    public Variable m() { return variable("m"); }

    /** Sodium inactivation. */
    public Variable h() { return variable("h"); }

    /** Potassium activation. */
    public Variable n() { return variable("n"); }

    /** A builder with BrainPy's defaults for {@code size} neurons. */
    public static Builder builder(int size) { return new Builder(size); }

    static Tensor alphaM(Tensor v) { Tensor x = v.add(40); return x.mul(0.1).div(onesLike(x).sub(exp(x.div(-10)))); }
    static Tensor betaM(Tensor v) { return exp(v.add(65).div(-18)).mul(4); }
    static Tensor alphaH(Tensor v) { return exp(v.add(65).div(-20)).mul(0.07); }
    static Tensor betaH(Tensor v) { return onesLike(v).div(exp(v.add(35).div(-10)).add(1)); }
    static Tensor alphaN(Tensor v) { Tensor x = v.add(55); return x.mul(0.01).div(onesLike(x).sub(exp(x.div(-10)))); }
    static Tensor betaN(Tensor v) { return exp(v.add(65).div(-80)).mul(0.125); }

    private static Tensor gate(Tensor x, Tensor alpha, Tensor beta) { return alpha.mul(onesLike(x).sub(x)).sub(beta.mul(x)); }

    @Override Derivative derivative() {
        return (y, t, p) -> {
            Tensor v = y[0], mm = y[1], hh = y[2], nn = y[3];
            Tensor iNa = k.gNa().get().mul(mm.mul(mm).mul(mm)).mul(hh).mul(v.sub(k.eNa().get()));
            Tensor n2 = nn.mul(nn);
            Tensor iK = k.gK().get().mul(n2.mul(n2)).mul(v.sub(k.eK().get()));
            Tensor iL = k.gL().get().mul(v.sub(k.eL().get()));
            return new Tensor[] {
                    p[0].sub(iNa).sub(iK).sub(iL).div(k.c().get()),
                    gate(mm, alphaM(v), betaM(v)), gate(hh, alphaH(v), betaH(v)), gate(nn, alphaN(v), betaN(v))};
        };
    }

    @Override Derivative homogeneousDerivative() {
        for (var p : k.all()) homogeneous(p, "conductances and potentials");
        return derivative();
    }

    /** Named parameters with BrainPy's defaults; each setter takes a number or any {@link ParamSpec} form. */
    public static final class Builder extends ConductanceBuilder<Builder> {
        private Object mInit = 0.5, hInit = 0.6, nInit = 0.32;

        /** BrainPy's defaults: ENa 50, gNa 120, EK −77, gK 36, EL −54.387, gL 0.03; V₀ uniform in [−70, −60), seed 0. */
        private Builder(int size) { super(size, 50, 120, -77, 36, -54.387, 0.03, new Uniform(-70, -60, new org.braindyn.random.RandomState(0))); }

        /** Initial gating values (defaults m 0.5, h 0.6, n 0.32). */
        public Builder gates(Object m0, Object h0, Object n0) { this.mInit = m0; this.hInit = h0; this.nInit = n0; return this; }

        /** Validates every parameter, naming the model, parameter, unit, expected and found. */
        public HH build() { return new HH(this); }
    }
}
