package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * An LSTM over a whole sequence ({@link LstmCell#sequence}, fused in eager float32) equals the cell stepped one
 * step at a time: the same output bits and final states, the same gradients of the weights, of the trainable initial
 * state and of the inputs.
 */
class LstmSequenceTest {
    private static final int T = 6, B = 9, IN = 7, N = 37;   // 37 units: vector loops and their scalar tails; 9 rows: a partial 6-row block

    private static Sequential net() {
        LstmCell cell = LstmCell.builder(IN, N).trainable(true).trainState(true).build();
        Dense out = Dense.builder(N, 3).trainable(true).build();
        RandomState r = new RandomState(5);
        cell.state0.set(r.normal(0, 0.5, 1, 2 * N).astype(DType.F32));   // a non-zero initial h and c
        cell.b.set(r.normal(0, 0.5, 4 * N).astype(DType.F32));
        return Sequential.of(cell, out);
    }

    /** Two chains with the same weights. */
    private static Sequential[] twins() {
        Sequential a = net(), b = net();
        List<Variable> va = new ArrayList<>(a.trainVars().values()), vb = new ArrayList<>(b.trainVars().values());
        for (int i = 0; i < va.size(); i++) vb.get(i).set(va.get(i).value());
        return new Sequential[] {a, b};
    }

    private static LstmCell cell(Sequential s) { return (LstmCell) s.layers().get(0); }

    /** The outputs of every step, stepping the chain one step at a time. */
    private static Tensor stepwise(Sequential s, Tensor xs) {
        List<Tensor> ys = new ArrayList<>();
        for (int t = 0; t < xs.dim(0); t++) ys.add(s.forward(xs.get(Index.at(t)), null));
        return stack(0, ys.toArray(Tensor[]::new));
    }

    @Test
    void outputsAndFinalStatesAreTheStepwiseBits() {
        Sequential[] ab = twins();
        Sequential a = ab[0], b = ab[1];
        Tensor xs = new RandomState(1).normal(0, 1, T, B, IN).astype(DType.F32);
        a.resetState(B);
        b.resetState(B);
        assertTrue(a.sequenceWithoutContext());
        Tensor fused = a.sequence(xs), ref = stepwise(b, xs);
        assertEquals(ref, fused, "outputs, bit for bit");
        assertEquals(cell(b).h(), cell(a).h(), "final h");
        assertEquals(cell(b).c(), cell(a).c(), "final c");
    }

    @Test
    void gradientsEqualTheStepwiseTape() {
        Tensor xs = new RandomState(2).normal(0, 1, T, B, IN).astype(DType.F32);
        Tensor w = new RandomState(3).normal(0, 1, T, B, 3).astype(DType.F32), wc = new RandomState(4).normal(0, 1, B, N).astype(DType.F32);
        Sequential[] ab = twins();
        Sequential a = ab[0], b = ab[1];
        Autodiff.Result fused = grads(a, xs, w, wc, true), ref = grads(b, xs, w, wc, false);
        assertClose(ref.value(), fused.value(), "loss");
        assertClose(ref.grad(0), fused.grad(0), "input gradient");
        List<Variable> va = new ArrayList<>(a.trainVars().values()), vb = new ArrayList<>(b.trainVars().values());
        assertEquals(6, va.size(), "Wi, Wh, b, state0 and the readout's W, b");
        for (int i = 0; i < va.size(); i++) assertClose(ref.varGrads().get(vb.get(i)), fused.varGrads().get(va.get(i)), "gradient of " + va.get(i).name());
    }

    private static Autodiff.Result grads(Sequential s, Tensor xs, Tensor w, Tensor wc, boolean fused) {
        var vars = s.trainVars();
        return Autodiff.grad(x -> {
            s.resetState(B);
            Tensor ys = fused ? s.sequence(x[0]) : stepwise(s, x[0]);
            return sum(ys.mul(w)).add(sum(cell(s).c().mul(wc)));
        }).argnums(0).gradVars(vars.values()).returnValue(true).apply(xs);
    }

    private static void assertClose(Tensor expected, Tensor actual, String what) {
        assertNotNull(actual, what);
        assertEquals(expected.shape(), actual.shape(), what);
        double[] e = expected.toDoubleArray(), f = actual.toDoubleArray();
        double scale = 0;
        for (double v : e) scale = Math.max(scale, Math.abs(v));
        for (int k = 0; k < e.length; k++) assertEquals(e[k], f[k], 1e-5 * Math.max(1, scale), what + " element " + k);
    }

    @Test
    void tracedOrFloat64RunsStepThroughForward() {
        Tensor x = zeros(2, 3, IN);
        Tensor w = zeros(IN, 4 * N).astype(DType.F32), h = zeros(3, N).astype(DType.F32);
        assertTrue(LstmSequence.applies(x.astype(DType.F32), w, zeros(N, 4 * N).astype(DType.F32), zeros(4 * N).astype(DType.F32), h, h));
        assertFalse(LstmSequence.applies(x.astype(DType.F64), w.astype(DType.F64), zeros(N, 4 * N), zeros(4 * N), h.astype(DType.F64), h.astype(DType.F64)));
        assertThrows(IllegalArgumentException.class, () -> net().sequence(zeros(2, 3, IN + 1).astype(DType.F32)));
    }
}
