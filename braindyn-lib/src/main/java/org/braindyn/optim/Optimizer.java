package org.braindyn.optim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Base of the gradient optimizers (BrainPy's {@code bp.optim}): it holds the {@link TrainVar}s it updates, its own
 * state in {@link Variable}s (so that saving a model with its optimizer and loading it continues bit for bit), and
 * applies one update per {@link #update} call from the gradients of those variables.
 * <pre>{@code
 * Adam opt = new Adam(1e-3, model.trainVars().values());
 * Autodiff.Result g = Autodiff.grad(a -> loss(model)).gradVars(opt.vars()).apply();
 * opt.update(g.varGrads());
 * }</pre>
 */
public abstract class Optimizer {
    private final List<TrainVar> vars;
    /** Learning rate. */
    protected final double lr;
    /** Updates applied so far. */
    public final Variable step;
    private final Map<String, Variable> states = new LinkedHashMap<>();

    protected Optimizer(String who, double lr, Iterable<? extends Variable> params) {
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException(who + ".lr: the learning rate must be finite and > 0; got " + lr);
        List<TrainVar> vs = new ArrayList<>();
        if (params != null) for (Variable v : params) {
            if (!(v instanceof TrainVar t)) throw new IllegalArgumentException(who + ": " + v.describe() + " is not a TrainVar; only trainable variables can be optimised");
            vs.add(t);
        }
        if (vs.isEmpty()) throw new IllegalArgumentException(who + ": no TrainVars to optimise; build the model in training mode or with trainable(true)");
        this.vars = List.copyOf(vs);
        this.lr = lr;
        this.step = new Variable(BM.scalar(0, DType.I32), "step");
    }

    /** The variables this optimizer updates. */
    public final List<TrainVar> vars() { return vars; }

    /** Its state variables (per-parameter moments and the step), for saving with the model. */
    public final Map<String, Variable> states() {
        Map<String, Variable> all = new LinkedHashMap<>(states);
        all.put("step", step);
        return all;
    }

    /** A zero state shaped like {@code v}, registered under {@code kind.index}. */
    protected final Variable slot(String kind, int index, TrainVar v) {
        Variable s = new Variable(BM.zerosLike(v.value()), kind + index);
        states.put(kind + "." + index, s);
        return s;
    }

    /** One update from the gradients of {@link #vars()} (a missing gradient counts as zero: the variable is left as is). */
    public final void update(Map<? extends Variable, Tensor> grads) {
        int k = (int) step.value().item() + 1;
        for (int i = 0; i < vars.size(); i++) {
            TrainVar v = vars.get(i);
            Tensor g = grads.get(v);
            if (g == null) continue;
            v.set(apply(i, v, g.astype(v.dtype()), k).astype(v.dtype()));
        }
        step.set(BM.scalar(k, DType.I32));
    }

    /** The new value of variable {@code i} for gradient {@code g} at update number {@code k} (from 1). */
    protected abstract Tensor apply(int i, TrainVar v, Tensor g, int k);
}
