package org.braindyn.optim;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Heavy-ball momentum (BrainPy's {@code Momentum(lr, momentum=0.9)}) and, with {@code nesterov}, Nesterov's variant
 * ({@code MomentumNesterov}):
 * <pre>
 *   v ← m·v − lr·g;   p ← p + v                    (momentum)
 *   v ← m·v − lr·g;   p ← p + m·v − lr·g           (Nesterov)
 * </pre>
 */
public final class Momentum extends Optimizer {
    private final double momentum;
    private final boolean nesterov;

    /** Momentum 0.9. */
    public Momentum(double lr, Iterable<? extends Variable> params) { this(rate("Momentum", lr), 0.9, false, params); }

    public Momentum(Scheduler lr, double momentum, boolean nesterov, Iterable<? extends Variable> params) {
        super(nesterov ? "MomentumNesterov" : "Momentum", lr, params);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException(who + ".momentum: must be in [0, 1); got " + momentum);
        this.momentum = momentum;
        this.nesterov = nesterov;
        for (int i = 0; i < vars().size(); i++) slot("v", i, vars().get(i));
    }

    /** BrainPy's {@code MomentumNesterov(lr, momentum=0.9)}. */
    public static Momentum nesterov(double lr, Iterable<? extends Variable> params) { return new Momentum(rate("MomentumNesterov", lr), 0.9, true, params); }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        Tensor v = put(state("v", i), state("v", i).value().mul(momentum).sub(g.mul(lr)));
        return nesterov ? p.value().add(v.mul(momentum)).sub(g.mul(lr)) : p.value().add(v);
    }
}
