package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Jit#sink}: values streamed from compiled code to Java, once per run or per loop step, without copies. */
class SinkTest {
    /** Keeps a copy of every value it receives (as float32). */
    static final class Keep implements Jit.HostSink {
        final List<float[]> got = new ArrayList<>();
        @Override public void accept(Object array, int offset, int size) {
            float[] v = new float[size];
            for (int i = 0; i < size; i++)
                v[i] = array instanceof boolean[] b ? (b[offset + i] ? 1 : 0) : ((float[]) array)[offset + i];
            got.add(v);
        }
    }

    @Test
    void eagerlyTheSinkReceivesTheValueAtOnce() {
        Keep k = new Keep();
        Jit.sink(BM.array(new float[] {1, 2, 3}).get("1:"), k);
        assertEquals(1, k.got.size());
        assertEquals(List.of(2f, 3f), List.of(k.got.get(0)[0], k.got.get(0)[1]));
    }

    @Test
    void aJittedFunctionStreamsItsComputedValueOnEveryCall() {
        Keep k = new Keep();
        JitFunction f = Jit.jit(a -> {
            Tensor y = a[0].mul(2f).add(1f);
            Jit.sink(y.gt(4f), k);
            return new Tensor[] {y};
        });
        f.call(BM.array(new float[] {1, 2, 3}));
        f.call(BM.array(new float[] {0, 5, 1}));
        assertEquals(1, f.traceCount());
        assertEquals(2, k.got.size());
        assertEquals("[0.0, 1.0, 1.0]", java.util.Arrays.toString(k.got.get(0)));
        assertEquals("[0.0, 1.0, 0.0]", java.util.Arrays.toString(k.got.get(1)));
    }

    @Test
    void aCompiledLoopStreamsEveryStepInOrderAndEqualsItsStackedResult() {
        Variable v = new Variable(BM.zeros(Shape.of(5), DType.F32), "v");
        Keep k = new Keep();
        Tensor drive = BM.linspace(0, 1, 40).astype(DType.F32).reshape(8, 5);
        Tensor ys = Loops.forLoop(x -> {
            v.update(v.value().mul(0.5f).add(x[0]));
            Jit.sink(v.value(), k);
            return new Tensor[] {v.value()};
        }, drive)[0];
        assertEquals(8, k.got.size());
        for (int t = 0; t < 8; t++)
            for (int i = 0; i < 5; i++) assertEquals(ys.getDouble(t, i), k.got.get(t)[i], 0, "step " + t + ", element " + i);
    }

    @Test
    void differentiatingALoopThatStreamsIsRefusedWithAReason() {
        TrainVar w = new TrainVar(BM.ones(Shape.of(3), DType.F32), "w");
        Keep k = new Keep();
        Tensor xs = BM.ones(Shape.of(4, 3), DType.F32);
        RuntimeException e = assertThrows(RuntimeException.class, () -> Autodiff.grad(a -> {
            Tensor[] y = Loops.forLoop(x -> {
                Tensor s = x[0].mul(w.value());
                Jit.sink(s, k);
                return new Tensor[] {s};
            }, xs);
            return BM.sum(y[0]);
        }).gradVars(w).apply());
        assertTrue(e.getMessage().contains("streams values to Java"), e.getMessage());
    }
}
