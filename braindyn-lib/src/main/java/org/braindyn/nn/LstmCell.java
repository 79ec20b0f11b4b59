package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.state.Variable;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Long short-term memory (Hochreiter and Schmidhuber 1997; BrainPy's {@code bp.dyn.LSTMCell}, {@code LSTM}), gate
 * blocks i, g, f, o, with BrainPy's forget-gate offset of 1:
 * <pre>
 *   [i, g, f, o] = x·W_i + h·W_h + b
 *   c ← σ(f + 1) ⊙ c + σ(i) ⊙ tanh(g),    h ← σ(o) ⊙ tanh(c)
 * </pre>
 * The states are h ({@link #state}) and c ({@link #cell}), each {@code (batch, units)}; the output is h. One product per
 * weight gives all four gate blocks (BrainPy's one-matrix layout); in eager float32 runs the cell update is one fused
 * pass each way ({@code LstmPointwise}, the same forward bits as the composite that compiled code uses).
 * <pre>{@code LstmCell lstm = LstmCell.builder(28, 100).trainable(true).build();}</pre>
 */
public final class LstmCell extends RecurrentCell {
    /** The cell state c {@code (batch, units)}. */
    public Variable cell;

    private LstmCell(Builder b) { super(b, 4, 2 * b.out); }

    /** A builder for {@code in} inputs and {@code units} units. */
    public static Builder builder(int in, int units) { return new Builder(in, units); }

    @Override void extraStates() { cell = new Variable(zeros(Shape.of(1, n), dtype), "cell", 0); }

    /** The hidden state h {@code (batch, units)}. */
    public Tensor h() { return state.value(); }

    /** The cell state c {@code (batch, units)}. */
    public Tensor c() { return cell.value(); }

    /** h and c for {@code batchSize} samples from the initial state (its first half h, its second c). */
    @Override public void resetState(int batchSize) {
        Tensor[] hc = split(initial(batchSize), 2, 1);
        state.set(hc[0]);
        cell.set(hc[1]);
    }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        Tensor xt = checkStep(x, in, "input").astype(dtype), h = state.value();
        // one product per weight over all four gates, then the gate blocks: the weights are never sliced, so their
        // gradients are two products per step, not eight padded blocks
        Tensor gates = matmul(xt, Wi.value()).add(matmul(h, Wh.value())).add(b.value()), c0 = cell.value();
        Tensor c, hn;
        if (LstmPointwise.applies(gates, c0)) {      // eager float32: one pass each way (same forward bits)
            Tensor[] hc = LstmPointwise.apply(gates, c0);
            hn = hc[0];
            c = hc[1];
        } else {
            Tensor[] g = split(gates, 4, 1);
            c = sigmoid(g[2].add(1.0)).mul(c0).add(sigmoid(g[0]).mul(tanh(g[1])));
            hn = sigmoid(g[3]).mul(tanh(c));
        }
        state.set(hn);
        cell.set(c);
        return hn;
    }

    /**
     * The cell over a whole time-first sequence {@code (time, batch, in)} from the current h and c, which it leaves
     * at their final values; returns every step's h {@code (time, batch, units)}. Eager float32 runs are one fused
     * operation ({@code LstmSequence}: the backward pass forms the weight gradients as two long products over all
     * steps; outputs bit for bit those of {@link #forward} step by step); traced or float64 runs
     * step through {@link #forward}.
     */
    @Override public Tensor sequence(Tensor xs) {
        if (xs == null || xs.ndim() != 3 || xs.dim(2) != in) return super.sequence(xs);
        Tensor x = xs.astype(dtype), h0 = state.value(), c0 = cell.value();
        if (!LstmSequence.applies(x, Wi.value(), Wh.value(), b.value(), h0, c0)) return super.sequence(xs);
        Tensor[] r = LstmSequence.apply(x, Wi.value(), Wh.value(), b.value(), h0, c0);
        state.set(r[1]);
        cell.set(r[2]);
        return r[0];
    }

    /** The cell reads no per-step context. */
    @Override public boolean sequenceWithoutContext() { return true; }

    /** Named parameters. */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private Builder(int in, int out) { super(in, out); }

        /** Validates and draws the weights. */
        public LstmCell build() { return new LstmCell(this); }
    }
}
