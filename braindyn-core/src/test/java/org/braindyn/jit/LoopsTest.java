package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** BrainPy's control flow, compiled: for_loop, scan, while_loop, cond and ifelse (SPEC §1.6 semantics). */
class LoopsTest {
    static Tensor vec(double... v) { return BM.array(v); }

    @Test
    void forLoopStacksPerStepResultsAndCarriesVariables() {
        Variable a = new Variable(vec(0, 0), "a");
        Tensor xs = vec(1, 2, 3, 4, 5, 6).reshape(3, 2);
        Tensor[] ys = Loops.forLoop(x -> { a.addAssign(x[0]); return new Tensor[] {a.value().mul(2)}; }, xs);
        assertEquals(vec(2, 4, 8, 12, 18, 24).reshape(3, 2), ys[0]);
        assertEquals(vec(9, 12), a.value());
    }

    @Test
    void scanThreadsItsCarryLikeJax() {
        Loops.ScanResult r = Loops.scan((c, x) -> new Tensor[][] {{c[0].add(x[0])}, {c[0].mul(x[0])}},
                new Tensor[] {vec(1)}, vec(1, 2, 3).reshape(3, 1));
        assertEquals(vec(7), r.carry()[0]);                                 // 1+1+2+3
        assertEquals(vec(1, 4, 12).reshape(3, 1), r.ys()[0]);               // 1·1, 2·2, 4·3
    }

    @Test
    void whileLoopRunsItsCompiledBodyUntilTheConditionFails() {
        Tensor[] r = Loops.whileLoop(v -> v[0].lt(100), v -> new Tensor[] {v[0].mul(2), v[1].add(1)}, vec(3), BM.scalar(0, DType.I32));
        assertEquals(vec(192), r[0]);
        assertEquals(6, (int) r[1].item());
    }

    @Test
    void condRunsOneBranchEagerlyAndSelectsInsideATrace() {
        Variable a = new Variable(vec(1, 2), "a");
        Supplier<Tensor[]> up = () -> { a.addAssign(10); return new Tensor[] {a.value().sum()}; };
        Supplier<Tensor[]> down = () -> { a.subAssign(1); return new Tensor[] {a.value().sum()}; };
        assertEquals(BM.scalar(23.0, DType.F64), Loops.cond(BM.scalar(1, DType.BOOL), up, down)[0]);
        assertEquals(vec(11, 12), a.value());
        JitFunction f = Jit.jit(x -> Loops.cond(x[0].sum().gt(0), up, down));
        assertEquals(BM.scalar(21.0, DType.F64), f.call1(vec(-1)));           // false branch: a = [10, 11]
        assertEquals(vec(10, 11), a.value());
        assertEquals(BM.scalar(41.0, DType.F64), f.call1(vec(1)));            // true branch: a = [20, 21]
        assertEquals(vec(20, 21), a.value());
        assertEquals(1, f.traceCount());
    }

    @Test
    void ifElsePicksTheFirstTrueCondition() {
        List<Supplier<Tensor[]>> bs = List.of(() -> new Tensor[] {vec(1)}, () -> new Tensor[] {vec(2)}, () -> new Tensor[] {vec(3)});
        JitFunction f = Jit.jit(x -> Loops.ifElse(new Tensor[] {x[0].sum().gt(10), x[0].sum().gt(0)}, bs));
        assertEquals(vec(1), f.call1(vec(20)));
        assertEquals(vec(2), f.call1(vec(5)));
        assertEquals(vec(3), f.call1(vec(-5)));
        assertThrows(IllegalArgumentException.class, () -> Loops.ifElse(new Tensor[] {BM.scalar(1, DType.BOOL)}, bs));
    }

    @Test
    void aLoopInsideAJittedFunctionIsUnrolledIntoItsGraph() {
        JitFunction f = Jit.jit(x -> Loops.scan((c, s) -> new Tensor[][] {{c[0].mul(s[0])}, {}}, new Tensor[] {vec(1)}, x[0]).carry());
        assertEquals(vec(24), f.call1(vec(1, 2, 3, 4).reshape(4, 1)));
    }

    @Test
    void operandsMustShareTheirLeadingAxis() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Loops.forLoop(x -> new Tensor[0], BM.zeros(3, 2), BM.zeros(4)));
        assertTrue(e.getMessage().contains("operand 1 has 4 steps"), e.getMessage());
    }

    @Test
    void whileLoopInsideJitExplainsTheLimit() {
        JitFunction f = Jit.jit(x -> Loops.whileLoop(v -> v[0].lt(3), v -> new Tensor[] {v[0].add(1)}, x[0]));
        TracerError e = assertThrows(TracerError.class, () -> f.call(vec(0)));
        assertTrue(e.getMessage().contains("forLoop"), e.getMessage());
        assertArrayEquals(new double[] {3}, Loops.whileLoop(v -> v[0].lt(3), v -> new Tensor[] {v[0].add(1)}, vec(0))[0].toDoubleArray());
    }
}
