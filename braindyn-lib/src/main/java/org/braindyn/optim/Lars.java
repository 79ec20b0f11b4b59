package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Layer-wise adaptive rate scaling (You et al. 2017; BrainPy's {@code LARS(lr, momentum=0.9, weight_decay=1e-4,
 * tc=1e-3, eps=1e-5)}): per parameter tensor,
 * <pre>
 *   trust = tc·‖p‖ / (‖g‖ + wd·‖p‖ + ε)   (1 when ‖p‖ or ‖g‖ is 0);   v ← m·v + lr·trust·(g + wd·p);   p ← p − v
 * </pre>
 */
public final class Lars extends Optimizer {
    private final double momentum, wd, tc, eps;

    public Lars(double lr, Iterable<? extends Variable> params) { this(rate("LARS", lr), 0.9, 1e-4, 1e-3, 1e-5, params); }

    public Lars(Scheduler lr, double momentum, double weightDecay, double tc, double eps, Iterable<? extends Variable> params) {
        super("LARS", lr, params);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("LARS.momentum: must be in [0, 1); got " + momentum);
        if (!(weightDecay >= 0)) throw new IllegalArgumentException("LARS.weightDecay: must be >= 0; got " + weightDecay);
        if (!(tc > 0) || !(eps > 0)) throw new IllegalArgumentException("LARS.tc and LARS.eps: must be > 0; got " + tc + ", " + eps);
        this.momentum = momentum;
        this.wd = weightDecay;
        this.tc = tc;
        this.eps = eps;
        for (int i = 0; i < vars().size(); i++) slot("v", i, vars().get(i));
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k, double lr) {
        double pn = norm(p.value()), gn = norm(g);
        double trust = pn == 0 || gn == 0 ? 1 : tc * pn / (gn + wd * pn + eps);
        Tensor v = put(state("v", i), state("v", i).value().mul(momentum).add(g.add(p.value().mul(wd)).mul(lr * trust)));
        return p.value().sub(v);
    }

    static double norm(Tensor t) { return Math.sqrt(sum(square(t.astype(DType.F64))).item()); }
}
