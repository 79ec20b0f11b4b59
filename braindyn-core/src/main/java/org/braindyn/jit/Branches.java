package org.braindyn.jit;

import java.util.Map;
import java.util.function.Supplier;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * {@link Loops#cond} inside a trace: both branches are traced, each starting from the same variable values,
 * and their results and variable updates are merged with {@code where(pred, a, b)}.
 */
final class Branches {
    private Branches() {}

    static Tensor[] merge(Tensor pred, Supplier<Tensor[]> onTrue, Supplier<Tensor[]> onFalse) {
        Tracer tr = ((Tracer.Traced) pred.symbol()).trace();
        Map<Variable, Tensor> before = tr.states();
        Tensor[] a = onTrue.get();
        Map<Variable, Tensor> afterTrue = tr.states();
        for (Variable v : afterTrue.keySet()) v.swapValue(before.containsKey(v) ? before.get(v) : tr.entryValue(v));
        Tensor[] b = onFalse.get();
        Map<Variable, Tensor> afterFalse = tr.states();
        if (a.length != b.length)
            throw new IllegalArgumentException("Loops.cond: the branches return " + a.length + " and " + b.length + " values; they must match");
        Tensor[] out = new Tensor[a.length];
        for (int k = 0; k < a.length; k++) {
            if (a[k].dtype() != b[k].dtype() || !a[k].shape().equals(b[k].shape()))
                throw new IllegalArgumentException("Loops.cond: result " + k + " is " + a[k].dtype().numpyName() + a[k].shape()
                        + " in the true branch and " + b[k].dtype().numpyName() + b[k].shape() + " in the false branch; they must match");
            out[k] = BM.where(pred, a[k], b[k]);
        }
        for (Map.Entry<Variable, Tensor> e : afterFalse.entrySet()) {
            Variable v = e.getKey();
            Tensor start = before.containsKey(v) ? before.get(v) : tr.entryValue(v);
            Tensor t = afterTrue.getOrDefault(v, start), f = e.getValue();
            if (t != f) v.set(t == start && f == start ? start : BM.where(pred, t, f));
        }
        return out;
    }
}
