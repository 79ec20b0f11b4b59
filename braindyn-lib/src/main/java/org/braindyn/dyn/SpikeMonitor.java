package org.braindyn.dyn;

import java.util.Arrays;
import org.braindyn.jit.Jit;
import org.braindyn.ops.internal.EventLists;

/**
 * The spikes of one boolean (or 0/1 floating-point) state recorded as {@code (step, index)} pairs, in time order
 * and, within a step, in increasing index (Brian2's {@code SpikeMonitor}): memory grows with the number of spikes,
 * not with steps × neurons. {@link DSRunner#spikeMonitor} creates one per monitored variable and feeds it after
 * every step, in eager runs and inside compiled loops alike ({@link Jit#sink}: the compiled step hands its spike
 * array to the monitor without copying it). Indices are flat C-order positions in the variable (the neuron index
 * for a population; {@code batch · n + neuron} for a batched one).
 * <pre>{@code
 * DSRunner runner = new DSRunner(net, List.of(), 0.1).spikeMonitor("E.spike").jit(true);
 * runner.run(1000);
 * SpikeMonitor m = runner.spikes("E.spike");
 * double[] t = m.timesMs();  int[] i = m.indices();
 * }</pre>
 */
public final class SpikeMonitor implements Jit.HostSink {
    private final String name;
    private final double dt;
    private long step;
    private long[] steps = new long[1024];
    private int[] ids = new int[1024];
    private int count;
    private int[] scratch = new int[0];

    SpikeMonitor(String name, double dt) {
        this.name = name;
        this.dt = dt;
    }

    /** The monitored variable's path. */
    public String name() { return name; }

    /** The step the next call records (set by the runner before each run). */
    void at(long step) { this.step = step; }

    @Override public void accept(Object array, int offset, int size) {
        if (scratch.length < size) scratch = new int[size];
        int n;
        switch (array) {
            case boolean[] b -> n = EventLists.compact(b, offset, size, scratch);
            case float[] f -> { n = 0; for (int i = 0; i < size; i++) if (f[offset + i] != 0) scratch[n++] = i; }
            case double[] d -> { n = 0; for (int i = 0; i < size; i++) if (d[offset + i] != 0) scratch[n++] = i; }
            default -> throw new IllegalArgumentException("SpikeMonitor '" + name + "': expected a boolean or floating-point spike state; got "
                    + array.getClass().getSimpleName());
        }
        if (count + n > ids.length) {
            int cap = Math.max(2 * ids.length, count + n);
            ids = Arrays.copyOf(ids, cap);
            steps = Arrays.copyOf(steps, cap);
        }
        System.arraycopy(scratch, 0, ids, count, n);
        Arrays.fill(steps, count, count + n, step);
        count += n;
        step++;
    }

    /** Number of spikes recorded. */
    public int count() { return count; }

    /** The step index of each spike (steps count from the runner's start, {@link DSRunner#startAt} included). */
    public long[] steps() { return Arrays.copyOf(steps, count); }

    /** The time of each spike in ms: its step × dt (the time at which that step began, as {@link DSRunner#ts}). */
    public double[] timesMs() {
        double[] t = new double[count];
        for (int k = 0; k < count; k++) t[k] = steps[k] * dt;
        return t;
    }

    /** The flat index of the element that spiked, for each spike. */
    public int[] indices() { return Arrays.copyOf(ids, count); }

    /** Forgets what was recorded (the step count continues). */
    public void clear() { count = 0; }

    @Override public String toString() { return "SpikeMonitor[" + name + ", " + count + " spikes]"; }
}
