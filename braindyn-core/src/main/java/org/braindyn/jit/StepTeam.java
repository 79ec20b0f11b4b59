package org.braindyn.jit;

/**
 * The threads that share a compiled step's element-wise kernels ({@link #setThreads}, default 1): the calling thread
 * and {@code threads − 1} daemon workers. A kernel over {@code n} elements is cut into one contiguous range per
 * thread; each runs the same generated loop on its range, so results are bit-identical for any number of threads
 * (no element is computed differently, and nothing is summed across ranges). The workers are
 * {@link org.braindyn.ops.internal.SpinTeam}'s: they spin a while for the next kernel before parking, since a
 * simulation step hands kernels out every few microseconds.
 * <pre>{@code
 * StepTeam.setThreads(2);   // before compiling: programs built afterwards split kernels over ≥ minElements() elements
 * }</pre>
 */
public final class StepTeam {
    private static volatile int threads = 1;
    private static volatile int minElements = Integer.getInteger("braindyn.jit.parallelMin", 16_384);
    private StepTeam() {}

    /**
     * Threads for compiled steps (1 to 64). Programs compiled afterwards split element-wise kernels over at least
     * {@link #minElements()} elements across this many threads; compiled programs keep the team they were built with.
     */
    public static synchronized void setThreads(int n) {
        if (n < 1 || n > 64) throw new IllegalArgumentException("StepTeam.threads: must be 1 to 64; got " + n);
        threads = n;
    }

    /** Threads for compiled steps. */
    public static int threads() { return threads; }

    private static final java.util.concurrent.atomic.LongAdder HAND_OFFS = new java.util.concurrent.atomic.LongAdder();

    /** Kernels handed to the team so far (a diagnostic: it stays 0 while every kernel runs on one thread). */
    public static long handOffs() { return HAND_OFFS.sum(); }

    /** Elements from which a kernel is split (default 16,384; {@code -Dbraindyn.jit.parallelMin}). */
    public static int minElements() { return minElements; }

    /** Sets the elements from which a kernel is split (≥ 1). */
    public static void setMinElements(int n) {
        if (n < 1) throw new IllegalArgumentException("StepTeam.minElements: must be >= 1; got " + n);
        minElements = n;
    }

    /** The workers, started on first use and grown to {@code threads − 1} ({@link org.braindyn.ops.internal.SpinTeam}); null with one thread. */
    static Workers workers(int threads) {
        if (threads < 2) return null;
        return new Workers(org.braindyn.ops.internal.SpinTeam.shared(threads - 1));
    }

    /** Runs {@code task} for parts {@code 0 … parts−1} on the workers (part 0 on the calling thread), counted as a hand-off. */
    static final class Workers {
        private final org.braindyn.ops.internal.SpinTeam team;

        private Workers(org.braindyn.ops.internal.SpinTeam team) { this.team = team; }

        void run(int parts, org.braindyn.ops.internal.SpinTeam.Part task) {
            HAND_OFFS.increment();
            team.run(parts, task);
        }
    }
}
