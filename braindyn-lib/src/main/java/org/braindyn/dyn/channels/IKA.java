package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Rapidly inactivating (A-type) potassium currents of thalamic relay neurons (Huguenard &amp; McCormick 1992; BrainPy's
 * {@code IKA1_HM1992}, {@code IKA2_HM1992}), {@code I_A = g_max p⁴ q (E − V)}, in the shifted potential
 * {@code u = V − V_sh} ({@link SteadyStateChannel}):
 * <pre>
 *   p∞ = 1/(1 + e^{−(u+60)/8.5})   (IA1)      p∞ = 1/(1 + e^{−(u+36)/20})   (IA2)
 *   τ_p = 1/(e^{(u+35.8)/19.7} + e^{−(u+79.7)/12.7}) + 0.37
 *   q∞ = 1/(1 + e^{(u+78)/6})
 *   τ_q = 1/(e^{(u+46)/5} + e^{−(u+238)/37.5}) for u &lt; −63, else 19
 * </pre>
 * Defaults: IA1 {@code g_max 30}, IA2 {@code g_max 20} mS/cm²; {@code E −90 mV, V_sh 0, φ_p = φ_q = 1}. Gate variables
 * {@code NAME_p}, {@code NAME_q}; named {@code IKA} by default.
 * <pre>{@code IKA ia = IKA.a1Hm1992().gMax(20).build();}</pre>
 */
public final class IKA extends SteadyStateChannel {
    private final boolean second;

    private IKA(Builder b) {
        super(b.name, List.of("p", "q"), new int[] {4, 1}, new double[] {b.phiP, b.phiQ}, b.gMax, b.e, b.phi, b.vSh);
        second = b.second;
    }

    /** IA1 of Huguenard &amp; McCormick 1992 ({@code IKA1_HM1992}, g 30). */
    public static Builder a1Hm1992() { return new Builder(false, 30); }

    /** IA2 of Huguenard &amp; McCormick 1992 ({@code IKA2_HM1992}, g 20). */
    public static Builder a2Hm1992() { return new Builder(true, 20); }

    @Override protected Tensor inf(int k, Tensor u) {
        if (k == 0) return second ? boltzmann(u, -36, -20) : boltzmann(u, -60, -8.5);
        return boltzmann(u, -78, 6);
    }

    @Override protected Tensor tau(int k, Tensor u) {
        if (k == 0) return BM.onesLike(u).div(BM.exp(u.add(35.8).div(19.7)).add(BM.exp(u.add(79.7).div(-12.7)))).add(0.37);
        Tensor low = BM.onesLike(u).div(BM.exp(u.add(46).div(5)).add(BM.exp(u.add(238).div(-37.5))));
        return BM.where(u.lt(-63), low, BM.fullLike(u, 19));
    }

    /** Named parameters with the chosen model's defaults. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private final boolean second;
        private double phiP = 1, phiQ = 1;

        private Builder(boolean second, double gMax) {
            super("IKA", gMax, -90, 0);
            this.second = second;
        }

        /** Temperature factors of the activation and inactivation gates (defaults 1, 1). */
        public Builder phis(double p, double q) { this.phiP = p; this.phiQ = q; return this; }

        public IKA build() { return new IKA(this); }
    }
}
