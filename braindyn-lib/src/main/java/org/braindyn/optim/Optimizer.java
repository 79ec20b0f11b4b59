package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;

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
 * Base of the gradient optimizers (BrainPy's {@code bp.optim}): it holds the {@link TrainVar}s it updates, a
 * learning rate (a number or a {@link Scheduler}), its own state in {@link Variable}s (so that saving a model with
 * its optimizer and loading it continues bit for bit: {@link #states()}), and applies one update per
 * {@link #update} call. Before the rule, gradients may get an L2 term ({@link #weightDecay}, coupled: {@code g + wd·p})
 * and be rescaled to a maximum global norm ({@link #clipGlobalNorm}); {@link #clipByNorm} clips one leaf.
 * <pre>{@code
 * Adam opt = new Adam(1e-3, model.trainVars().values());
 * Autodiff.Result g = Autodiff.grad(a -> loss(model)).gradVars(opt.vars()).apply();
 * opt.clipGlobalNorm(1.0).update(g.varGrads());
 * }</pre>
 */
public abstract class Optimizer {
    private final List<TrainVar> vars;
    private final Scheduler lr;
    /** Updates applied so far (BrainPy's {@code step}). */
    public final Variable step;
    private final Map<String, Variable> states = new LinkedHashMap<>();
    private double weightDecay, maxNorm;
    final String who;

    protected Optimizer(String who, Scheduler lr, Iterable<? extends Variable> params) {
        this.who = who;
        if (lr == null) throw new IllegalArgumentException(who + ".lr: must not be null; give a number or a Scheduler");
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

    /** A constant learning rate, checked. */
    protected static Scheduler rate(String who, double lr) {
        if (!(lr > 0 && Double.isFinite(lr))) throw new IllegalArgumentException(who + ".lr: the learning rate must be finite and > 0; got " + lr);
        return new Scheduler.Constant(lr);
    }

    /** The variables this optimizer updates. */
    public final List<TrainVar> vars() { return vars; }

    /** The learning rate of the next update (BrainPy's {@code opt.lr()}). */
    public final double lr() { return lr.at(steps()); }

    /** The schedule. */
    public final Scheduler schedule() { return lr; }

    /** Updates applied so far. */
    public final int steps() { return (int) step.value().item(); }

    /** Adds {@code wd·p} to every gradient before the rule (coupled L2 weight decay; AdamW, LARS and LAMB have their own). */
    public Optimizer weightDecay(double wd) {
        if (!(wd >= 0 && Double.isFinite(wd))) throw new IllegalArgumentException(who + ".weightDecay: must be finite and >= 0; got " + wd);
        this.weightDecay = wd;
        return this;
    }

    /** Rescales the gradients, together, so that their global L2 norm is at most {@code maxNorm} (0: off). */
    public Optimizer clipGlobalNorm(double maxNorm) {
        if (!(maxNorm >= 0 && Double.isFinite(maxNorm))) throw new IllegalArgumentException(who + ".clipGlobalNorm: must be finite and >= 0; got " + maxNorm);
        this.maxNorm = maxNorm;
        return this;
    }

    /** {@code g} rescaled to L2 norm at most {@code maxNorm} (one leaf; unchanged when already within). */
    public static Tensor clipByNorm(Tensor g, double maxNorm) {
        if (!(maxNorm > 0)) throw new IllegalArgumentException("Optimizer.clipByNorm: maxNorm must be > 0; got " + maxNorm);
        double n = Math.sqrt(sum(square(g.astype(DType.F64))).item());
        return n <= maxNorm ? g : g.mul(maxNorm / n).astype(g.dtype());
    }

    /** Its state variables (per-parameter slots and the step), for saving with the model. */
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

    /** One update from the gradients of {@link #vars()} (a missing gradient leaves its variable as is). */
    public final void update(Map<? extends Variable, Tensor> grads) {
        int k = steps() + 1;
        double rate = lr.at(k - 1);
        Tensor[] g = new Tensor[vars.size()];
        double sq = 0;
        for (int i = 0; i < g.length; i++) {
            TrainVar v = vars.get(i);
            Tensor gi = grads.get(v);
            if (gi == null) continue;
            if (!gi.shape().equals(v.shape()))
                throw new IllegalArgumentException(who + ": the gradient of " + v.describe() + " has shape " + gi.shape() + "; expected " + v.shape());
            gi = gi.astype(v.dtype());
            if (weightDecay > 0) gi = gi.add(v.value().mul(weightDecay));
            g[i] = gi;
            if (maxNorm > 0) sq += sum(square(gi.astype(DType.F64))).item();
        }
        double scale = maxNorm > 0 && Math.sqrt(sq) > maxNorm ? maxNorm / Math.sqrt(sq) : 1;
        for (int i = 0; i < g.length; i++) {
            if (g[i] == null) continue;
            TrainVar v = vars.get(i);
            Tensor gi = scale == 1 ? g[i] : g[i].mul(scale);
            v.set(apply(i, v, gi, k, rate).astype(v.dtype()));
        }
        step.set(BM.scalar(k, DType.I32));
    }

    /** The new value of variable {@code i} for gradient {@code g} at update number {@code k} (from 1) with rate {@code lr}. */
    protected abstract Tensor apply(int i, TrainVar v, Tensor g, int k, double lr);

    /** Its slot variable of kind {@code kind} for parameter {@code i}. */
    final Variable state(String kind, int i) { return states.get(kind + "." + i); }

    /** Sets and returns a slot's new value. */
    static Tensor put(Variable slot, Tensor value) {
        Tensor t = value.astype(slot.dtype());
        slot.set(t);
        return t;
    }

    @Override public String toString() { return who + "(lr=" + lr + ")"; }
}
