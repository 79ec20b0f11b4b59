package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The slow non-inactivating potassium (M-type) current of Yamada et al. (1989; BrainPy's {@code IKNI_Ya1989}), the
 * usual source of spike-frequency adaptation, {@code I_M = g_max p (E − V)} in the shifted potential
 * {@code u = V − V_sh} ({@link SteadyStateChannel}):
 * <pre>
 *   p∞ = 1/(1 + e^{−(u+35)/10}),   τ_p = τ_max / (3.3 e^{(u+35)/20} + e^{−(u+35)/20})
 * </pre>
 * Defaults {@code g_max 0.004 mS/cm², τ_max 4000 ms, E −90 mV, V_sh 0, φ 1}. Gate variable {@code NAME_p}; named
 * {@code IKNI} by default.
 * <pre>{@code IKNI m = IKNI.ya1989().gMax(0.1).tauMax(1000).build();}</pre>
 */
public final class IKNI extends SteadyStateChannel {
    private final double tauMax;

    private IKNI(Builder b) {
        super(b.name, List.of("p"), new int[] {1}, null, b.gMax, b.e, b.phi, b.vSh);
        if (!(b.tauMax > 0)) throw new IllegalArgumentException(b.name + ".tauMax: must be > 0 ms; got " + b.tauMax);
        tauMax = b.tauMax;
    }

    /** BrainPy's {@code IKNI_Ya1989}. */
    public static Builder ya1989() { return new Builder(); }

    @Override protected Tensor inf(int k, Tensor u) { return boltzmann(u, -35, -10); }

    @Override protected Tensor tau(int k, Tensor u) {
        Tensor w = u.add(35).div(20);
        return BM.onesLike(u).mul(tauMax).div(BM.exp(w).mul(3.3).add(BM.exp(w.neg())));
    }

    /** Named parameters. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private double tauMax = 4000;

        private Builder() { super("IKNI", 0.004, -90, 0); }

        /** The largest time constant, ms ({@code tau_max}, default 4000). */
        public Builder tauMax(double ms) { this.tauMax = ms; return this; }

        public IKNI build() { return new IKNI(this); }
    }
}
