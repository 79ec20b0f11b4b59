package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braindyn.dyn.Mode;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Nonlinear vector autoregression, the feature map of next-generation reservoir computing (Gauthier et al. 2021;
 * BrainPy's {@code bp.nn.NVAR} / {@code bp.layers.NVAR}). For input {@code u(t)} of {@code d} features:
 * <pre>
 *   linear part    L(t) = [u(t), u(t − s), u(t − 2s), …, u(t − (k − 1)s)]              k·d features (k = delay, s = stride)
 *   nonlinear part every unique monomial of degree p of the entries of L, for each order p,
 *                  in the order of combinations with replacement (L₀², L₀L₁, …, L₁², …)
 *   output         [1 (with constant), L(t), monomials of order p₁, monomials of order p₂, …]
 * </pre>
 * Past inputs that precede the first step are zeros. With 2 inputs, delay 4 and order 2 the output has 8 linear and
 * 36 quadratic features, 44 in all (SPEC Q2). NVAR has no trainable weights and refuses {@link Mode.Kind#TRAINING}
 * mode, as BrainPy does.
 * <pre>{@code
 * NVAR nvar = NVAR.builder(2, 4).order(2).stride(5).build();      // 44 features
 * }</pre>
 */
public final class NVAR extends Node {
    private final int in, delay, stride, bufLen, numOut;
    private final int[] orders;
    private final boolean constant;
    private final Tensor linearIdx;
    private final List<Tensor[]> monomials = new ArrayList<>();
    private final DType dtype;
    /** The input history {@code (batch, (1 + (delay − 1)·stride)·in)}, newest first. */
    public final Variable store;

    private NVAR(Builder b) {
        super(b.name);
        String who = "NVAR" + (b.name == null ? "" : " '" + b.name + "'");
        Mode mode = Mode.current();
        if (mode.kind() == Mode.Kind.TRAINING)
            throw new IllegalArgumentException("NVAR does not support TrainingMode(batch_size=" + mode.batchSize() + "). We only support BatchingMode, NonBatchingMode.");
        if (b.in < 1) throw new IllegalArgumentException(who + ".inFeatures: must be >= 1; got " + b.in);
        if (b.delay < 1) throw new IllegalArgumentException(who + ".delay: must be >= 1; got " + b.delay);
        if (b.stride < 1) throw new IllegalArgumentException(who + ".stride: must be >= 1; got " + b.stride);
        for (int p : b.orders) if (p < 2) throw new IllegalArgumentException(who + ".order: every order must be >= 2 (the linear part is always there); got " + Arrays.toString(b.orders));
        in = b.in;
        delay = b.delay;
        stride = b.stride;
        orders = b.orders.clone();
        constant = b.constant;
        dtype = Config.defaultFloat();
        bufLen = 1 + (delay - 1) * stride;
        int lin = delay * in;
        int[] li = new int[lin];
        for (int k = 0; k < delay; k++) for (int j = 0; j < in; j++) li[k * in + j] = k * stride * in + j;
        linearIdx = array(li);
        int count = (constant ? 1 : 0) + lin;
        for (int p : orders) {
            List<int[]> combos = combinationsOf(lin, p);
            Tensor[] idx = new Tensor[p];
            for (int r = 0; r < p; r++) {
                int[] col = new int[combos.size()];
                for (int c = 0; c < col.length; c++) col[c] = combos.get(c)[r];
                idx[r] = array(col);
            }
            monomials.add(idx);
            count += combos.size();
        }
        numOut = count;
        store = new Variable(zeros(Shape.of(1, bufLen * in), dtype), "store", 0);
    }

    /** All non-decreasing index tuples of length {@code p} over {@code 0…n−1} (combinations with replacement, in order). */
    public static List<int[]> combinationsOf(int n, int p) {
        List<int[]> out = new ArrayList<>();
        int[] c = new int[p];
        while (true) {
            out.add(c.clone());
            int i = p - 1;
            while (i >= 0 && c[i] == n - 1) i--;
            if (i < 0) return out;
            c[i]++;
            for (int j = i + 1; j < p; j++) c[j] = c[i];
        }
    }

    /** A builder for {@code inFeatures} inputs and {@code delay} delayed copies (order 2, stride 1, no constant). */
    public static Builder builder(int inFeatures, int delay) { return new Builder(inFeatures, delay); }

    @Override public int inFeatures() { return in; }
    @Override public int outFeatures() { return numOut; }

    /** Features of the linear part ({@code delay · inFeatures}). */
    public int linearFeatures() { return delay * in; }

    @Override public Tensor forward(Tensor ff, Tensor fb) {
        checkStep(ff, in, "input");
        Tensor u = ff.astype(dtype);
        Tensor s = store.value();
        Tensor next = bufLen == 1 ? u : concatenate(1, u, s.get(":, :" + ((bufLen - 1) * in)));
        store.set(next);
        Tensor lin = take(next, linearIdx, 1);
        List<Tensor> parts = new ArrayList<>();
        if (constant) parts.add(ones(Shape.of(u.dim(0), 1), dtype));
        parts.add(lin);
        for (Tensor[] idx : monomials) {
            Tensor m = take(lin, idx[0], 1);
            for (int r = 1; r < idx.length; r++) m = m.mul(take(lin, idx[r], 1));
            parts.add(m);
        }
        return parts.size() == 1 ? parts.get(0) : concatenate(1, parts.toArray(Tensor[]::new));
    }

    /** History back to zeros for {@code batchSize} samples (at least 1). */
    @Override public void resetState(int batchSize) { store.set(zeros(Shape.of(batchOf(batchSize), bufLen * in), dtype)); }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int in, delay;
        private String name;
        private int[] orders = {2};
        private int stride = 1;
        private boolean constant;

        private Builder(int in, int delay) { this.in = in; this.delay = delay; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Orders of the nonlinear monomials, each >= 2 (default 2); none for a linear-only map. */
        public Builder order(int... orders) { this.orders = orders.clone(); return this; }
        /** Steps between the delayed copies (default 1). */
        public Builder stride(int stride) { this.stride = stride; return this; }
        /** Whether the output starts with a constant 1 (default false). */
        public Builder constant(boolean c) { this.constant = c; return this; }

        /** Validates the parameters. */
        public NVAR build() { return new NVAR(this); }
    }
}
