package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Slowly inactivating potassium currents of thalamic relay neurons (Huguenard &amp; McCormick 1992; BrainPy's
 * {@code IKK2A_HM1992}, {@code IKK2B_HM1992}), {@code I_K2 = g_max p q (E − V)}, in the shifted potential
 * {@code u = V − V_sh} ({@link SteadyStateChannel}):
 * <pre>
 *   p∞ = 1/(1 + e^{−(u+43)/17}),   τ_p = 1/(e^{(u−81)/25.6} + e^{−(u+132)/18}) + 9.9
 *   q∞ = 1/(1 + e^{(u+58)/10.6}),  τ_q = 1/(e^{(u−1329)/200} + e^{−(u+130)/7.1})       (IK2a)
 *                                  τ_q as IK2a for u &lt; −70, else 8.9                  (IK2b)
 * </pre>
 * as BrainPy's code computes them (its docstrings write 59 in q∞ and add 120 ms to τ_q). Defaults {@code g_max 10 mS/cm²,
 * E −90 mV, V_sh 0, φ_p = φ_q = 1}. Gate variables {@code NAME_p}, {@code NAME_q}; named {@code IKK2} by default.
 */
public final class IKK2 extends SteadyStateChannel {
    private final boolean b;

    private IKK2(Builder bd) {
        super(bd.name, List.of("p", "q"), new int[] {1, 1}, new double[] {bd.phiP, bd.phiQ}, bd.gMax, bd.e, bd.phi, bd.vSh);
        b = bd.b;
    }

    /** IK2a ({@code IKK2A_HM1992}). */
    public static Builder aHm1992() { return new Builder(false); }

    /** IK2b ({@code IKK2B_HM1992}): a fast inactivation above −70 mV. */
    public static Builder bHm1992() { return new Builder(true); }

    @Override protected Tensor inf(int k, Tensor u) { return k == 0 ? boltzmann(u, -43, -17) : boltzmann(u, -58, 10.6); }

    @Override protected Tensor tau(int k, Tensor u) {
        Tensor one = BM.onesLike(u);
        if (k == 0) return one.div(BM.exp(u.sub(81).div(25.6)).add(BM.exp(u.add(132).div(-18)))).add(9.9);
        Tensor slow = one.div(BM.exp(u.sub(1329).div(200)).add(BM.exp(u.add(130).div(-7.1))));
        return b ? BM.where(u.lt(-70), slow, BM.fullLike(u, 8.9)) : slow;
    }

    /** Named parameters with the chosen model's defaults. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private final boolean b;
        private double phiP = 1, phiQ = 1;

        private Builder(boolean b) {
            super("IKK2", 10, -90, 0);
            this.b = b;
        }

        /** Temperature factors of the activation and inactivation gates (defaults 1, 1). */
        public Builder phis(double p, double q) { this.phiP = p; this.phiQ = q; return this; }

        public IKK2 build() { return new IKK2(this); }
    }
}
