package org.braindyn.optim;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/** Plain gradient descent {@code p ← p − lr·g} (BrainPy's {@code bp.optim.SGD}). */
public final class Sgd extends Optimizer {
    public Sgd(double lr, Iterable<? extends Variable> params) { this(rate("SGD", lr), params); }

    public Sgd(Scheduler lr, Iterable<? extends Variable> params) { super("SGD", lr, params); }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) { return p.value().sub(g.mul(lr)); }
}
