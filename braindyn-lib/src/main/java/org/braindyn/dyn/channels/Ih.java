package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The hyperpolarisation-activated cation current of thalamic relay neurons (Huguenard &amp; McCormick 1992; BrainPy's
 * {@code Ih_HM1992}), {@code I_h = g_max p (E − V)}:
 * <pre>
 *   dp/dt = φ (p∞ − p)/τ_p,   p∞ = 1/(1 + e^{(V+75)/5.5}),   τ_p = 1/(e^{−0.086V − 14.59} + e^{0.0701V − 1.87})
 * </pre>
 * Defaults {@code g_max 10 mS/cm², E 43 mV, φ 1}. Gate variable {@code NAME_p}; named {@code Ih} by default. The
 * calcium-modulated form of Destexhe et al. 1996 is {@link IhDe1996}.
 * <pre>{@code Ih ih = Ih.hm1992().gMax(0.02).e(-40).build();}</pre>
 */
public final class Ih extends SteadyStateChannel {
    private Ih(Builder b) { super(b.name, List.of("p"), new int[] {1}, null, b.gMax, b.e, b.phi, b.vSh); }

    /** BrainPy's {@code Ih_HM1992}: g 10, E 43. */
    public static Builder hm1992() { return new Builder(); }

    @Override protected Tensor inf(int k, Tensor v) { return boltzmann(v, -75, 5.5); }

    @Override protected Tensor tau(int k, Tensor v) {
        return BM.onesLike(v).div(BM.exp(v.mul(-0.086).sub(14.59)).add(BM.exp(v.mul(0.0701).sub(1.87))));
    }

    /** Named parameters. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private Builder() { super("Ih", 10, 43, 0); }

        public Ih build() { return new Ih(this); }
    }
}
