package org.braindyn.ops.internal;

import java.util.concurrent.locks.LockSupport;

/**
 * Daemon worker threads for kernels that are split into a few parts many times a second (a compiled network step's
 * element-wise kernels, a reservoir's recurrent mat-vec): {@link #run} runs part 0 on the calling thread and the
 * others on the workers, and returns when all are done. An idle worker spins for {@value #SPIN_NS} ns before it
 * parks, because a park/unpark round trip (tens of µs on a virtual machine) costs more than the parts themselves;
 * the common ForkJoin pool's hand-off measured 40–50 µs more than this per 200 µs mat-vec.
 * <pre>{@code
 * SpinTeam.shared(1).run(2, part -> kernel(part == 0 ? 0 : mid, part == 0 ? mid : n));
 * }</pre>
 */
public final class SpinTeam {
    /** How long an idle worker spins before parking. */
    static final long SPIN_NS = 200_000;
    private static SpinTeam shared;
    private static final ThreadLocal<Boolean> WORKER = ThreadLocal.withInitial(() -> false);

    /** A task per part; {@code part} is 0 for the caller's, 1 … for the workers'. */
    @FunctionalInterface
    public interface Part { void run(int part); }

    private final Thread[] threads;
    private final Slot[] slots;

    private static final class Slot {
        volatile long posted, done;
        volatile Part task;
        volatile Thread waiting;
        volatile Throwable failure;
    }

    /** The process's team with at least {@code workers} workers, started on first use and grown when asked for more. */
    public static synchronized SpinTeam shared(int workers) {
        if (workers < 1) throw new IllegalArgumentException("SpinTeam: needs >= 1 worker; got " + workers);
        if (shared == null || shared.size() < workers) shared = new SpinTeam(workers);
        return shared;
    }

    private SpinTeam(int n) {
        threads = new Thread[n];
        slots = new Slot[n];
        for (int w = 0; w < n; w++) {
            Slot s = slots[w] = new Slot();
            int part = w + 1;
            threads[w] = Thread.ofPlatform().daemon().name("braindyn-step-" + part).unstarted(() -> loop(s, part));
            threads[w].start();
        }
    }

    /** Workers (the calling thread not counted). */
    public int size() { return threads.length; }

    /** Whether the calling thread is one of the workers (a part must not split itself again: the team is busy). */
    public static boolean onWorker() { return WORKER.get(); }

    private static void loop(Slot s, int part) {
        WORKER.set(true);
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

    /**
     * Runs {@code task} for parts {@code 0 … parts−1} ({@code parts ≤ size() + 1}): part 0 here, the others on
     * workers; returns when all are done, rethrowing the first failure.
     */
    public synchronized void run(int parts, Part task) {   // one caller at a time: two compiled loops on two threads take turns
        if (parts < 1 || parts > threads.length + 1)
            throw new IllegalArgumentException("SpinTeam.run: parts must be 1 to " + (threads.length + 1) + "; got " + parts);
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
        if (mine != null) throw new IllegalStateException("SpinTeam: a part failed: " + mine, mine);
    }
}
