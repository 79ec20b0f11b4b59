package org.braindyn.nn;

import jdk.incubator.vector.FloatVector;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.ops.internal.VectorMath;
import org.braindyn.ops.internal.MatmulKernel;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * An LSTM over a whole time-first sequence in one differentiable operation, for eager float32 training (what
 * PyTorch's {@code nn.LSTM} and cuDNN do): each step forms {@code x_t·W_i} and {@code h·W_h} straight into two
 * reused buffers and runs {@link LstmPointwise}'s fused update over them, saving only the activations; the backward
 * pass walks the steps in reverse with one {@code dG·W_hᵀ} product each and forms the weight gradients at the end as
 * two long products, {@code Hᵀ·dG} and {@code Xᵀ·dG} ({@link MatmulKernel#gemmTN}, H and X read in place), over all
 * steps at once. The step-by-step tape instead records ~10 operations per
 * step and multiplies short matrices for every weight gradient at every step. Forward values are bit for bit those
 * of {@link LstmCell#forward} step by step (the same products row for row, the same sums in the same order); the
 * gradients are equal up to the order of their sums over steps.
 */
final class LstmSequence {
    private LstmSequence() {}

    /** True if {@link #apply} takes these operands: float32 throughout, none being traced. */
    static boolean applies(Tensor xs, Tensor wi, Tensor wh, Tensor b, Tensor h0, Tensor c0) {
        for (Tensor t : new Tensor[] {xs, wi, wh, b, h0, c0}) if (t.dtype() != DType.F32 || t.isSymbolic()) return false;
        return xs.ndim() == 3 && h0.ndim() == 2 && c0.ndim() == 2 && h0.dim(0) == xs.dim(1) && c0.dim(0) == xs.dim(1);
    }

    /**
     * {@code [hs (T, B, n), h_T (B, n), c_T (B, n)]} for time-first inputs {@code xs (T, B, in)}, weights
     * {@code W_i (in, 4n)}, {@code W_h (n, 4n)}, bias {@code (4n)} and initial states {@code h0}, {@code c0}.
     */
    static Tensor[] apply(Tensor xs, Tensor wi, Tensor wh, Tensor b, Tensor h0, Tensor c0) {
        int steps = xs.dim(0), batch = xs.dim(1), in = xs.dim(2), n = h0.dim(1);
        boolean inputGrad = Autodiff.isRecording(xs);
        Saved s = new Saved(steps, batch, in, n);
        return Autodiff.customVjpMulti(a -> forward(a, s), (a, out, cot) -> backward(a, cot, s, inputGrad), xs, wi, wh, b, h0, c0);
    }

    /** What the forward pass keeps for the backward pass. */
    private static final class Saved {
        final int steps, batch, in, n, size;
        final float[] x, h, c, act;

        Saved(int steps, int batch, int in, int n) {
            this.steps = steps;
            this.batch = batch;
            this.in = in;
            this.n = n;
            size = batch * n;
            x = new float[steps * batch * in];
            h = new float[(steps + 1) * size];      // h_0 … h_T, time-major
            c = new float[(steps + 1) * size];      // c_0 … c_T
            act = new float[steps * 5 * size];      // per step: σ(i), tanh(g), σ(f + 1), σ(o), tanh(c)
        }
    }

    private static Tensor[] forward(Tensor[] a, Saved s) {
        int steps = s.steps, batch = s.batch, in = s.in, n = s.n, size = s.size, g4 = 4 * n;
        copy(a[0], s.x);
        copy(a[4], s.h);
        copy(a[5], s.c);
        float[] wi = flat(a[1]), wh = flat(a[2]), bias = flat(a[3]);
        float[] gx = new float[batch * g4], gh = new float[batch * g4];
        StepBuffers st = new StepBuffers(gx, gh, bias, s);
        for (int t = 0; t < steps; t++) {
            MatmulKernel.gemm(DType.F32, s.x, t * batch * in, wi, 0, gx, 0, batch, in, g4);
            MatmulKernel.gemm(DType.F32, s.h, t * size, wh, 0, gh, 0, batch, n, g4);
            st.at(t);
            for (Pass p : PASSES) p.run(st);     // one call site, three pass types: see Pass
        }
        Shape bn = Shape.of(batch, n);
        Tensor hAll = Tensor.wrap(DType.F32, Shape.of((steps + 1) * size), s.h), cAll = Tensor.wrap(DType.F32, Shape.of((steps + 1) * size), s.c);
        return new Tensor[] {
            hAll.view(Shape.of(steps, batch, n), size, new int[] {size, n, 1}),
            hAll.view(bn, steps * size, new int[] {n, 1}),
            cAll.view(bn, steps * size, new int[] {n, 1})};
    }

    private static Tensor[] backward(Tensor[] a, Tensor[] cot, Saved s, boolean inputGrad) {
        int steps = s.steps, batch = s.batch, in = s.in, n = s.n, size = s.size, g4 = 4 * n, rows = steps * batch;
        float[] dhs = cot[0] == null ? null : LstmPointwise.dense(cot[0], steps * size);
        float[] dh = new float[size], dc = new float[size];
        if (cot[1] != null) System.arraycopy(LstmPointwise.dense(cot[1], size), 0, dh, 0, size);
        if (cot[2] != null) System.arraycopy(LstmPointwise.dense(cot[2], size), 0, dc, 0, size);
        float[] whT = transpose(flat(a[2]), n, g4), dg = new float[rows * g4];
        for (int t = steps - 1; t >= 0; t--) {
            if (dhs != null) for (int k = 0, o = t * size; k < size; k++) dh[k] += dhs[o + k];
            LstmPointwise.backwardRows(s.act, t * 5 * size, s.c, t * size, dh, dc, dg, t * batch * g4, dc, batch, n);
            MatmulKernel.gemm(DType.F32, dg, t * batch * g4, whT, 0, dh, 0, batch, g4, n);
        }
        float[] dwh = new float[n * g4], dwi = new float[in * g4], db = new float[g4];
        MatmulKernel.gemmTN(s.h, 0, dg, 0, dwh, 0, n, rows, g4);    // h_0 … h_{T−1}, read in place as Hᵀ
        MatmulKernel.gemmTN(s.x, 0, dg, 0, dwi, 0, in, rows, g4);
        for (int r = 0, k = 0; r < rows; r++) for (int j = 0; j < g4; j++, k++) db[j] += dg[k];
        Tensor dx = null;
        if (inputGrad) {
            float[] x = new float[rows * in];
            MatmulKernel.gemm(DType.F32, dg, 0, transpose(flat(a[1]), in, g4), 0, x, 0, rows, g4, in);
            dx = Tensor.wrap(DType.F32, Shape.of(steps, batch, in), x);
        }
        return new Tensor[] {dx, wrap(dwi, in, g4), wrap(dwh, n, g4), Tensor.wrap(DType.F32, Shape.of(g4), db), wrap(dh, batch, n), wrap(dc, batch, n)};
    }

    /** The buffers of one forward step: the two gate products, the bias, and step t's slices of the saved arrays. */
    private static final class StepBuffers {
        final float[] gx, gh, b, act, h, c;
        final int rows, n, size;
        int ao, prev, next;

        StepBuffers(float[] gx, float[] gh, float[] b, Saved s) {
            this.gx = gx;
            this.gh = gh;
            this.b = b;
            act = s.act;
            h = s.h;
            c = s.c;
            rows = s.batch;
            n = s.n;
            size = s.size;
        }

        void at(int t) {
            ao = t * 5 * size;
            prev = t * size;
            next = (t + 1) * size;
        }
    }

    /**
     * One pass of a forward step. The step runs its passes from one call site over three pass types, so the call is
     * megamorphic and HotSpot compiles each pass on its own: inlined together into one step method, the Vector
     * API's expansions of the activations overran the compiler's node budget, and the profile showed the lane-by-lane
     * Java fallbacks of {@code div} and {@code reinterpret} (4× slower).
     */
    private abstract static class Pass { abstract void run(StepBuffers s); }

    private static final Pass[] PASSES = {new Gather(), new Activate(0), new Activate(1), new Activate(2), new Activate(3), new CellUpdate()};

    /** The gate pre-activations {@code (gx + gh) + b} of every row, into the four gate blocks of the activations. */
    private static final class Gather extends Pass {
        @Override void run(StepBuffers s) {
            var sp = VectorMath.F;
            int n = s.n, up = sp.loopBound(n), g4 = 4 * n;
            for (int q = 0; q < 4; q++) {
                int col = q * n, yo = s.ao + q * s.size;
                for (int r = 0; r < s.rows; r++) {
                    int src = r * g4 + col, dst = yo + r * n, j = 0;
                    for (; j < up; j += sp.length())
                        FloatVector.fromArray(sp, s.gx, src + j).add(FloatVector.fromArray(sp, s.gh, src + j)).add(FloatVector.fromArray(sp, s.b, col + j)).intoArray(s.act, dst + j);
                    for (; j < n; j++) s.act[dst + j] = s.gx[src + j] + s.gh[src + j] + s.b[col + j];
                }
            }
        }
    }

    /** Gate block {@code q}'s activation in place ({@link LstmPointwise#activate}). */
    private static final class Activate extends Pass {
        private final int q;

        Activate(int q) { this.q = q; }

        @Override void run(StepBuffers s) { LstmPointwise.activate(s.act, s.ao, s.size, q); }
    }

    /** The new cell state, its tanh and the new h ({@link LstmPointwise#cellAndOutput}). */
    private static final class CellUpdate extends Pass {
        @Override void run(StepBuffers s) { LstmPointwise.cellAndOutput(s.c, s.prev, s.act, s.ao, s.h, s.next, s.c, s.next, s.size); }
    }

    /** {@code t}'s elements in row-major order into {@code out} (its length is t's size). */
    private static void copy(Tensor t, float[] out) {
        Tensor c = t.contiguous();
        System.arraycopy(c.storage(), c.offset(), out, 0, c.size());
    }

    /** The row-major float array of {@code t}, copied only when it is not one already. */
    private static float[] flat(Tensor t) {
        Tensor c = t.contiguous();
        if (c.offset() == 0 && ((float[]) c.storage()).length == c.size()) return (float[]) c.storage();
        float[] out = new float[c.size()];
        System.arraycopy(c.storage(), c.offset(), out, 0, out.length);
        return out;
    }

    /** The transpose {@code (cols, rows)} of the row-major {@code (rows, cols)} matrix at the start of {@code a}, in tiles. */
    static float[] transpose(float[] a, int rows, int cols) {
        float[] t = new float[rows * cols];
        final int tile = 32;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            int r1 = Math.min(rows, r0 + tile);
            for (int c0 = 0; c0 < cols; c0 += tile) {
                int c1 = Math.min(cols, c0 + tile);
                for (int r = r0; r < r1; r++) for (int c = c0; c < c1; c++) t[c * rows + r] = a[r * cols + c];
            }
        }
        return t;
    }

    private static Tensor wrap(float[] a, int r, int c) { return Tensor.wrap(DType.F32, Shape.of(r, c), a); }
}
