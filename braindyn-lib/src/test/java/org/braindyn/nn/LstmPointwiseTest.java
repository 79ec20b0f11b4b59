package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The fused LSTM cell update equals the composite of primitives: the same forward bits, the same gradients. */
class LstmPointwiseTest {
    private static final int B = 5, N = 37;   // 37: vector loops and their scalar tails

    private static Tensor composite(Tensor gates, Tensor c0, boolean wantH) {
        Tensor[] g = split(gates, 4, 1);
        Tensor c = sigmoid(g[2].add(1.0)).mul(c0).add(sigmoid(g[0]).mul(tanh(g[1])));
        return wantH ? sigmoid(g[3]).mul(tanh(c)) : c;
    }

    @Test
    void forwardBitsAndGradientsEqualTheComposite() {
        RandomState r = new RandomState(3);
        Tensor gates = r.normal(0, 2, B, 4 * N).astype(DType.F32), c0 = r.normal(0, 1, B, N).astype(DType.F32);
        Tensor wh = r.normal(0, 1, B, N).astype(DType.F32), wc = r.normal(0, 1, B, N).astype(DType.F32);
        assertTrue(LstmPointwise.applies(gates, c0));
        Tensor[] hc = LstmPointwise.apply(gates, c0);
        assertEquals(composite(gates, c0, true), hc[0], "h, bit for bit");
        assertEquals(composite(gates, c0, false), hc[1], "c, bit for bit");
        Autodiff.Result fused = Autodiff.grad(a -> {
            Tensor[] o = LstmPointwise.apply(a[0], a[1]);
            return sum(o[0].mul(wh).add(o[1].mul(wc)));
        }).argnums(0, 1).apply(gates, c0);
        Autodiff.Result ref = Autodiff.grad(a -> sum(composite(a[0], a[1], true).mul(wh).add(composite(a[0], a[1], false).mul(wc))))
                .argnums(0, 1).apply(gates, c0);
        for (int i = 0; i < 2; i++) {
            double[] f = fused.grad(i).toDoubleArray(), e = ref.grad(i).toDoubleArray();
            for (int k = 0; k < f.length; k++) assertEquals(e[k], f[k], 2e-6 * Math.max(1, Math.abs(e[k])), "gradient " + i + " element " + k);
        }
    }

    @Test
    void notTakenForFloat64OrABroadcastState() {
        Tensor g = zeros(3, 8), c = zeros(3, 2);
        assertTrue(LstmPointwise.applies(g.astype(DType.F32), c.astype(DType.F32)));
        assertFalse(LstmPointwise.applies(g.astype(DType.F64), c.astype(DType.F64)));
        assertFalse(LstmPointwise.applies(g.astype(DType.F32), zeros(1, 2).astype(DType.F32)));
    }
}
