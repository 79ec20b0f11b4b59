package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Adam (Kingma and Ba 2015; BrainPy's {@code Adam(lr, beta1=0.9, beta2=0.999, eps=1e-8)}) and, with a weight decay,
 * AdamW (Loshchilov and Hutter 2019; decoupled: {@code p ← p − lr·(m̂/(√v̂ + ε) + wd·p)}):
 * <pre>
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   m̂ = m/(1 − β₁ᵏ),  v̂ = v/(1 − β₂ᵏ),   p ← p − lr·m̂/(√v̂ + ε)
 * </pre>
 * <pre>{@code Adam opt = new Adam(1e-3, readout.trainVars().values());   Adam w = Adam.w(1e-3, 1e-2, vars);}</pre>
 */
public final class Adam extends Optimizer {
    private final double beta1, beta2, eps, decoupledDecay;

    /** BrainPy's defaults β₁ 0.9, β₂ 0.999, ε 1e-8. */
    public Adam(double lr, Iterable<? extends Variable> params) { this(rate("Adam", lr), 0.9, 0.999, 1e-8, 0, params); }

    /** A schedule with BrainPy's defaults. */
    public Adam(Scheduler lr, Iterable<? extends Variable> params) { this(lr, 0.9, 0.999, 1e-8, 0, params); }

    public Adam(double lr, double beta1, double beta2, double eps, Iterable<? extends Variable> params) { this(rate("Adam", lr), beta1, beta2, eps, 0, params); }

    /**
     * @param decoupledDecay AdamW's weight decay (0: Adam)
     */
    public Adam(Scheduler lr, double beta1, double beta2, double eps, double decoupledDecay, Iterable<? extends Variable> params) {
        super(decoupledDecay > 0 ? "AdamW" : "Adam", lr, params);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException(who + ".beta1: must be in [0, 1); got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException(who + ".beta2: must be in [0, 1); got " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException(who + ".eps: must be > 0; got " + eps);
        if (!(decoupledDecay >= 0)) throw new IllegalArgumentException(who + ".weightDecay: must be >= 0; got " + decoupledDecay);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        this.decoupledDecay = decoupledDecay;
        for (int i = 0; i < vars().size(); i++) { slot("m", i, vars().get(i)); slot("v", i, vars().get(i)); }
    }

    /** AdamW with weight decay {@code wd} (BrainPy's default 1e-2) and Adam's other defaults. */
    public static Adam w(double lr, double wd, Iterable<? extends Variable> params) {
        if (!(wd > 0)) throw new IllegalArgumentException("AdamW.weightDecay: must be > 0; got " + wd);
        return new Adam(rate("AdamW", lr), 0.9, 0.999, 1e-8, wd, params);
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor m = put(state("m", i), state("m", i).value().mul(beta1).add(g.mul(1 - beta1)));
        Tensor v = put(state("v", i), state("v", i).value().mul(beta2).add(g.square().mul(1 - beta2)));
        Tensor step = m.div(1 - Math.pow(beta1, k)).div(sqrt(v.div(1 - Math.pow(beta2, k))).add(eps));
        if (decoupledDecay > 0) step = step.add(p.value().mul(decoupledDecay));
        return p.value().sub(step.mul(lr));
    }
}
