package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Voltage-gated calcium currents of the {@code p²q} form, driven by the calcium ion's reversal potential
 * ({@link CalciumChannel} of a {@link Calcium}): {@code I_Ca = g_max p² q (E_Ca − V)}, gates in the steady-state
 * form {@code dx/dt = φ_x (x∞ − x)/τ_x} of the shifted potential {@code u = V − V_sh}, with temperature factors
 * {@code φ_p = T_p^{(T−24)/10}}, {@code φ_q = T_q^{(T−24)/10}} (T = 36 °C):
 * <pre>
 *   T-type, relay cells (Huguenard &amp; McCormick 1992; ICaT_HM1992: g 2, V_sh −3, T_p 3.55, T_q 3)
 *     p∞ = 1/(1 + e^{−(u+59)/6.2}),  τ_p = 1/(e^{−(u+132)/16.7} + e^{(u+16.8)/18.2}) + 0.612
 *     q∞ = 1/(1 + e^{(u+83)/4}),     τ_q = e^{(u+467)/66.6} for u &lt; −80, else e^{−(u+22)/10.5} + 28
 *   high-threshold T-type (ICaHT_HM1992: the same functions, g 2, V_sh 25)
 *   T-type, reticular cells (Huguenard &amp; Prince 1992; ICaT_HP1992: g 1.75, V_sh −3, T_p 5, T_q 3)
 *     p∞ = 1/(1 + e^{−(u+52)/7.4}),  τ_p = 3 + 1/(e^{(u+27)/10} + e^{−(u+102)/15})
 *     q∞ = 1/(1 + e^{(u+80)/5}),     τ_q = 85 + 1/(e^{(u+48)/4} + e^{−(u+407)/50})
 *   high-voltage-activated, neocortex (Reuveni et al. 1993; ICaHT_Re1993: g 1, V_sh 0, φ = 2.3^{(T−23)/10} for both gates),
 *     I = g q² r (E_Ca − V), dx/dt = φ (α_x (1 − x) − β_x x):
 *     α_q = 0.055(−27 − u)/(e^{(−27−u)/3.8} − 1),  β_q = 0.94 e^{(−75−u)/17}
 *     α_r = 0.000457 e^{(−13−u)/50},              β_r = 0.0065/(e^{(−15−u)/28} + 1)
 *   L-type (Inoue &amp; Strowbridge 2008; ICaL_IS2008: g 1, V_sh 0, T_p 3.55, T_q 3)
 *     p∞ = 1/(1 + e^{−(u+10)/4}),    τ_p = 0.4 + 0.7/(e^{−(u+5)/15} + e^{(u+5)/15})
 *     q∞ = 1/(1 + e^{(u+25)/2}),     τ_q = 300 + 100/(e^{(u+40)/9.5} + e^{−(u+40)/9.5})
 * </pre>
 * Gate variables {@code ION_NAME_p}, {@code ION_NAME_q} ({@code _q}, {@code _r} for ICaHT_Re1993); named {@code ICaT}, {@code ICaHT} or {@code ICaL} by default.
 * <pre>{@code Calcium ca = Calcium.detailed().channels(ICa.tHm1992().gMax(1.75).build()).build();}</pre>
 */
public final class ICa extends CalciumChannel {
    enum Kind { T_HM1992, T_HP1992, HT_HM1992, HT_RE1993, L_IS2008 }

    private final GatedChannel gating;

    private ICa(Builder b) {
        super(b.name);
        double factor = (b.temperature - (b.kind == Kind.HT_RE1993 ? 23 : 24)) / 10;
        double[] phis = {Math.pow(b.baseP, factor), Math.pow(b.baseQ, factor)};
        gating = b.kind == Kind.HT_RE1993 ? new MarkovGates(b.name, phis, b.gMax, b.vSh) : new Gates(b.kind, b.name, phis, b.gMax, b.vSh);
    }

    /** Low-threshold T-type current of relay cells ({@code ICaT_HM1992}). */
    public static Builder tHm1992() { return new Builder(Kind.T_HM1992, "ICaT", 2, -3, 3.55, 3); }

    /** Low-threshold T-type current of reticular cells ({@code ICaT_HP1992}). */
    public static Builder tHp1992() { return new Builder(Kind.T_HP1992, "ICaT", 1.75, -3, 5, 3); }

    /** High-threshold T-type current ({@code ICaHT_HM1992}). */
    public static Builder htHm1992() { return new Builder(Kind.HT_HM1992, "ICaHT", 2, 25, 3.55, 3); }

    /** High-voltage-activated current of neocortical dendrites (Reuveni et al. 1993; {@code ICaHT_Re1993}), in α/β form. */
    public static Builder htRe1993() { return new Builder(Kind.HT_RE1993, "ICaHT", 1, 0, 2.3, 2.3); }

    /** L-type current ({@code ICaL_IS2008}). */
    public static Builder lIs2008() { return new Builder(Kind.L_IS2008, "ICaL", 1, 0, 3.55, 3); }

    @Override public List<String> gates() { return gating.gates(); }

    @Override public void bind(String owner, int size) { gating.bind(owner, size); }

    @Override public Tensor[] steadyState(Tensor v, Tensor c) { return gating.steadyState(v); }

    @Override public Tensor[] derivative(Tensor v, Tensor c, Tensor[] x) { return gating.derivative(v, x); }

    @Override public Tensor current(Tensor v, Tensor c, Tensor eCa, Tensor[] x) { return gating.conductance(v, x).mul(eCa.astype(v.dtype()).sub(v)); }

    /** The voltage gating (its own reversal potential is unused: the ion supplies E_Ca). */
    private static final class Gates extends SteadyStateChannel {
        private final Kind kind;

        Gates(Kind kind, String name, double[] factors, Object gMax, Object vSh) {
            super(name, List.of("p", "q"), new int[] {2, 1}, factors, gMax, 0.0, 1.0, vSh);
            this.kind = kind;
        }

        @Override protected Tensor inf(int k, Tensor u) {
            return switch (kind) {
                case HT_RE1993 -> throw new IllegalStateException("α/β form");
                case T_HM1992, HT_HM1992 -> k == 0 ? boltzmann(u, -59, -6.2) : boltzmann(u, -83, 4);
                case T_HP1992 -> k == 0 ? boltzmann(u, -52, -7.4) : boltzmann(u, -80, 5);
                case L_IS2008 -> k == 0 ? boltzmann(u, -10, -4) : boltzmann(u, -25, 2);
            };
        }

        private static Tensor sumExp(Tensor u, double a, double sa, double b, double sb) {
            return BM.exp(u.add(a).div(sa)).add(BM.exp(u.add(b).div(sb)));
        }

        @Override protected Tensor tau(int k, Tensor u) {
            Tensor one = BM.onesLike(u);
            return switch (kind) {
                case HT_RE1993 -> throw new IllegalStateException("α/β form");
                case T_HM1992, HT_HM1992 -> k == 0 ? one.div(sumExp(u, 132, -16.7, 16.8, 18.2)).add(0.612)
                        : BM.where(u.lt(-80), BM.exp(u.add(467).div(66.6)), BM.exp(u.add(22).div(-10.5)).add(28));
                case T_HP1992 -> k == 0 ? one.div(sumExp(u, 27, 10, 102, -15)).add(3) : one.div(sumExp(u, 48, 4, 407, -50)).add(85);
                case L_IS2008 -> k == 0 ? one.mul(0.7).div(sumExp(u, 5, -15, 5, 15)).add(0.4) : one.mul(100).div(sumExp(u, 40, 9.5, 40, -9.5)).add(300);
            };
        }
    }

    /** Reuveni et al.'s q²r gating in α/β form, of {@code u = V − V_sh}. */
    private static final class MarkovGates extends GatedChannel {
        MarkovGates(String name, double[] factors, Object gMax, Object vSh) { super(name, List.of("q", "r"), new int[] {2, 1}, factors, gMax, 0.0, 1.0, vSh); }

        @Override protected Tensor alpha(int k, Tensor u) {
            return k == 0 ? Rates.vtrap(u.add(27), 3.8).mul(0.055) : BM.exp(u.add(13).div(-50)).mul(0.000457);
        }

        @Override protected Tensor beta(int k, Tensor u) {
            return k == 0 ? BM.exp(u.add(75).div(-17)).mul(0.94) : BM.onesLike(u).mul(0.0065).div(BM.exp(u.add(15).div(-28)).add(1));
        }
    }

    /** Named parameters with the chosen model's defaults. */
    public static final class Builder {
        private final Kind kind;
        private String name;
        private Object gMax, vSh;
        private double temperature = 36, baseP, baseQ;

        private Builder(Kind kind, String name, double gMax, double vSh, double baseP, double baseQ) {
            this.kind = kind;
            this.name = name;
            this.gMax = gMax;
            this.vSh = vSh;
            this.baseP = baseP;
            this.baseQ = baseQ;
        }

        /** The channel's name in its ion. */
        public Builder name(String v) { this.name = v; return this; }
        /** Maximal conductance, mS/cm². */
        public Builder gMax(Object v) { this.gMax = v; return this; }
        /** Shift of the gating functions along V, mV. */
        public Builder vSh(Object v) { this.vSh = v; return this; }
        /** Temperature, °C (default 36): φ_x = T_x^{(T − 24)/10}. */
        public Builder temperature(double celsius) { this.temperature = celsius; return this; }
        /** The bases T_p, T_q of the temperature factors. */
        public Builder temperatureBases(double p, double q) { this.baseP = p; this.baseQ = q; return this; }

        public ICa build() { return new ICa(this); }
    }
}
