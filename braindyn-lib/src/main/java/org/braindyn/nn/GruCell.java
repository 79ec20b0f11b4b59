package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * The gated recurrent unit (Cho et al. 2014; BrainPy's {@code bp.dyn.GRUCell}, {@code GRU}), gate blocks z, r, a:
 * <pre>
 *   z = σ(x·W_iz + h·W_hz + b_z),  r = σ(x·W_ir + h·W_hr + b_r),  a = tanh(x·W_ia + (r ⊙ h)·W_ha + b_a)
 *   h ← (1 − z) ⊙ h + z ⊙ a
 * </pre>
 */
public final class GruCell extends RecurrentCell {
    private GruCell(Builder b) { super(b, 3, b.out); }

    /** A builder for {@code in} inputs and {@code units} units. */
    public static Builder builder(int in, int units) { return new Builder(in, units); }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        Tensor h = state.value();
        Tensor gx = matmul(checkStep(x, in, "input").astype(dtype), Wi.value()).add(b.value());
        Tensor[] gxs = split(gx, 3, 1);
        Tensor[] wh = split(Wh.value(), 3, 1);
        Tensor z = sigmoid(gxs[0].add(matmul(h, wh[0]))), r = sigmoid(gxs[1].add(matmul(h, wh[1])));
        Tensor a = tanh(gxs[2].add(matmul(r.mul(h), wh[2])));
        Tensor next = h.sub(z.mul(h)).add(z.mul(a));
        state.set(next);
        return next;
    }

    /** Named parameters. */
    public static final class Builder extends RecurrentCell.Builder<Builder> {
        private Builder(int in, int out) { super(in, out); }

        /** Validates and draws the weights. */
        public GruCell build() { return new GruCell(this); }
    }
}
