package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Long short-term memory (Hochreiter and Schmidhuber 1997; BrainPy's {@code bp.dyn.LSTMCell}, {@code LSTM}), gate
 * blocks i, g, f, o, with BrainPy's forget-gate offset of 1:
 * <pre>
 *   [i, g, f, o] = x·W_i + h·W_h + b
 *   c ← σ(f + 1) ⊙ c + σ(i) ⊙ tanh(g),    h ← σ(o) ⊙ tanh(c)
 * </pre>
 * The state holds {@code [h, c]} {@code (batch, 2·units)}; the output is h.
 * <pre>{@code LstmCell lstm = LstmCell.builder(28, 100).trainable(true).build();}</pre>
 */
public final class LstmCell extends RecurrentCell {
    private LstmCell(Builder b) { super(b, 4, 2 * b.out); }

    /** A builder for {@code in} inputs and {@code units} units. */
    public static Builder builder(int in, int units) { return new Builder(in, units); }

    /** The hidden state h {@code (batch, units)}. */
    public Tensor h() { return state.value().get(":, :" + n); }

    /** The cell state c {@code (batch, units)}. */
    public Tensor c() { return state.value().get(":, " + n + ":"); }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        Tensor s = state.value();
        Tensor[] hc = split(s, 2, 1);
        Tensor[] g = gates(x, hc[0], 4);
        Tensor c = sigmoid(g[2].add(1.0)).mul(hc[1]).add(sigmoid(g[0]).mul(tanh(g[1])));
        Tensor h = sigmoid(g[3]).mul(tanh(c));
        state.set(concatenate(1, h, c));
        return h;
    }

    /** Named parameters. */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private Builder(int in, int out) { super(in, out); }

        /** Validates and draws the weights. */
        public LstmCell build() { return new LstmCell(this); }
    }
}
