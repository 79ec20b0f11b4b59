package org.braindyn.jit;

import org.braindyn.ops.internal.SimdGate;

/**
 * A vectorised kernel with a warm-up: until its SIMD loop is compiled (see {@link SimdGate}), each call runs the
 * scalar kernel on the elements, and on the first calls and then on every few calls the SIMD kernel on a short prefix
 * of them, timed. Both kernels compute the same bits and elementwise work splits at any index, so results never
 * depend on the phase. Once the SIMD loop runs, it gets whole vectors only and the scalar kernel the last
 * {@code n mod LANES} elements (see {@link #shift}). (A background warm-up thread was tried and lost: on two cores it competes with the simulation
 * and with HotSpot's compiler threads.)
 */
final class WarmingKernel implements FusedKernel {
    private static final int PREFIX = SimdGate.PREFIX_VECTORS * VectorEmitter.LANES;
    private final FusedKernel vector, scalar;
    private final boolean[] shifted;          // FULL inputs and outputs: their offsets move with the split
    private final SimdGate gate = new SimdGate();
    private int[] shiftedOffsets = new int[0];

    private WarmingKernel(WarmingKernel of) {
        this.vector = of.vector;
        this.scalar = of.scalar;
        this.shifted = of.shifted;
    }

    /** A kernel running the same generated loops with its own warm-up state (one per thread of a {@link StepTeam}). */
    WarmingKernel copy() { return new WarmingKernel(this); }

    WarmingKernel(FusedKernel vector, FusedKernel scalar, Fusion.Fused f) {
        this.vector = vector;
        this.scalar = scalar;
        int nIn = f.inputs().length, nOut = f.outputs().length;
        shifted = new boolean[nIn + nOut];
        for (int j = 0; j < nIn; j++) shifted[j] = f.loads()[j] == Fusion.Load.FULL;
        for (int j = nIn; j < nIn + nOut; j++) shifted[j] = true;
    }

    @Override public void run(Object[] arrays, int[] offsets, int n) {
        if (n < 4 * PREFIX) { vector.run(arrays, offsets, n); return; }
        if (gate.open()) {
            int full = n - n % VectorEmitter.LANES;
            vector.run(arrays, offsets, full);
            if (full < n) scalar.run(arrays, shift(offsets, full), n - full);
            return;
        }
        if (!gate.probe()) { scalar.run(arrays, offsets, n); return; }
        long t0 = System.nanoTime();
        vector.run(arrays, offsets, PREFIX);
        long t1 = System.nanoTime();
        gate.probed(t1 - t0);
        scalar.run(arrays, shift(offsets, PREFIX), n - PREFIX);
    }

    /**
     * The offsets of the elements from {@code by} on. Once the gate is open, a length that is not a multiple of the
     * SIMD width leaves its last few elements to the scalar twin rather than to the SIMD kernel's own scalar tail:
     * the probes ran that tail on no element, so C2 compiled it as never taken, and the first call with a tail
     * deoptimised the whole SIMD kernel — back to boxed Vector API code for hundreds of steps, twice (COBA with
     * 4,010 neurons ran 2.5–3× slower than with 4,000).
     */
    private int[] shift(int[] offsets, int by) {
        if (shiftedOffsets.length != offsets.length) shiftedOffsets = new int[offsets.length];
        for (int j = 0; j < offsets.length; j++) shiftedOffsets[j] = offsets[j] + (shifted[j] ? by : 0);
        return shiftedOffsets;
    }
}
