package org.braindyn.dyn.channels;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The slow calcium-dependent potassium (after-hyperpolarisation) current of reticular cells (Destexhe et al. 1994;
 * BrainPy's {@code IAHP_De1994}), a channel of a {@link Calcium} ion that does not carry calcium: n calcium ions bind
 * to open it,
 * <pre>
 *   I_AHP = g_max p² (E_K − V)
 *   dp/dt = φ (p∞ − p)/τ_p,   p∞ = α Cⁿ/(α Cⁿ + β),   τ_p = 1/(α Cⁿ + β)
 * </pre>
 * Defaults {@code n 2, g_max 10 mS/cm², α 48 ms⁻¹mM⁻², β 0.09 ms⁻¹, φ 1, E_K −95 mV} (BrainPy's fixed potassium ion).
 * Gate variable {@code ION_NAME_p}; named {@code IAHP} by default.
 */
public final class IAhp extends CalciumActivated {
    private final Object aSpec, bSpec;
    private final double n;
    private Supplier<Tensor> alpha, beta;

    private IAhp(Builder b) {
        super(b.name, b.gMax, b.e, b.phi);
        if (!(b.n > 0)) throw new IllegalArgumentException(b.name + ".n: the number of bound calcium ions must be > 0; got " + b.n);
        aSpec = b.alpha;
        bSpec = b.beta;
        n = b.n;
    }

    /** BrainPy's {@code IAHP_De1994}. */
    public static Builder de1994() { return new Builder(); }

    @Override public List<String> gates() { return List.of("p"); }

    @Override void bindRates(String who, int size) {
        alpha = ParamSpec.resolve(who, "alpha", "1/(ms·mMⁿ)", aSpec, size, ParamSpec.Rule.POSITIVE);
        beta = ParamSpec.resolve(who, "beta", "1/ms", bSpec, size, ParamSpec.Rule.POSITIVE);
    }

    private Tensor bound(Tensor c) { return alpha.get().astype(c.dtype()).mul(BM.power(c, n)); }

    @Override public Tensor[] steadyState(Tensor v, Tensor c) {
        Tensor a = bound(c);
        return new Tensor[] {BM.broadcastTo(a.div(a.add(beta.get().astype(c.dtype()))), v.shape().toArray())};
    }

    @Override public Tensor[] derivative(Tensor v, Tensor c, Tensor[] x) {
        Tensor a = bound(c), rate = a.add(beta.get().astype(c.dtype()));
        return new Tensor[] {phi.get().astype(v.dtype()).mul(a.div(rate).sub(x[0])).mul(rate)};
    }

    @Override public Tensor current(Tensor v, Tensor c, Tensor eCa, Tensor[] x) {
        return gMax.get().astype(v.dtype()).mul(x[0].mul(x[0])).mul(e.get().astype(v.dtype()).sub(v));
    }

    /** Named parameters. */
    public static final class Builder {
        private String name = "IAHP";
        private Object gMax = 10.0, e = -95.0, phi = 1.0, alpha = 48.0, beta = 0.09;
        private double n = 2;

        private Builder() {}

        /** The channel's name in its ion. */ public Builder name(String v) { this.name = v; return this; }
        /** Maximal conductance, mS/cm² (default 10). */ public Builder gMax(Object v) { this.gMax = v; return this; }
        /** Potassium reversal potential, mV (default −95). */ public Builder e(Object v) { this.e = v; return this; }
        /** Temperature factor (default 1). */ public Builder phi(Object v) { this.phi = v; return this; }
        /** Binding rate α, 1/(ms·mMⁿ) (default 48). */ public Builder alpha(Object v) { this.alpha = v; return this; }
        /** Unbinding rate β, 1/ms (default 0.09). */ public Builder beta(Object v) { this.beta = v; return this; }
        /** Calcium ions bound per opening, n (default 2). */ public Builder n(double v) { this.n = v; return this; }

        public IAhp build() { return new IAhp(this); }
    }
}
