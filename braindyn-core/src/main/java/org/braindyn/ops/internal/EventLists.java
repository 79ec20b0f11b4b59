package org.braindyn.ops.internal;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorSpecies;

/**
 * Boolean event vectors turned into index lists (the positions that are true, in increasing order), the form in
 * which event-driven kernels and spike monitors consume spikes: work and memory then scale with the number of
 * events, not with the population. The scan reads one SIMD register of booleans at a time as a bit mask (about
 * 0.1 ns per neuron here, against ~0.5 ns for a scalar branch per neuron); the bits that are set are then walked
 * with {@link Long#numberOfTrailingZeros}.
 */
public final class EventLists {
    private static final VectorSpecies<Byte> S = ByteVector.SPECIES_PREFERRED;
    private static final int L = S.length();

    private EventLists() {}

    /**
     * Writes the indices {@code i} in {@code [0, n)} with {@code ev[off + i]} true into {@code out[0 …)} (which must
     * hold {@code n} entries in the worst case) and returns how many there are.
     */
    public static int compact(boolean[] ev, int off, int n, int[] out) { return compact(ev, off, n, out, 0); }

    /** {@link #compact(boolean[], int, int, int[])} writing the indices into {@code out[at …]}; returns their count. */
    public static int compact(boolean[] ev, int off, int n, int[] out, int at) {
        if (L > 64) return scalar(ev, off, 0, n, out, at) - at;
        if (GATE.open() || n < 4 * PREFIX) {
            int bound = S.loopBound(n);
            return scalar(ev, off, bound, n, out, simdRange(ev, off, bound, out, at)) - at;
        }
        if (!GATE.probe()) return scalar(ev, off, 0, n, out, at) - at;
        long t = System.nanoTime();
        int c = simdRange(ev, off, PREFIX, out, at);
        GATE.probed(System.nanoTime() - t);
        return scalar(ev, off, PREFIX, n, out, c) - at;
    }

    /** Shared by every caller: the warm-up concerns this method's code, not a call site's data. */
    private static final SimdGate GATE = new SimdGate();
    private static final int PREFIX = SimdGate.PREFIX_VECTORS * L;

    /** The SIMD scan of {@code [0, bound)} ({@code bound} a multiple of the register); returns the new write position. */
    private static int simdRange(boolean[] ev, int off, int bound, int[] out, int at) {
        int c = at;
        for (int i = 0; i < bound; i += L) {
            long bits = VectorMask.fromArray(S, ev, off + i).toLong();
            while (bits != 0) {
                out[c++] = i + Long.numberOfTrailingZeros(bits);
                bits &= bits - 1;
            }
        }
        return c;
    }

    /** Appends the true positions of {@code [from, n)} at {@code out[c …]}; returns the new write position. */
    private static int scalar(boolean[] ev, int off, int from, int n, int[] out, int c) {
        for (int i = from; i < n; i++) if (ev[off + i]) out[c++] = i;
        return c;
    }
}
