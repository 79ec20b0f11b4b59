package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * A ring buffer in a compiled loop: {@code scatter} of one row into a carried history and {@code take} of a row at
 * a computed position. The executor writes the row in place in the carry and reads rows as views, so a step costs
 * O(row), allocates nothing, and gives exactly what the eager ops give.
 */
class RingBufferLoopTest {
    private static final int SLOTS = 8, N = 300, DELAY = 3;

    /** {@code x[t]} delayed by {@code DELAY} steps through a ring of {@code SLOTS} rows (zeros before it fills). */
    private static Function<Tensor[], Tensor[]> delayLine(Variable hist, Variable pos, boolean alsoReadOld) {
        return x -> {
            Tensor old = alsoReadOld ? BM.take(hist.value(), BM.scalar(0, DType.I32), 0) : null;
            Tensor p = BM.remainder(pos.value().add(SLOTS - 1), SLOTS);
            pos.set(p);
            hist.set(BM.scatter(hist.value(), p, x[0], 0));
            Tensor late = BM.take(hist.value(), BM.remainder(p.add(DELAY), SLOTS), 0);
            return alsoReadOld ? new Tensor[] {late, old} : new Tensor[] {late};
        };
    }

    private static Tensor ramp(int steps) {
        return BM.arange(steps * N).astype(DType.F32).reshape(steps, N);
    }

    @Test
    void aRowReadAfterAScatterIsTheRowWrittenDelayStepsEarlier() {
        int steps = 50;
        Tensor xs = ramp(steps);
        for (boolean alsoReadOld : new boolean[] {false, true}) {   // with the old history read too: no in-place write
            Variable hist = new Variable(BM.zeros(Shape.of(SLOTS, N), DType.F32)), pos = new Variable(BM.scalar(0, DType.I32));
            Tensor[] ys = Loops.forLoop(delayLine(hist, pos, alsoReadOld), xs);
            float[] y = ys[0].toFloatArray(), x = xs.toFloatArray();
            for (int t = 0; t < steps; t++)
                for (int j = 0; j < N; j += 37)
                    assertEquals(t < DELAY ? 0f : x[(t - DELAY) * N + j], y[t * N + j], "step " + t + ", element " + j);
            // the same steps eagerly, op by op
            Variable he = new Variable(BM.zeros(Shape.of(SLOTS, N), DType.F32)), pe = new Variable(BM.scalar(0, DType.I32));
            Function<Tensor[], Tensor[]> eager = delayLine(he, pe, alsoReadOld);
            for (int t = 0; t < steps; t++) {
                Tensor[] e = eager.apply(new Tensor[] {xs.get(org.braindyn.tensor.Index.at(t))});
                assertArrayEquals(e[0].toFloatArray(), ys[0].get(org.braindyn.tensor.Index.at(t)).toFloatArray(), "step " + t);
                if (alsoReadOld) assertArrayEquals(e[1].toFloatArray(), ys[1].get(org.braindyn.tensor.Index.at(t)).toFloatArray(), "old row, step " + t);
            }
            assertEquals(he.value(), hist.value());
            assertEquals(pe.value().item(), pos.value().item());
        }
    }

    @Test
    void theRingAllocatesNothingPerStepInSteadyState() {
        Variable hist = new Variable(BM.zeros(Shape.of(SLOTS, N), DType.F32)), pos = new Variable(BM.scalar(0, DType.I32));
        Function<Tensor[], Tensor[]> body = x -> { delayLine(hist, pos, false).apply(x); return new Tensor[0]; };
        Tensor x1 = ramp(1000), x2 = ramp(3000);
        long more = SteadyAllocation.extraBytes(() -> Loops.forLoop(body, x1), () -> Loops.forLoop(body, x2), 16 * 1024);
        // a copying scatter would allocate SLOTS × N floats (9,600 bytes) per step: 19 MB for the 2,000 extra steps
        assertTrue(more < 16 * 1024, "2,000 more ring-buffer steps allocated " + more + " bytes");
    }
}
