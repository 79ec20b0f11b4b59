package org.braindyn.analysis;

import static org.braindyn.tensor.BM.*;

import java.util.List;
import org.braindyn.tensor.Tensor;

/**
 * The reduced Wong &amp; Wang (2006) decision-making model, as in SPEC §4.1: {@code I_i = J_E s_i + J_I s_j + I_b +
 * J_Aext μ (1 ± c')}, {@code r_i = (a I_i − b)/(1 − exp(−d (a I_i − b)))}, {@code ds_i/dt = −s_i/τ + (1 − s_i) γ r_i}
 * (γ 0.641, τ 0.1 s, a 270, b 108, d 0.154, J_E 0.2609, J_I −0.0497, J_Aext 0.00052, I_b 0.3255).
 */
final class DecisionModel {
    private DecisionModel() {}

    /** The variant with other time constant and couplings (SPEC R9: τ 0.06 s, J_E 0.3725, J_I −0.1137, J_Aext 0.00117, I_b 0.3297). */
    static VectorField field(double tau, double je, double ji, double jaExt, double ib) {
        return VectorField.of((y, t, p) -> {
            Tensor coh = p[0], mu = p[1];
            Tensor i1 = y[0].mul(je).add(y[1].mul(ji)).add(ib).add(mu.mul(jaExt).mul(coh.add(1)));
            Tensor i2 = y[1].mul(je).add(y[0].mul(ji)).add(ib).add(mu.mul(jaExt).mul(onesLike(coh).sub(coh)));
            return new Tensor[] {
                    y[0].div(-tau).add(onesLike(y[0]).sub(y[0]).mul(0.641).mul(rate(i1))),
                    y[1].div(-tau).add(onesLike(y[1]).sub(y[1]).mul(0.641).mul(rate(i2)))};
        }, List.of("s1", "s2"), List.of("coh", "mu"));
    }

    static Tensor rate(Tensor i) {
        Tensor x = i.mul(270).sub(108);
        return x.div(onesLike(x).sub(exp(x.mul(-0.154))));
    }

    static VectorField field() {
        return VectorField.of((y, t, p) -> {
            Tensor coh = p[0], mu = p[1];
            Tensor i1 = y[0].mul(0.2609).add(y[1].mul(-0.0497)).add(0.3255).add(mu.mul(0.00052).mul(coh.add(1)));
            Tensor i2 = y[1].mul(0.2609).add(y[0].mul(-0.0497)).add(0.3255).add(mu.mul(0.00052).mul(onesLike(coh).sub(coh)));
            return new Tensor[] {
                    y[0].div(-0.1).add(onesLike(y[0]).sub(y[0]).mul(0.641).mul(rate(i1))),
                    y[1].div(-0.1).add(onesLike(y[1]).sub(y[1]).mul(0.641).mul(rate(i2)))};
        }, List.of("s1", "s2"), List.of("coh", "mu"));
    }
}
