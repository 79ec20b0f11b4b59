package org.braindyn.nn;

import jdk.incubator.vector.FloatVector;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.ops.FloatMath;
import org.braindyn.ops.internal.VectorMath;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * The elementwise half of an LSTM step as one pass each way (PyTorch's fused LSTM cell does the same), for eager
 * float32 training: from the gate pre-activations {@code G = [i, g, f, o]} {@code (batch, 4·units)} and the old cell
 * state, {@code c = σ(f + 1)·c₀ + σ(i)·tanh(g)} and {@code h = σ(o)·tanh(c)} — the same float operations in the same
 * order as the composite in {@link LstmCell#forward}, so the same bits — and a backward rule that turns the
 * cotangents of {@code h} and {@code c} into those of {@code G} and {@code c₀} in one loop from the activations the
 * forward pass kept. The composite would store a dozen {@code (batch, units)} intermediates per step and run as many
 * kernels each way.
 */
final class LstmPointwise {
    private LstmPointwise() {}

    /** True if {@link #apply} takes these operands (float32, {@code c₀} of the full batch, not being traced). */
    static boolean applies(Tensor gates, Tensor c0) {
        return gates.dtype() == DType.F32 && c0.dtype() == DType.F32 && !gates.isSymbolic() && !c0.isSymbolic()
                && c0.ndim() == 2 && gates.ndim() == 2 && c0.dim(0) == gates.dim(0) && gates.dim(1) == 4 * c0.dim(1);
    }

    /** {@code [h, c]}. */
    static Tensor[] apply(Tensor gates, Tensor c0) {
        int b = gates.dim(0), n = c0.dim(1), size = b * n;
        float[] act = new float[5 * size];                       // σ(i), tanh(g), σ(f + 1), σ(o), tanh(c), kept for the backward rule
        return Autodiff.customVjpMulti(in -> forward(in[0], in[1], b, n, act), (in, out, cot) -> backward(in[1], cot, b, n, act), gates, c0);
    }

    private static Tensor[] forward(Tensor gates, Tensor c0, int b, int n, float[] act) {
        Tensor gc = gates.contiguous(), cc = c0.contiguous();
        int size = b * n;
        float[] h = new float[size], c = new float[size];
        forwardRows((float[]) gc.storage(), gc.offset(), (float[]) cc.storage(), cc.offset(), act, 0, h, 0, c, 0, b, n);
        return new Tensor[] {wrap(h, b, n), wrap(c, b, n)};
    }

    /**
     * The forward pass on raw rows: gate pre-activations {@code g[go …]} {@code (b, 4n)} and old cell state
     * {@code cp[co …]} {@code (b, n)} give {@code h[ho …]} and {@code c[cOff …]}; the five activations σ(i), tanh(g),
     * σ(f + 1), σ(o), tanh(c) go to {@code act[ao …]} as five blocks of {@code b·n}.
     */
    static void forwardRows(float[] g, int go, float[] cp, int co, float[] act, int ao, float[] h, int ho, float[] c, int cOff, int b, int n) {
        int size = b * n;
        for (int q = 0; q < 4; q++) for (int r = 0; r < b; r++) System.arraycopy(g, go + r * 4 * n + q * n, act, ao + q * size + r * n, n);
        for (int q = 0; q < 4; q++) activate(act, ao, size, q);
        cellAndOutput(cp, co, act, ao, h, ho, c, cOff, size);
    }

    /**
     * Gate block {@code q} (0 i, 1 g, 2 f, 3 o) of {@code act[ao …]}, holding pre-activations, replaced in place by
     * its activation: σ, tanh, σ(· + 1) with the forget offset, σ. The block is {@code size} contiguous values, so
     * only its last {@code size mod lanes} values leave the vector loop, not a tail of every row.
     */
    static void activate(float[] act, int ao, int size, int q) {
        int at = ao + q * size;
        if (q == 1) tanh(act, at, act, at, size);
        else sigmoid(act, at, act, at, size, q == 2 ? 1f : 0f);
    }

    /**
     * From the four gate activations in {@code act[ao …]} ({@link #forwardRows}' layout) and the old cell state,
     * the new cell state {@code c = σ(f + 1)·c₀ + σ(i)·tanh(g)}, its tanh (the fifth block) and {@code h = σ(o)·tanh(c)}.
     */
    static void cellAndOutput(float[] cp, int co, float[] act, int ao, float[] h, int ho, float[] c, int cOff, int size) {
        for (int k = 0; k < size; k++) c[cOff + k] = act[ao + 2 * size + k] * cp[co + k] + act[ao + k] * act[ao + size + k];
        tanh(c, cOff, act, ao + 4 * size, size);
        for (int k = 0; k < size; k++) h[ho + k] = act[ao + 3 * size + k] * act[ao + 4 * size + k];
    }

    private static Tensor[] backward(Tensor c0, Tensor[] cot, int b, int n, float[] act) {
        int size = b * n;
        float[] dh = dense(cot[0], size), dc = dense(cot[1], size);
        Tensor cc = c0.contiguous();
        float[] dg = new float[4 * size], dc0 = new float[size];
        backwardRows(act, 0, (float[]) cc.storage(), cc.offset(), dh, dc, dg, 0, dc0, b, n);
        return new Tensor[] {Tensor.wrap(DType.F32, org.braindyn.tensor.Shape.of(b, 4 * n), dg), wrap(dc0, b, n)};
    }

    /**
     * The backward rule on raw rows: from the activations {@code act[ao …]} ({@link #forwardRows}' layout), the old
     * cell state {@code cp[co …]} and the cotangents {@code dh}, {@code dc} of h and c, the cotangent of the gate
     * pre-activations into {@code dg[dgo …]} {@code (b, 4n)} and that of the old cell state into {@code dc0} (which
     * may be {@code dc} itself: each element is read before it is overwritten).
     */
    static void backwardRows(float[] act, int ao, float[] cp, int co, float[] dh, float[] dc, float[] dg, int dgo, float[] dc0, int b, int n) {
        var sp = VectorMath.F;
        int size = b * n, up = sp.loopBound(n);
        for (int r = 0; r < b; r++) {
            int row = dgo + r * 4 * n, j = 0;
            for (; j < up; j += sp.length()) {     // the scalar loop's operations, lane by lane (no fused multiply-adds)
                int k = r * n + j, a = ao + k;
                FloatVector i = FloatVector.fromArray(sp, act, a), gg = FloatVector.fromArray(sp, act, size + a), f = FloatVector.fromArray(sp, act, 2 * size + a);
                FloatVector o = FloatVector.fromArray(sp, act, 3 * size + a), tc = FloatVector.fromArray(sp, act, 4 * size + a), dhv = FloatVector.fromArray(sp, dh, k);
                FloatVector dct = FloatVector.fromArray(sp, dc, k).add(dhv.mul(o).mul(tc.mul(tc).neg().add(1f)));
                dct.mul(gg).mul(i).mul(i.neg().add(1f)).intoArray(dg, row + j);
                dct.mul(i).mul(gg.mul(gg).neg().add(1f)).intoArray(dg, row + n + j);
                dct.mul(FloatVector.fromArray(sp, cp, co + k)).mul(f).mul(f.neg().add(1f)).intoArray(dg, row + 2 * n + j);
                dhv.mul(tc).mul(o).mul(o.neg().add(1f)).intoArray(dg, row + 3 * n + j);
                dct.mul(f).intoArray(dc0, k);
            }
            for (; j < n; j++) {
                int k = r * n + j, a = ao + k;
                float i = act[a], gg = act[size + a], f = act[2 * size + a], o = act[3 * size + a], tc = act[4 * size + a];
                float dct = dc[k] + dh[k] * o * (1f - tc * tc);
                dg[row + j] = dct * gg * i * (1f - i);
                dg[row + n + j] = dct * i * (1f - gg * gg);
                dg[row + 2 * n + j] = dct * cp[co + k] * f * (1f - f);
                dg[row + 3 * n + j] = dh[k] * tc * o * (1f - o);
                dc0[k] = dct * f;
            }
        }
    }

    /** {@code σ(x + offset)} of {@code n} values (an offset of 0 adds nothing: {@code x + 0} is {@code x} but for −0). */
    private static void sigmoid(float[] x, int from, float[] y, int to, int n, float offset) {
        var sp = VectorMath.F;
        int k = 0;
        for (int upper = sp.loopBound(n); k < upper; k += sp.length()) {
            FloatVector v = FloatVector.fromArray(sp, x, from + k);
            VectorMath.logistic(offset != 0f ? v.add(offset) : v).intoArray(y, to + k);
        }
        for (; k < n; k++) y[to + k] = FloatMath.logistic(offset != 0f ? x[from + k] + offset : x[from + k]);
    }

    /** {@code tanh} of {@code n} values. */
    private static void tanh(float[] x, int from, float[] y, int to, int n) {
        var sp = VectorMath.F;
        int k = 0;
        for (int upper = sp.loopBound(n); k < upper; k += sp.length()) VectorMath.tanh(FloatVector.fromArray(sp, x, from + k)).intoArray(y, to + k);
        for (; k < n; k++) y[to + k] = FloatMath.tanh(x[from + k]);
    }

    static float[] dense(Tensor t, int size) {
        if (t == null) return new float[size];
        Tensor c = t.astype(DType.F32).contiguous();
        if (c.offset() == 0 && ((float[]) c.storage()).length == size) return (float[]) c.storage();
        float[] out = new float[size];
        System.arraycopy(c.storage(), c.offset(), out, 0, size);
        return out;
    }

    private static Tensor wrap(float[] a, int b, int n) { return Tensor.wrap(DType.F32, org.braindyn.tensor.Shape.of(b, n), a); }
}
