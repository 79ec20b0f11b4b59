package org.braindyn.jit;

import java.lang.management.ManagementFactory;

/**
 * Bytes allocated on the current thread (HotSpot's per-thread allocation counter), to check and report that
 * compiled loops allocate nothing in steady state.
 * <pre>{@code long bytes = Allocations.measure(() -> Loops.forLoop(body, xs));}</pre>
 */
public final class Allocations {
    private Allocations() {}

    /** True where this JVM counts the bytes each thread allocates (HotSpot does, when the counter is enabled). */
    public static boolean supported() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx
                && mx.isThreadAllocatedMemorySupported() && mx.isThreadAllocatedMemoryEnabled();
    }

    /**
     * Bytes the current thread allocated while {@code r} ran.
     *
     * @throws IllegalStateException where the JVM cannot count them (check {@link #supported()} first to report
     *                               "unknown" instead): an allocation check must fail there, not pass vacuously
     */
    public static long measure(Runnable r) {
        if (!supported() || !(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean mx))
            throw new IllegalStateException("Allocations.measure: this JVM (" + System.getProperty("java.vm.name")
                    + ") does not count per-thread allocated bytes; run on HotSpot with -XX:+UseThreadAllocatedMemory (the default)");
        long before = mx.getCurrentThreadAllocatedBytes();
        r.run();
        return mx.getCurrentThreadAllocatedBytes() - before;
    }
}
