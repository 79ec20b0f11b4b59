package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Voltage-gated sodium channels of the {@code m³h} form ({@link GatedChannel}), {@code I_Na = g_max m³ h (E − V)},
 * with the rate functions of one of three models, written in the shifted potential {@code u = V − V_sh}:
 * <pre>
 *   HH1952 (Hodgkin &amp; Huxley; BrainPy INa_HH1952: g 120, E 50, V_sh −45):
 *     α_m = 0.1(u − 5)/(1 − e^{−(u−5)/10}),   β_m = 4 e^{−(u+20)/18}
 *     α_h = 0.07 e^{−(u+20)/20},              β_h = 1/(1 + e^{−(u−10)/10})
 *   TM1991 (Traub &amp; Miles; BrainPy INa_TM1991: g 120, E 50, V_sh −63):
 *     α_m = 0.32(13 − u)/(e^{(13−u)/4} − 1),   β_m = 0.28(u − 40)/(e^{(u−40)/5} − 1)
 *     α_h = 0.128 e^{(17−u)/18},              β_h = 4/(1 + e^{−(u−40)/5})
 *   Ba2002 (Bazhenov et al.; BrainPy INa_Ba2002: g 90, E 50, V_sh −50, φ = 3^{(T−36)/10}, T 36 °C):
 *     the TM1991 rates
 * </pre>
 * (HH1952 with {@code V_sh −45} is the classic squid axon with rest at −65 mV.) Gate variables {@code NAME_m},
 * {@code NAME_h}; the channel is named {@code INa} by default.
 * <pre>{@code Sodium na = Sodium.tm1991().gMax(100).vSh(-63).build();}</pre>
 */
public final class Sodium extends GatedChannel {
    private final boolean hh;

    private Sodium(Builder b) {
        super(b.name, List.of("m", "h"), new int[] {3, 1}, b.gMax, b.e, b.phi, b.vSh);
        hh = b.hh;
    }

    /** Hodgkin–Huxley 1952 kinetics (BrainPy's {@code INa_HH1952}). */
    public static Builder hh1952() { return new Builder(true, 120, -45); }

    /** Traub–Miles 1991 kinetics (BrainPy's {@code INa_TM1991}), the COBA-HH benchmark's sodium current. */
    public static Builder tm1991() { return new Builder(false, 120, -63); }

    /** Bazhenov et al. 2002 (BrainPy's {@code INa_Ba2002}): the Traub–Miles rates with g 90, V_sh −50 and a temperature factor. */
    public static Builder ba2002() { return new Builder(false, 90, -50); }

    @Override protected Tensor alpha(int k, Tensor u) {
        if (hh) return k == 0 ? Rates.vtrap(u.sub(5), 10).mul(0.1) : BM.exp(u.add(20).div(-20)).mul(0.07);
        return k == 0 ? Rates.vtrap(u.sub(13), 4).mul(0.32) : BM.exp(u.sub(17).div(-18)).mul(0.128);
    }

    @Override protected Tensor beta(int k, Tensor u) {
        if (hh) return k == 0 ? BM.exp(u.add(20).div(-18)).mul(4) : BM.onesLike(u).div(BM.exp(u.sub(10).div(-10)).add(1));
        return k == 0 ? Rates.vtrap(u.sub(40).neg(), 5).mul(0.28) : BM.onesLike(u).mul(4).div(BM.exp(u.sub(40).div(-5)).add(1));
    }

    /** Named parameters with the chosen model's defaults. */
    public static final class Builder extends ChannelBuilder<Builder> {
        private final boolean hh;

        private Builder(boolean hh, double gMax, double vSh) {
            super("INa", gMax, 50, vSh);
            this.hh = hh;
        }

        public Sodium build() { return new Sodium(this); }
    }
}
