package org.braindyn.jit;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the current thread (HotSpot's per-thread allocation counter), to check and report that
 * compiled loops allocate nothing in steady state.
 * <pre>{@code long bytes = Allocations.measure(() -> Loops.forLoop(body, xs));}</pre>
 */
public final class Allocations {
    private Allocations() {}

    /** Bytes the current thread allocated while {@code r} ran, or -1 where the JVM does not count them. */
    public static long measure(Runnable r) {
        if (!(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx)) { r.run(); return -1; }
        long before = mx.getCurrentThreadAllocatedBytes();
        r.run();
        return mx.getCurrentThreadAllocatedBytes() - before;
    }
}
