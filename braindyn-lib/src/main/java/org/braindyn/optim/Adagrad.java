package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/** Adagrad (BrainPy's {@code Adagrad(lr, epsilon=1e-6)}): {@code c ← c + g²;  p ← p − lr·g/√(c + ε)}. */
public final class Adagrad extends Optimizer {
    private final double eps;

    public Adagrad(double lr, Iterable<? extends Variable> params) { this(rate("Adagrad", lr), 1e-6, params); }

    public Adagrad(Scheduler lr, double eps, Iterable<? extends Variable> params) {
        super("Adagrad", lr, params);
        if (!(eps > 0)) throw new IllegalArgumentException("Adagrad.eps: must be > 0; got " + eps);
        this.eps = eps;
        for (int i = 0; i < vars().size(); i++) slot("c", i, vars().get(i));
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor c = put(state("c", i), state("c", i).value().add(g.square()));
        return p.value().sub(g.mul(lr).div(sqrt(c.add(eps))));
    }
}
