package org.braindyn.optim;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/** Plain gradient descent {@code θ ← θ − lr·g} (BrainPy's {@code bp.optim.SGD}). */
public final class Sgd extends Optimizer {
    public Sgd(double lr, Iterable<? extends Variable> params) { super("SGD", lr, params); }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k) { return p.value().sub(g.mul(lr)); }

    @Override public String toString() { return "SGD(lr=" + lr + ")"; }
}
