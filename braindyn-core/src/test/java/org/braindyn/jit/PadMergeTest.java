package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Passes}' merging of adjacent zero pads: the sum of pads that tile a value becomes one concatenation. */
class PadMergeTest {
    private static Tensor pad(Tensor x, int lo, int hi) { return BM.pad(x, new int[][] {{0, 0}, {lo, hi}}, 0); }

    private static final Tensor A = BM.linspace(-1, 1, 4).reshape(2, 2).astype(DType.F32),
            B = BM.linspace(2, 3, 6).reshape(2, 3).astype(DType.F32), C = BM.linspace(-5, -4, 6).reshape(2, 3).astype(DType.F32);

    @Test
    void padsThatTileTheSumBecomeOneConcatenation() {
        JitFunction f = Jit.jit(a -> new Tensor[] {pad(a[1], 2, 3).add(pad(a[0], 0, 6)).add(pad(a[2], 5, 0))});
        Graph g = f.graph(A, B, C);
        assertEquals(0, g.count(org.braindyn.ops.Op.PAD), g.toString());
        assertEquals(0, g.count(org.braindyn.ops.Op.ADD), g.toString());
        assertEquals(f.callUnfused(A, B, C)[0], f.call(A, B, C)[0]);
        assertEquals(BM.concatenate(1, A, B, C), f.call(A, B, C)[0]);
    }

    @Test
    void padsThatLeaveAGapOrOverlapStay() {
        JitFunction gap = Jit.jit(a -> new Tensor[] {pad(a[0], 0, 7).add(pad(a[1], 3, 3))});
        assertEquals(2, gap.graph(A, B).count(org.braindyn.ops.Op.PAD));
        assertEquals(BM.pad(A, new int[][] {{0, 0}, {0, 7}}, 0).add(BM.pad(B, new int[][] {{0, 0}, {3, 3}}, 0)), gap.call(A, B)[0]);
        JitFunction overlap = Jit.jit(a -> new Tensor[] {pad(a[0], 1, 0).add(pad(a[1], 0, 0))});
        Tensor b2 = BM.linspace(0, 1, 6).reshape(2, 3).astype(DType.F32);
        Graph og = overlap.graph(A, b2);
        assertEquals(0, og.count(org.braindyn.ops.Op.CONCAT), og.toString());
        assertEquals(pad(A, 1, 0).add(b2), overlap.call(A, b2)[0]);
    }

    @Test
    void theGradientOfASplitIsOneConcatenation() {
        Tensor x = BM.linspace(-2, 2, 24).reshape(3, 8).astype(DType.F32);
        java.util.function.UnaryOperator<Tensor> loss = v -> {
            Tensor[] p = BM.split(v, 4, 1);
            return BM.tanh(p[0]).mul(p[1]).add(BM.sigmoid(p[2]).mul(p[3])).sum();
        };
        JitFunction gf = Jit.jit(a -> new Tensor[] {Autodiff.grad(loss, a[0])});
        Graph g = gf.graph(x);
        assertEquals(0, g.count(org.braindyn.ops.Op.PAD), g.toString());
        Tensor eager = Autodiff.grad(loss, x), compiled = gf.call(x)[0];
        float[] e = (float[]) eager.contiguous().storage(), c = (float[]) compiled.contiguous().storage();
        for (int i = 0; i < e.length; i++) assertEquals(e[i], c[i], 1e-6f * Math.max(1, Math.abs(e[i])), "element " + i);
    }
}
