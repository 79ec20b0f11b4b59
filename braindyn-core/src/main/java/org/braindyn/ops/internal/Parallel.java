package org.braindyn.ops.internal;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * Splits a loop over {@code [0, n)} across the common ForkJoin pool, but only when the work is large enough
 * to repay the hand-off; small kernels always run on the calling thread.
 */
public final class Parallel {
    /** Elements below which elementwise kernels never split (about 100 µs of simple work). */
    public static final int ELEMENTWISE_THRESHOLD = 1 << 18;
    private static volatile boolean enabled = true;

    private Parallel() {}

    /** A body run on the half-open range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeBody { void run(int from, int to); }

    /** Enables or disables splitting (benchmarks measure single-thread speed with it off). */
    public static void setEnabled(boolean on) { enabled = on; }

    /** Whether splitting is enabled. */
    public static boolean enabled() { return enabled; }

    /**
     * Threads a split loop runs on: the common pool's workers plus the calling thread, which takes part (a 2-core
     * machine's pool has one worker, so it is 2 there), at most the available processors.
     */
    public static int threads() {
        return Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
    }

    /** Runs {@code body} over {@code [0, n)}, in chunks of at least {@code grain} on several cores if worth it. */
    public static void forRange(int n, int grain, RangeBody body) {
        int threads = threads();
        if (!enabled || threads < 2 || n < 2L * grain) {
            body.run(0, n);
            return;
        }
        int chunks = Math.min(threads * 4, Math.max(1, n / grain));
        int step = (n + chunks - 1) / chunks;
        IntStream.range(0, chunks).parallel().forEach(c -> {
            int from = c * step, to = Math.min(n, from + step);
            if (from < to) body.run(from, to);
        });
    }
}
