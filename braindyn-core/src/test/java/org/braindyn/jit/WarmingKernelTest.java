package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.ops.internal.SimdGate;
import org.junit.jupiter.api.Test;

/** Which elements a warming kernel gives its SIMD loop and which its scalar twin, before and after the gate opens. */
class WarmingKernelTest {
    private static final int L = VectorEmitter.LANES;

    /** A kernel that records each call's length and first offsets instead of computing. */
    private static final class Recorder implements FusedKernel {
        final List<int[]> calls = new ArrayList<>();
        @Override public void run(Object[] arrays, int[] offsets, int n) { calls.add(new int[] {n, offsets[0], offsets[1], offsets[2]}); }
    }

    /** One FULL input, one SCALAR input (its offset never moves) and one output. */
    private static Fusion.Fused group(int n) {
        return new Fusion.Fused(List.of(), n, new int[] {0, 1}, new Fusion.Load[] {Fusion.Load.FULL, Fusion.Load.SCALAR}, new int[] {0, 0}, new int[] {2});
    }

    /** Calls the kernel until the next call would find its gate open (the recorder's probes are fast). */
    private static void open(WarmingKernel k, Recorder vector, int[] offsets, int n) {
        for (int c = 0; c < 1000; c++) {
            int before = vector.calls.size();
            k.run(null, offsets, n);
            if (vector.calls.size() > before && vector.calls.get(before)[0] != SimdGate.PREFIX_VECTORS * L) {
                vector.calls.remove(before);                               // that call already ran open: forget it
                return;
            }
        }
        throw new AssertionError("the gate did not open within 1000 fast probes");
    }

    @Test
    void onceOpenTheSimdLoopGetsWholeVectorsAndTheScalarTwinTheTail() {
        int n = 100 * L + 5;
        Recorder vector = new Recorder(), scalar = new Recorder();
        WarmingKernel k = new WarmingKernel(vector, scalar, group(n));
        int[] offsets = {7, 3, 11};
        open(k, vector, offsets, n);
        assertTrue(vector.calls.size() > 1);
        for (int[] call : vector.calls) assertEquals(SimdGate.PREFIX_VECTORS * L, call[0], "one timed SIMD prefix per call while the gate is closed");
        vector.calls.clear();
        scalar.calls.clear();

        k.run(null, offsets, n);
        assertEquals(1, vector.calls.size());
        int[] v = vector.calls.get(0);
        assertEquals(100 * L, v[0], "whole vectors only: a SIMD kernel whose own scalar tail never ran during the probes "
                + "is compiled with that tail as an uncommon trap, and the first tail would deoptimise it");
        assertEquals(7, v[1]);
        assertEquals(1, scalar.calls.size());
        int[] s = scalar.calls.get(0);
        assertEquals(5, s[0], "the tail");
        assertEquals(7 + 100 * L, s[1], "a FULL input's offset moves to the tail");
        assertEquals(3, s[2], "a SCALAR input's offset stays");
        assertEquals(11 + 100 * L, s[3], "an output's offset moves to the tail");
        assertEquals(7, offsets[0], "the caller's offsets are not changed");
    }

    @Test
    void aWholeNumberOfVectorsNeedsNoScalarCallAndShortLoopsStaySimd() {
        Recorder vector = new Recorder(), scalar = new Recorder();
        WarmingKernel k = new WarmingKernel(vector, scalar, group(64 * L));
        int[] offsets = {0, 0, 0};
        open(k, vector, offsets, 64 * L);
        scalar.calls.clear();
        vector.calls.clear();
        k.run(null, offsets, 64 * L);
        assertEquals(64 * L, vector.calls.get(0)[0]);
        assertTrue(scalar.calls.isEmpty());
        k.run(null, offsets, 3);                                              // below the probe size: the SIMD kernel, tail and all
        assertEquals(3, vector.calls.get(1)[0]);
        assertTrue(scalar.calls.isEmpty());
    }
}
