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
        float[] g = (float[]) gc.storage(), cp = (float[]) cc.storage();
        int go = gc.offset(), co = cc.offset(), size = b * n;
        float[] h = new float[size], c = new float[size];
        for (int r = 0; r < b; r++) {
            int row = go + r * 4 * n, at = r * n;
            sigmoid(g, row, act, at, n, 0f);                 // i
            tanh(g, row + n, act, size + at, n);             // g
            sigmoid(g, row + 2 * n, act, 2 * size + at, n, 1f);   // f, with the forget offset 1
            sigmoid(g, row + 3 * n, act, 3 * size + at, n, 0f);   // o
        }
        for (int k = 0; k < size; k++) c[k] = act[2 * size + k] * cp[co + k] + act[k] * act[size + k];
        tanh(c, 0, act, 4 * size, size);
        for (int k = 0; k < size; k++) h[k] = act[3 * size + k] * act[4 * size + k];
        return new Tensor[] {wrap(h, b, n), wrap(c, b, n)};
    }

    private static Tensor[] backward(Tensor c0, Tensor[] cot, int b, int n, float[] act) {
        int size = b * n;
        float[] dh = dense(cot[0], size), dc = dense(cot[1], size);
        Tensor cc = c0.contiguous();
        float[] cp = (float[]) cc.storage();
        int co = cc.offset();
        float[] dg = new float[4 * size], dc0 = new float[size];
        for (int r = 0; r < b; r++) {
            int row = r * 4 * n;
            for (int j = 0; j < n; j++) {
                int k = r * n + j;
                float i = act[k], gg = act[size + k], f = act[2 * size + k], o = act[3 * size + k], tc = act[4 * size + k];
                float dct = dc[k] + dh[k] * o * (1f - tc * tc);
                dg[row + j] = dct * gg * i * (1f - i);
                dg[row + n + j] = dct * i * (1f - gg * gg);
                dg[row + 2 * n + j] = dct * cp[co + k] * f * (1f - f);
                dg[row + 3 * n + j] = dh[k] * tc * o * (1f - o);
                dc0[k] = dct * f;
            }
        }
        return new Tensor[] {Tensor.wrap(DType.F32, org.braindyn.tensor.Shape.of(b, 4 * n), dg), wrap(dc0, b, n)};
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

    private static float[] dense(Tensor t, int size) {
        if (t == null) return new float[size];
        Tensor c = t.astype(DType.F32).contiguous();
        if (c.offset() == 0 && ((float[]) c.storage()).length == size) return (float[]) c.storage();
        float[] out = new float[size];
        System.arraycopy(c.storage(), c.offset(), out, 0, size);
        return out;
    }

    private static Tensor wrap(float[] a, int b, int n) { return Tensor.wrap(DType.F32, org.braindyn.tensor.Shape.of(b, n), a); }
}
