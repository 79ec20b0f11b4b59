package org.braindyn.jit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where the time of compiled loops went, step by step of their schedule ({@link Loops#profile}): the microseconds
 * per loop iteration of every kernel (fused kernels, event sums, spike-list compaction, carry copies, monitors) and
 * what is left, the <em>executor</em>: binding each iteration's inputs and outputs, dispatching the steps, the loop
 * itself. Figures come from {@link System#nanoTime} readings between the steps; the cost of one reading
 * ({@link #timerNanos}, calibrated when profiling starts) is taken off every row and off the executor. The rows
 * include the schedule's epilogue: host values, carry copies, spike lists and monitors.
 * <pre>{@code
 * LoopProfile p = Loops.profile(() -> runner.run(1000));
 * System.out.println(p);                          // one row per kernel, then the executor
 * double overhead = p.executorMicrosPerStep();
 * }</pre>
 *
 * @param steps       loop iterations profiled (all programs together)
 * @param loopSeconds wall time of those iterations, timers included
 * @param rows        one per scheduled step of every program that ran, in schedule order
 * @param executorMicros the executor's microseconds per iteration (see above)
 * @param timerNanos  the calibrated cost of one clock reading
 */
public record LoopProfile(long steps, double loopSeconds, List<Row> rows, double executorMicros, double timerNanos) {
    /** One scheduled step: its description and its microseconds per loop iteration. */
    public record Row(String label, double microsPerStep) {}

    /** Microseconds per loop iteration, everything included. */
    public double microsPerStep() { return loopSeconds * 1e6 / steps; }

    /** The executor's microseconds per loop iteration: everything but the kernels. */
    public double executorMicrosPerStep() { return executorMicros; }

    /** The kernels' microseconds per loop iteration, summed. */
    public double kernelMicrosPerStep() {
        double s = 0;
        for (Row r : rows) s += r.microsPerStep();
        return s;
    }

    /** A table: one line per kernel with its µs per step and share, then the executor and the total. */
    @Override public String toString() {
        double total = microsPerStep();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d loop steps, %.3f s: %.2f µs per step (clock readings of %.0f ns taken off)%n",
                steps, loopSeconds, total, timerNanos));
        for (Row r : rows)
            b.append(String.format(Locale.ROOT, "  %9.3f µs  %5.1f%%  %s%n", r.microsPerStep(), 100 * r.microsPerStep() / total, r.label()));
        b.append(String.format(Locale.ROOT, "  %9.3f µs  %5.1f%%  executor (binding, dispatch, loop)%n", executorMicros, 100 * executorMicros / total));
        return b.toString();
    }

    /** The profile being collected on this thread, or null. */
    static Collector active() { return Collector.ACTIVE.get(); }

    /** Accumulates the timings of every program run while it is active. */
    static final class Collector {
        static final ThreadLocal<Collector> ACTIVE = new ThreadLocal<>();

        private static final class Acc {
            long[] nanos;
            long steps, loopNanos;
            String[] labels;
        }

        private final Map<Program, Acc> programs = new IdentityHashMap<>();
        private final List<Program> order = new ArrayList<>();
        final double timerNanos = calibrate();

        /** The slots one program times into: one per step of its schedule and of its epilogue. */
        long[] slots(Program p) {
            Acc a = programs.get(p);
            if (a == null) {
                a = new Acc();
                a.labels = p.stepLabels();
                a.nanos = new long[a.labels.length];
                programs.put(p, a);
                order.add(p);
            }
            return a.nanos;
        }

        /** Records that {@code p} ran {@code steps} iterations in {@code nanos} of wall time. */
        void ran(Program p, long steps, long nanos) {
            Acc a = programs.get(p);
            a.steps += steps;
            a.loopNanos += nanos;
        }

        LoopProfile result() {
            long steps = 0, loop = 0;
            double executor = 0;
            List<Row> rows = new ArrayList<>();
            for (int q = 0; q < order.size(); q++) {
                Acc a = programs.get(order.get(q));
                if (a.steps == 0) continue;
                steps += a.steps;
                loop += a.loopNanos;
                long timed = 0;
                for (int k = 0; k < a.nanos.length; k++) {
                    timed += a.nanos[k];
                    String label = (order.size() > 1 ? "loop " + (q + 1) + ": " : "") + a.labels[k];
                    rows.add(new Row(label, Math.max(0, a.nanos[k] / (double) a.steps - timerNanos) / 1e3));
                }
                // the timed slots tile each run of the schedule, one clock reading in each (taken off the rows above);
                // what is left of the loop is the per-iteration binding and one more reading
                executor += Math.max(0, a.loopNanos - timed - timerNanos * a.steps);
            }
            if (steps == 0) throw new IllegalStateException("Loops.profile: the action ran no compiled loop (an eager run, jit(false), has no schedule to time)");
            return new LoopProfile(steps, loop / 1e9, List.copyOf(rows), executor / steps / 1e3, timerNanos);
        }

        /** The median cost of one {@link System#nanoTime} call, over a few thousand back-to-back readings. */
        private static double calibrate() {
            long[] d = new long[15];
            for (int r = 0; r < d.length; r++) {
                long t0 = System.nanoTime(), t = t0;
                for (int k = 0; k < 2000; k++) t = System.nanoTime();
                d[r] = t - t0;
            }
            java.util.Arrays.sort(d);
            return d[d.length / 2] / 2000.0;
        }
    }
}
