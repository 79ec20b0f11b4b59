package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Adadelta (BrainPy's {@code Adadelta(lr=0.01, epsilon=1e-6, rho=0.95)}; the update is BrainPy's, which does not
 * multiply by lr):
 * <pre>
 *   c ← ρc + (1 − ρ)g²;   u = g·√(d + ε)/√(c + ε);   p ← p − u;   d ← ρd + (1 − ρ)u²
 * </pre>
 */
public final class Adadelta extends Optimizer {
    private final double eps, rho;

    /** BrainPy's defaults. */
    public Adadelta(Iterable<? extends Variable> params) { this(rate("Adadelta", 0.01), 1e-6, 0.95, params); }

    public Adadelta(Scheduler lr, double eps, double rho, Iterable<? extends Variable> params) {
        super("Adadelta", lr, params);
        if (!(eps > 0)) throw new IllegalArgumentException("Adadelta.eps: must be > 0; got " + eps);
        if (!(rho >= 0 && rho < 1)) throw new IllegalArgumentException("Adadelta.rho: must be in [0, 1); got " + rho);
        this.eps = eps;
        this.rho = rho;
        for (int i = 0; i < vars().size(); i++) { slot("c", i, vars().get(i)); slot("d", i, vars().get(i)); }
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor c = put(state("c", i), state("c", i).value().mul(rho).add(g.square().mul(1 - rho)));
        Tensor d = state("d", i).value();
        Tensor u = g.mul(sqrt(d.add(eps))).div(sqrt(c.add(eps)));
        put(state("d", i), d.mul(rho).add(u.square().mul(1 - rho)));
        return p.value().sub(u);
    }
}
