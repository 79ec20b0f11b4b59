package org.braindyn.jit;

/**
 * A vectorised kernel with a warm-up. Until HotSpot has compiled the SIMD loop, Vector API code runs boxed and is
 * far slower than the scalar loop, so each call runs the SIMD kernel on a short prefix of the elements (enough to
 * make it hot) and the scalar kernel on the rest, timing the prefix. Once the prefix runs in compiled time (well
 * under {@value #COMPILED_NS} ns) for several calls in a row, every call is SIMD. Both kernels compute the same bits and elementwise
 * work splits at any index, so results never depend on the phase. (A background warm-up thread was tried and
 * lost: on two cores it competes with the simulation and with HotSpot's compiler threads.)
 */
final class WarmingKernel implements FusedKernel {
    private static final int PREFIX = 2 * VectorEmitter.LANES;
    /** A prefix call this fast means C2 has compiled the SIMD loop (interpreted or C1 Vector API code boxes every op). */
    private static final long COMPILED_NS = 2_000;
    private final FusedKernel vector, scalar;
    private final boolean[] shifted;          // FULL inputs and outputs: their offsets move with the split
    private int good, calls;
    private boolean warm = true;
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
        if (!warm || n < 4 * PREFIX) { vector.run(arrays, offsets, n); return; }
        if (shiftedOffsets.length != offsets.length) shiftedOffsets = new int[offsets.length];
        for (int j = 0; j < offsets.length; j++) shiftedOffsets[j] = offsets[j] + (shifted[j] ? PREFIX : 0);
        long t0 = System.nanoTime();
        vector.run(arrays, offsets, PREFIX);
        long t1 = System.nanoTime();
        scalar.run(arrays, shiftedOffsets, n - PREFIX);
        good = t1 - t0 < COMPILED_NS ? good + 1 : 0;
        if (good >= 8 || ++calls > 50_000) warm = false;
    }
}
