package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Adam (Kingma and Ba 2015; BrainPy's {@code bp.optim.Adam(lr, beta1=0.9, beta2=0.999, eps=1e-8)}):
 * <pre>
 *   m ← β₁m + (1 − β₁)g,   v ← β₂v + (1 − β₂)g²,   θ ← θ − lr · m̂ / (√v̂ + ε),   m̂ = m/(1 − β₁ᵏ), v̂ = v/(1 − β₂ᵏ)
 * </pre>
 * <pre>{@code Adam opt = new Adam(1e-3, readout.trainVars().values());}</pre>
 */
public final class Adam extends Optimizer {
    private final double beta1, beta2, eps;
    private final List<Variable> m = new ArrayList<>(), v = new ArrayList<>();

    /** BrainPy's defaults β₁ 0.9, β₂ 0.999, ε 1e-8. */
    public Adam(double lr, Iterable<? extends Variable> params) { this(lr, 0.9, 0.999, 1e-8, params); }

    public Adam(double lr, double beta1, double beta2, double eps, Iterable<? extends Variable> params) {
        super("Adam", lr, params);
        if (!(beta1 >= 0 && beta1 < 1)) throw new IllegalArgumentException("Adam.beta1: must be in [0, 1); got " + beta1);
        if (!(beta2 >= 0 && beta2 < 1)) throw new IllegalArgumentException("Adam.beta2: must be in [0, 1); got " + beta2);
        if (!(eps > 0)) throw new IllegalArgumentException("Adam.eps: must be > 0; got " + eps);
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.eps = eps;
        for (int i = 0; i < vars().size(); i++) { m.add(slot("m", i, vars().get(i))); v.add(slot("v", i, vars().get(i))); }
    }

    @Override protected Tensor apply(int i, TrainVar p, Tensor g, int k) {
        Tensor mi = m.get(i).value().mul(beta1).add(g.mul(1 - beta1));
        Tensor vi = v.get(i).value().mul(beta2).add(g.square().mul(1 - beta2));
        m.get(i).set(mi.astype(p.dtype()));
        v.get(i).set(vi.astype(p.dtype()));
        Tensor mh = mi.div(1 - Math.pow(beta1, k)), vh = vi.div(1 - Math.pow(beta2, k));
        return p.value().sub(mh.mul(lr).div(sqrt(vh).add(eps)));
    }

    @Override public String toString() { return "Adam(lr=" + lr + ", beta1=" + beta1 + ", beta2=" + beta2 + ", eps=" + eps + ")"; }
}
