package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Delayed-rectifier potassium channels of the {@code n⁴} form ({@link GatedChannel}), {@code I_K = g_max n⁴ (E − V)},
 * in the shifted potential {@code u = V − V_sh}:
 * <pre>
 *   HH1952 (Hodgkin &amp; Huxley; BrainPy IK_HH1952: g 10, E −90, V_sh −45):
 *     α_n = 0.01(u + 10)/(1 − e^{−(u+10)/10}),   β_n = 0.125 e^{−(u+20)/80}
 *   TM1991 (Traub &amp; Miles; BrainPy IK_TM1991: g 10, E −90, V_sh −60):
 *     α_n = 0.032(15 − u)/(e^{(15−u)/5} − 1),    β_n = 0.5 e^{(10−u)/40}
 *   DR Ba2002 (Bazhenov et al.; BrainPy IKDR_Ba2002: g 10, E −90, V_sh −50, φ = 3^{(T−36)/10}): the TM1991 rates
 * </pre>
 * Gate variable {@code NAME_n}; the channel is named {@code IK} by default.
 * <pre>{@code Potassium k = Potassium.tm1991().gMax(30).vSh(-63).build();}</pre>
 */
public final class Potassium extends GatedChannel {
    private final boolean hh;

    private Potassium(Builder b) {
        super(b.name, List.of("n"), new int[] {4}, b.gMax, b.e, b.phi, b.vSh);
        hh = b.hh;
    }

    /** Hodgkin–Huxley 1952 kinetics (BrainPy's {@code IK_HH1952}). */
    public static Builder hh1952() { return new Builder(true, -45); }

    /** Traub–Miles 1991 kinetics (BrainPy's {@code IK_TM1991}), the COBA-HH benchmark's potassium current. */
    public static Builder tm1991() { return new Builder(false, -60); }

    /** Bazhenov et al. 2002 delayed rectifier (BrainPy's {@code IKDR_Ba2002}). */
    public static Builder drBa2002() { return new Builder(false, -50); }

    @Override protected Tensor alpha(int k, Tensor u) {
        return hh ? Rates.vtrap(u.add(10), 10).mul(0.01) : Rates.vtrap(u.sub(15), 5).mul(0.032);
    }

    @Override protected Tensor beta(int k, Tensor u) {
        return hh ? BM.exp(u.add(20).div(-80)).mul(0.125) : BM.exp(u.sub(10).div(-40)).mul(0.5);
    }

    /** Named parameters with the chosen model's defaults. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private final boolean hh;

        private Builder(boolean hh, double vSh) {
            super("IK", 10, -90, vSh);
            this.hh = hh;
        }

        public Potassium build() { return new Potassium(this); }
    }
}
