package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A float32 matmul by a matrix inside a compiled loop runs into a planned buffer (a constant matrix packed once):
 * the same bits as the eager product, for a row vector (unpacked path), a batch of rows (packed panels, with a
 * partial last panel) and a matrix that changes every step (re-packed), and no allocation per step.
 */
class PlannedMatmulTest {
    private static final int K = 70, N = 37;

    private static Tensor uniform(int seed, int... shape) { return new RandomState(seed).uniform(-1, 1, shape).astype(DType.F32); }

    private static void sameAsEager(int rows, boolean changingMatrix) {
        Tensor w = uniform(1, K, N), xs = uniform(2, 20, rows, K);
        Variable acc = new Variable(BM.zeros(Shape.of(rows, N), DType.F32)), wv = new Variable(w);
        Function<Tensor[], Tensor[]> body = x -> {
            Tensor m = changingMatrix ? wv.value() : w;
            Tensor y = BM.matmul(rows == 1 ? x[0].reshape(K) : x[0], m);
            acc.set(acc.value().mul(0.5f).add(y.reshape(rows, N)));
            if (changingMatrix) wv.set(wv.value().mul(0.99f));
            return new Tensor[] {y};
        };
        Tensor[] ys = Loops.forLoop(body, xs);
        Tensor a = BM.zeros(Shape.of(rows, N), DType.F32), m = w;
        for (int t = 0; t < 20; t++) {
            Tensor xt = xs.get(Index.at(t));
            Tensor y = BM.matmul(rows == 1 ? xt.reshape(K) : xt, m);
            a = a.mul(0.5f).add(y.reshape(rows, N));
            if (changingMatrix) m = m.mul(0.99f);
            assertArrayEquals(y.toFloatArray(), ys[0].get(Index.at(t)).toFloatArray(), rows + " rows, step " + t);
        }
        assertArrayEquals(a.toFloatArray(), acc.value().toFloatArray());
    }

    @Test void aRowVectorTimesAConstantMatrix() { sameAsEager(1, false); }

    @Test void aBatchTimesAConstantMatrixUsesThePackedPanels() { sameAsEager(9, false); }

    @Test void aMatrixThatChangesEveryStepIsRepacked() { sameAsEager(9, true); }

    @Test
    void theProductAllocatesNothingPerStep() {
        Tensor w = uniform(3, K, N);
        Variable acc = new Variable(BM.zeros(Shape.of(8, N), DType.F32));
        Function<Tensor[], Tensor[]> body = x -> { acc.set(acc.value().mul(0.5f).add(BM.matmul(x[0], w))); return new Tensor[0]; };
        Tensor x1 = uniform(4, 1000, 8, K), x2 = uniform(5, 3000, 8, K);
        long more = SteadyAllocation.extraBytes(() -> Loops.forLoop(body, x1), () -> Loops.forLoop(body, x2), 16 * 1024);
        // an eager product would allocate its 8 × 37 output and, packing, 2 × 70 × 16 floats of panels per step
        assertTrue(more < 16 * 1024, "2,000 more steps allocated " + more + " bytes");
    }
}
