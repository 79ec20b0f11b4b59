package org.braindyn.jit;

import java.util.concurrent.locks.LockSupport;

/**
 * The threads that share a compiled step's element-wise kernels ({@link #setThreads}, default 1): the calling thread
 * and {@code threads − 1} daemon workers. A kernel over {@code n} elements is cut into one contiguous range per
 * thread; each runs the same generated loop on its range, so results are bit-identical for any number of threads
 * (no element is computed differently, and nothing is summed across ranges). A worker waits for the next kernel by
 * spinning for {@value #SPIN_NS} ns, then parks: a simulation step hands kernels out every few microseconds, and a
 * park/unpark round trip would cost more than a 10,000-element kernel.
 * <pre>{@code
 * StepTeam.setThreads(2);   // before compiling: programs built afterwards split kernels over ≥ minElements() elements
 * }</pre>
 */
public final class StepTeam {
    /** How long an idle worker spins before parking. */
    static final long SPIN_NS = 200_000;
    private static volatile int threads = 1;
    private static volatile int minElements = Integer.getInteger("braindyn.jit.parallelMin", 16_384);
    private static StepTeam shared;

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

    /** The workers, started on first use and grown to {@code threads − 1}; null with one thread. */
    static synchronized Workers workers(int threads) {
        if (threads < 2) return null;
        if (shared == null) shared = new StepTeam();
        return shared.grow(threads - 1);
    }

    private Workers pool;

    private Workers grow(int n) {
        if (pool == null || pool.size() < n) pool = new Workers(n);
        return pool;
    }

    /** A task per range; {@code part} is 0 for the caller's range, 1 … for the workers'. */
    @FunctionalInterface
    interface Part { void run(int part); }

    /** Daemon workers, each with a slot: a task generation it waits for and one it has finished. */
    static final class Workers {
        private final Thread[] threads;
        private final Slot[] slots;

        private static final class Slot {
            volatile long posted, done;
            volatile Part task;
            volatile Thread waiting;
            volatile Throwable failure;
        }

        Workers(int n) {
            threads = new Thread[n];
            slots = new Slot[n];
            for (int w = 0; w < n; w++) {
                Slot s = slots[w] = new Slot();
                int part = w + 1;
                threads[w] = Thread.ofPlatform().daemon().name("braindyn-step-" + part).unstarted(() -> loop(s, part));
                threads[w].start();
            }
        }

        int size() { return threads.length; }

        private static void loop(Slot s, int part) {
            long seen = 0;
            while (true) {
                long t0 = System.nanoTime();
                while (s.posted == seen) {
                    if (System.nanoTime() - t0 < SPIN_NS) Thread.onSpinWait();
                    else {
                        s.waiting = Thread.currentThread();
                        if (s.posted == seen) LockSupport.park(s);
                        s.waiting = null;
                    }
                }
                seen = s.posted;
                try {
                    s.task.run(part);
                } catch (Throwable e) {
                    s.failure = e;
                }
                s.done = seen;
            }
        }

        /** Runs {@code task} for parts {@code 0 … parts−1}: part 0 here, the others on workers; returns when all are done. */
        synchronized void run(int parts, Part task) {   // one caller at a time: two compiled loops on two threads take turns
            HAND_OFFS.increment();
            for (int w = 0; w < parts - 1; w++) {
                Slot s = slots[w];
                s.task = task;
                s.posted = s.posted + 1;
                Thread t = s.waiting;
                if (t != null) LockSupport.unpark(t);
            }
            Throwable mine = null;
            try {
                task.run(0);
            } catch (Throwable e) {
                mine = e;
            }
            for (int w = 0; w < parts - 1; w++) {
                Slot s = slots[w];
                long want = s.posted;
                while (s.done != want) Thread.onSpinWait();
                if (s.failure != null && mine == null) { mine = s.failure; }
                s.failure = null;
            }
            if (mine instanceof RuntimeException re) throw re;
            if (mine instanceof Error er) throw er;
            if (mine != null) throw new IllegalStateException("StepTeam: a kernel failed: " + mine, mine);
        }
    }
}
