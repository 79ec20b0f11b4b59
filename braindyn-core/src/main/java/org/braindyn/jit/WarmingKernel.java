package org.braindyn.jit;

import org.braindyn.ops.internal.SimdGate;

/**
 * A vectorised kernel with a warm-up: until its SIMD loop is compiled (see {@link SimdGate}), each call runs the
 * scalar kernel on the elements, and on the first calls and then on every few calls the SIMD kernel on a short prefix
 * of them, timed. Both kernels compute the same bits and elementwise work splits at any index, so results never
 * depend on the phase. (A background warm-up thread was tried and lost: on two cores it competes with the simulation
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
        if (gate.open() || n < 4 * PREFIX) { vector.run(arrays, offsets, n); return; }
        if (!gate.probe()) { scalar.run(arrays, offsets, n); return; }
        if (shiftedOffsets.length != offsets.length) shiftedOffsets = new int[offsets.length];
        for (int j = 0; j < offsets.length; j++) shiftedOffsets[j] = offsets[j] + (shifted[j] ? PREFIX : 0);
        long t0 = System.nanoTime();
        vector.run(arrays, offsets, PREFIX);
        long t1 = System.nanoTime();
        gate.probed(t1 - t0);
        scalar.run(arrays, shiftedOffsets, n - PREFIX);
    }
}
