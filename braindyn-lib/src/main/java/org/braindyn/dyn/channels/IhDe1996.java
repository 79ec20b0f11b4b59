package org.braindyn.dyn.channels;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The calcium-modulated hyperpolarisation-activated current (Destexhe et al. 1996; BrainPy's {@code Ih_De1996}), a
 * channel of a {@link Calcium} ion that does not carry calcium: closed/open transitions of the channel, calcium binding
 * to a regulating factor, and a locked open state,
 * <pre>
 *   I_h = g_max (O + g_inc O_L) (E − V)
 *   dO/dt = α (1 − O − O_L) − β O,   dO_L/dt = k₃ P₁ O − k₄ O_L,   dP₁/dt = k₁ C⁴ (1 − P₁) − k₂ P₁
 *   α = m∞/τ_m,  β = (1 − m∞)/τ_m,  m∞ = 1/(1 + e^{(V+75−V_sh)/5.5}),
 *   τ_m = (20 + 1000/(e^{(V+71.5−V_sh)/14.2} + e^{−(V+89−V_sh)/11.6}))/φ,   φ = T_base^{(T−24)/10}
 *   k₁ = k₂/Ca_half⁴,  k₃ = k₄/0.01
 * </pre>
 * Defaults {@code E −40 mV, g_max 0.02 mS/cm², g_inc 2, k₂ 4·10⁻⁴ ms⁻¹, k₄ 10⁻³ ms⁻¹, Ca_half 0.002 mM, V_sh 0,
 * T 36 °C, T_base 3}. Gate variables {@code ION_NAME_O}, {@code ION_NAME_OL}, {@code ION_NAME_P1}; named {@code Ih}.
 */
public final class IhDe1996 extends CalciumChannel {
    private final Object gSpec, eSpec, incSpec, shSpec;
    private final double k1, k2, k3, k4, phi;
    private Supplier<Tensor> gMax, e, gInc, vSh;

    private IhDe1996(Builder b) {
        super(b.name);
        if (!(b.k2 > 0 && b.k4 > 0 && b.caHalf > 0))
            throw new IllegalArgumentException(b.name + ": k2, k4 and caHalf must be > 0; got " + b.k2 + ", " + b.k4 + ", " + b.caHalf);
        gSpec = b.gMax;
        eSpec = b.e;
        incSpec = b.gInc;
        shSpec = b.vSh;
        k2 = b.k2;
        k4 = b.k4;
        k1 = b.k2 / Math.pow(b.caHalf, 4);
        k3 = b.k4 / 0.01;
        phi = Math.pow(b.tBase, (b.temperature - 24) / 10);
    }

    /** BrainPy's {@code Ih_De1996}. */
    public static Builder de1996() { return new Builder(); }

    @Override public List<String> gates() { return List.of("O", "OL", "P1"); }

    @Override public boolean carriesCalcium() { return false; }

    @Override public void bind(String owner, int size) {
        String who = owner + "." + name();
        gMax = ParamSpec.resolve(who, "gMax", "mS/cm²", gSpec, size, ParamSpec.Rule.NON_NEGATIVE);
        e = ParamSpec.resolve(who, "E", "mV", eSpec, size, ParamSpec.Rule.FINITE);
        gInc = ParamSpec.resolve(who, "gInc", "", incSpec, size, ParamSpec.Rule.NON_NEGATIVE);
        vSh = ParamSpec.resolve(who, "vSh", "mV", shSpec, size, ParamSpec.Rule.FINITE);
    }

    /** {α, β} at potential {@code v}. */
    private Tensor[] rates(Tensor v) {
        Tensor u = v.sub(vSh.get().astype(v.dtype()));
        Tensor inf = SteadyStateChannel.boltzmann(u, -75, 5.5);
        Tensor tau = BM.onesLike(u).mul(1000).div(BM.exp(u.add(71.5).div(14.2)).add(BM.exp(u.add(89).div(-11.6)))).add(20).div(phi);
        return new Tensor[] {inf.div(tau), BM.onesLike(u).sub(inf).div(tau)};
    }

    private Tensor bound(Tensor c) { Tensor c2 = c.mul(c); return c2.mul(c2).mul(k1); }

    @Override public Tensor[] steadyState(Tensor v, Tensor c) {
        Tensor[] ab = rates(v);
        Tensor k1c = bound(c), p1 = BM.broadcastTo(k1c.div(k1c.add(k2)), v.shape().toArray());
        Tensor o = ab[0].div(ab[0].add(ab[0].mul(p1).mul(k3 / k4)).add(ab[1]));
        return new Tensor[] {o, p1.mul(o).mul(k3 / k4), p1};
    }

    @Override public Tensor[] derivative(Tensor v, Tensor c, Tensor[] x) {
        Tensor[] ab = rates(v);
        Tensor o = x[0], ol = x[1], p1 = x[2];
        return new Tensor[] {
                ab[0].mul(BM.onesLike(o).sub(o).sub(ol)).sub(ab[1].mul(o)),
                p1.mul(o).mul(k3).sub(ol.mul(k4)),
                bound(c).mul(BM.onesLike(p1).sub(p1)).sub(p1.mul(k2))};
    }

    @Override public Tensor current(Tensor v, Tensor c, Tensor eCa, Tensor[] x) {
        Tensor open = x[0].add(gInc.get().astype(v.dtype()).mul(x[1]));
        return gMax.get().astype(v.dtype()).mul(open).mul(e.get().astype(v.dtype()).sub(v));
    }

    /** Named parameters. */
    public static final class Builder {
        private String name = "Ih";
        private Object gMax = 0.02, e = -40.0, gInc = 2.0, vSh = 0.0;
        private double k2 = 4e-4, k4 = 1e-3, caHalf = 2e-3, temperature = 36, tBase = 3;

        private Builder() {}

        /** The channel's name in its ion. */ public Builder name(String v) { this.name = v; return this; }
        /** Maximal conductance, mS/cm² (default 0.02). */ public Builder gMax(Object v) { this.gMax = v; return this; }
        /** Reversal potential, mV (default −40). */ public Builder e(Object v) { this.e = v; return this; }
        /** Conductance ratio of the locked open state (default 2). */ public Builder gInc(Object v) { this.gInc = v; return this; }
        /** Shift of the gating functions, mV (default 0). */ public Builder vSh(Object v) { this.vSh = v; return this; }
        /** Unbinding rate k₂, 1/ms (default 4e-4). */ public Builder k2(double v) { this.k2 = v; return this; }
        /** Unlocking rate k₄, 1/ms (default 1e-3). */ public Builder k4(double v) { this.k4 = v; return this; }
        /** Half-activating calcium, mM (default 0.002). */ public Builder caHalf(double v) { this.caHalf = v; return this; }
        /** Temperature, °C (default 36), and the base of φ (default 3). */
        public Builder temperature(double celsius, double base) { this.temperature = celsius; this.tBase = base; return this; }

        public IhDe1996 build() { return new IhDe1996(this); }
    }
}
