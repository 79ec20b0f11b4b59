package org.braindyn.jit;

/**
 * What extra steps of a compiled loop allocate once HotSpot's warm-up is over: the shorter loop measured twice must
 * allocate the same (within 1 KB) before the difference to the longer loop counts, so a noisy first measurement cannot
 * make it negative and pass vacuously. {@link Allocations#measure} throws where the JVM cannot count allocations.
 */
final class SteadyAllocation {
    private SteadyAllocation() {}

    /** Bytes the longer run allocates beyond the shorter one, retried until under {@code budget} or 30 settled attempts. */
    static long extraBytes(Runnable shorter, Runnable longer, long budget) {
        long more = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 30 && more >= budget; attempt++) {
            long a1 = Allocations.measure(shorter);
            long a2 = Allocations.measure(longer);
            long a1b = Allocations.measure(shorter);
            if (Math.abs(a1 - a1b) < 1024) more = a2 - Math.max(a1, a1b);
        }
        return more;
    }
}
