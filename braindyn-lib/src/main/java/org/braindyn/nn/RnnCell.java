package org.braindyn.nn;

import java.util.function.UnaryOperator;
import org.braindyn.tensor.Tensor;

/**
 * The vanilla recurrent cell (BrainPy's {@code bp.dyn.RNNCell}, {@code VanillaRNN}):
 * {@code h ← f(x·W_i + h·W_h + b)}, f = ReLU by default (BrainPy's).
 * <pre>{@code RnnCell r = RnnCell.builder(28, 100).activation("tanh").trainable(true).build();}</pre>
 */
public final class RnnCell extends RecurrentCell {
    private final UnaryOperator<Tensor> f;

    private RnnCell(Builder b) {
        super(b, 1, b.out);
        f = Activation.of("RnnCell", b.activation);
    }

    /** A builder for {@code in} inputs and {@code units} units. */
    public static Builder builder(int in, int units) { return new Builder(in, units); }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        Tensor h = f.apply(gates(x, state.value(), 1)[0]);
        state.set(h);
        return h;
    }

    /** Named parameters. */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private String activation = "relu";

        private Builder(int in, int out) { super(in, out); }

        /** The activation by name (default {@code "relu"}). */
        public Builder activation(String name) { this.activation = name; return this; }

        /** Validates and draws the weights. */
        public RnnCell build() { return new RnnCell(this); }
    }
}
