package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@link Loops#profile}: each step of a compiled loop's schedule timed, the executor's overhead what is left. */
class LoopProfileTest {
    private static final long SPIN_NS = 200_000;

    /** A loop whose step is a host call that busy-waits 200 µs, then two elementwise ops on its result. */
    private static Tensor[] slowLoop(Variable v, int steps) {
        return Loops.forLoop(x -> {
            Tensor h = BM.hostCall("spin", DType.F32, Shape.of(4), (in, io, out, oo) -> {
                long end = System.nanoTime() + SPIN_NS;
                while (System.nanoTime() < end) Thread.onSpinWait();
                float[] a = (float[]) in[0], r = (float[]) out;
                for (int i = 0; i < 4; i++) r[oo + i] = a[io[0] + i];
            }, v.value());
            v.set(h.add(x[0]).mul(0.5));
            return new Tensor[0];
        }, BM.zeros(Shape.of(steps, 4), DType.F32));
    }

    @Test
    void theHostCallsRowCarriesItsTimeAndTheRowsAndExecutorAddUpToTheLoop() {
        Variable v = new Variable(BM.zeros(Shape.of(4), DType.F32), "v");
        slowLoop(v, 20);                                   // traced and compiled outside the profile
        LoopProfile p = Loops.profile(() -> slowLoop(v, 50));
        assertEquals(50, p.steps());
        LoopProfile.Row spin = p.rows().stream().filter(r -> r.label().startsWith("host_call")).findFirst().orElseThrow(() -> new AssertionError(p));
        assertTrue(spin.microsPerStep() >= SPIN_NS / 1e3 * 0.95, p.toString());
        for (LoopProfile.Row r : p.rows()) if (r != spin) assertTrue(r.microsPerStep() < spin.microsPerStep() / 4, p.toString());
        double sum = p.kernelMicrosPerStep() + p.executorMicrosPerStep();
        assertTrue(Math.abs(sum - p.microsPerStep()) <= 0.05 * p.microsPerStep() + p.rows().size() * p.timerNanos() / 1e3 * 2, p.toString());
        assertTrue(p.executorMicrosPerStep() >= 0 && p.executorMicrosPerStep() < spin.microsPerStep(), p.toString());
        assertTrue(p.toString().contains("executor"), p.toString());
        // the epilogue has its rows too
        List<String> labels = p.rows().stream().map(LoopProfile.Row::label).toList();
        assertTrue(labels.contains(Program.SPIKE_LISTS) && labels.contains(Program.MONITORS), labels.toString());
    }

    @Test
    void aProfileCountsOnlyTheLoopsRunInsideIt() {
        Variable v = new Variable(BM.zeros(Shape.of(4), DType.F32), "v");
        LoopProfile a = Loops.profile(() -> slowLoop(v, 30));
        slowLoop(v, 40);                                   // untimed: not in the next profile
        LoopProfile b = Loops.profile(() -> slowLoop(v, 10));
        assertEquals(30, a.steps());
        assertEquals(10, b.steps());
    }

    @Test
    void profilesRefuseToNestAndNeedACompiledLoop() {
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> Loops.profile(() -> BM.ones(3).add(1)));
        assertTrue(none.getMessage().contains("no compiled loop"), none.getMessage());
        Variable v = new Variable(BM.zeros(Shape.of(4), DType.F32), "v");
        IllegalStateException nested = assertThrows(IllegalStateException.class, () -> Loops.profile(() -> Loops.profile(() -> slowLoop(v, 2))));
        assertTrue(nested.getMessage().contains("do not nest"), nested.getMessage());
        assertEquals(3, Loops.profile(() -> slowLoop(v, 3)).steps());   // the refused one left no profile behind
    }
}
