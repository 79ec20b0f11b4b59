package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The calcium-activated non-selective cation current (Inoue &amp; Strowbridge 2008; BrainPy's {@code ICaN_IS2008}),
 * a channel of a {@link Calcium} ion that does not carry calcium:
 * <pre>
 *   I_CAN = g_max M(C) p (E − V),   M(C) = C/(C + 0.2)
 *   dp/dt = φ (p∞ − p)/τ_p,   p∞ = 1/(1 + e^{−(V+43)/5.2}),   τ_p = 2.7/(e^{−(V+55)/15} + e^{(V+55)/15}) + 1.6
 * </pre>
 * Defaults {@code E 10 mV, g_max 1 mS/cm², φ 1}. Gate variable {@code ION_NAME_p}; named {@code ICaN} by default.
 */
public final class ICaN extends CalciumActivated {

    private ICaN(Builder b) { super(b.name, b.gMax, b.e, b.phi); }

    /** BrainPy's {@code ICaN_IS2008}. */
    public static Builder is2008() { return new Builder(); }

    @Override public List<String> gates() { return List.of("p"); }

    private static Tensor inf(Tensor v) { return SteadyStateChannel.boltzmann(v, -43, -5.2); }

    private static Tensor tau(Tensor v) {
        return BM.onesLike(v).mul(2.7).div(BM.exp(v.add(55).div(-15)).add(BM.exp(v.add(55).div(15)))).add(1.6);
    }

    @Override public Tensor[] steadyState(Tensor v, Tensor c) { return new Tensor[] {inf(v)}; }

    @Override public Tensor[] derivative(Tensor v, Tensor c, Tensor[] x) {
        return new Tensor[] {phi.get().astype(v.dtype()).mul(inf(v).sub(x[0])).div(tau(v))};
    }

    @Override public Tensor current(Tensor v, Tensor c, Tensor eCa, Tensor[] x) {
        Tensor m = c.div(c.add(0.2));
        return gMax.get().astype(v.dtype()).mul(m).mul(x[0]).mul(e.get().astype(v.dtype()).sub(v));
    }

    /** Named parameters. */
    public static final class Builder {
        private String name = "ICaN";
        private Object gMax = 1.0, e = 10.0, phi = 1.0;

        private Builder() {}

        /** The channel's name in its ion. */ public Builder name(String v) { this.name = v; return this; }
        /** Maximal conductance, mS/cm² (default 1). */ public Builder gMax(Object v) { this.gMax = v; return this; }
        /** Reversal potential, mV (default 10). */ public Builder e(Object v) { this.e = v; return this; }
        /** Temperature factor (default 1). */ public Builder phi(Object v) { this.phi = v; return this; }

        public ICaN build() { return new ICaN(this); }
    }
}
