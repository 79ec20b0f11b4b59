package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/** RMSProp (BrainPy's {@code RMSProp(lr, epsilon=1e-6, rho=0.9)}): {@code c ← ρc + (1 − ρ)g²;  p ← p − lr·g/√(c + ε)}. */
public final class RMSProp extends Optimizer {
    private final double eps, rho;

    public RMSProp(double lr, Iterable<? extends Variable> params) { this(rate("RMSProp", lr), 1e-6, 0.9, params); }

    public RMSProp(Scheduler lr, double eps, double rho, Iterable<? extends Variable> params) {
        super("RMSProp", lr, params);
        if (!(eps > 0)) throw new IllegalArgumentException("RMSProp.eps: must be > 0; got " + eps);
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("RMSProp.rho: must be in [0, 1); got " + rho);
        this.eps = eps;
        this.rho = rho;
        for (int i = 0; i < vars().size(); i++) slot("c", i, vars().get(i));
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor c = put(state("c", i), state("c", i).value().mul(rho).add(g.square().mul(1 - rho)));
        return p.value().sub(g.mul(lr).div(sqrt(c.add(eps))));
    }
}
