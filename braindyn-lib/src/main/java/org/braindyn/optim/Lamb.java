package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * LAMB (You et al. 2020): Adam's bias-corrected direction plus decoupled weight decay, scaled per parameter tensor
 * by the trust ratio {@code ‖p‖/‖u‖} (1 when either is 0):
 * <pre>
 *   u = m̂/(√v̂ + ε) + wd·p;   p ← p − lr·(‖p‖/‖u‖)·u
 * </pre>
 * Defaults β₁ 0.9, β₂ 0.999, ε 1e-6, wd 0.
 */
public final class Lamb extends Optimizer {
    private final double beta1, beta2, eps, wd;

    public Lamb(double lr, Iterable<? extends Variable> params) { this(rate("LAMB", lr), 0.9, 0.999, 1e-6, 0, params); }

    public Lamb(Scheduler lr, double beta1, double beta2, double eps, double weightDecay, Iterable<? extends Variable> params) {
        super("LAMB", lr, params);
        if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("LAMB.beta1/beta2: must be in [0, 1); got " + beta1 + ", " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("LAMB.eps: must be > 0; got " + eps);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("LAMB.weightDecay: must be >= 0; got " + weightDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.wd = weightDecay;
        for (int i = 0; i < vars().size(); i++) { slot("m", i, vars().get(i)); slot("v", i, vars().get(i)); }
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor m = put(state("m", i), state("m", i).value().mul(beta1).add(g.mul(1 - beta1)));
        Tensor v = put(state("v", i), state("v", i).value().mul(beta2).add(g.square().mul(1 - beta2)));
        Tensor u = m.div(1 - Math.pow(beta1, k)).div(sqrt(v.div(1 - Math.pow(beta2, k))).add(eps)).add(p.value().mul(wd));
        double pn = Lars.norm(p.value()), un = Lars.norm(u);
        double trust = pn == 0 || un == 0 ? 1 : pn / un;
        return p.value().sub(u.mul(lr * trust));
    }
}
