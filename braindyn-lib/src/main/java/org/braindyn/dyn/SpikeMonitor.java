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
 * for a population; {@code batch · n + neuron} for a batched one). The spiking indices are compacted straight into
 * blocks that never move (4 bytes a spike) and each step with spikes adds one (step, end) run (12 bytes), so a long
 * recording costs no copying as it grows; {@link #steps}, {@link #timesMs} and {@link #indices} assemble the arrays.
 * <pre>{@code
 * DSRunner runner = new DSRunner(net, List.of(), 0.1).spikeMonitor("E.spike").jit(true);
 * runner.run(1000);
 * SpikeMonitor m = runner.spikes("E.spike");
 * double[] t = m.timesMs();  int[] i = m.indices();
 * }</pre>
 */
public final class SpikeMonitor implements Jit.EventSink {
    /** Smallest block of indices; a block never moves once written, so recording never copies what it has. */
    private static final int BLOCK = 1 << 15;
    private final String name;
    private final double dt;
    private long step;
    /** Index blocks in order, each filled to {@code fill[b]}; the last one ({@code cur}) is being written. */
    private int[][] blocks = new int[4][];
    private int[] fill = new int[4];
    private int nBlocks;
    private int count;
    /** One run per step with spikes: spikes {@code [runEnd[r − 1], runEnd[r])} happened at step {@code runStep[r]}. */
    private long[] runStep = new long[256];
    private int[] runEnd = new int[256];
    private int runs;

    SpikeMonitor(String name, double dt) {
        this.name = name;
        this.dt = dt;
    }

    /** The monitored variable's path. */
    public String name() { return name; }

    /** The step the next call records (set by the runner before each run). */
    void at(long step) { this.step = step; }

    @Override public void accept(Object array, int offset, int size) {
        int[] cur = room(size);
        int at = fill[nBlocks - 1], n;
        switch (array) {
            case boolean[] b -> n = EventLists.compact(b, offset, size, cur, at);
            case float[] f -> { n = 0; for (int i = 0; i < size; i++) if (f[offset + i] != 0) cur[at + n++] = i; }
            case double[] d -> { n = 0; for (int i = 0; i < size; i++) if (d[offset + i] != 0) cur[at + n++] = i; }
            default -> throw new IllegalArgumentException("SpikeMonitor '" + name + "': expected a boolean or floating-point spike state; got "
                    + array.getClass().getSimpleName());
        }
        recorded(n);
    }

    /** The step's spikes as a list (a compiled loop that compacted them already for its event sums). */
    @Override public void acceptEvents(int[] rows, int n) {
        int[] cur = room(n);
        System.arraycopy(rows, 0, cur, fill[nBlocks - 1], n);
        recorded(n);
    }

    /** Closes the step: {@code n} indices were written at the end of the last block. */
    private void recorded(int n) {
        if (n > 0) {
            fill[nBlocks - 1] += n;
            count += n;
            if (runs == runStep.length) {
                runStep = Arrays.copyOf(runStep, 2 * runs);
                runEnd = Arrays.copyOf(runEnd, 2 * runs);
            }
            runStep[runs] = step;
            runEnd[runs++] = count;
        }
        step++;
    }

    /** The block to write the next step into: the last one if {@code size} more indices fit, else a new one. */
    private int[] room(int size) {
        if (nBlocks > 0 && blocks[nBlocks - 1].length - fill[nBlocks - 1] >= size) return blocks[nBlocks - 1];
        if (nBlocks == blocks.length) {
            blocks = Arrays.copyOf(blocks, 2 * nBlocks);
            fill = Arrays.copyOf(fill, 2 * nBlocks);
        }
        int len = Math.max(BLOCK, 4 * size);
        if (nBlocks > 0) len = Math.max(len, Math.min(blocks[nBlocks - 1].length * 2, 1 << 22));   // grow blocks with the recording
        blocks[nBlocks] = new int[len];
        fill[nBlocks] = 0;
        return blocks[nBlocks++];
    }

    /** Number of spikes recorded. */
    public int count() { return count; }

    /** The step index of each spike (steps count from the runner's start, {@link DSRunner#startAt} included). */
    public long[] steps() {
        long[] t = new long[count];
        for (int r = 0, from = 0; r < runs; from = runEnd[r++]) Arrays.fill(t, from, runEnd[r], runStep[r]);
        return t;
    }

    /** The time of each spike in ms: its step × dt (the time at which that step began, as {@link DSRunner#ts}). */
    public double[] timesMs() {
        double[] t = new double[count];
        for (int r = 0, from = 0; r < runs; from = runEnd[r++]) Arrays.fill(t, from, runEnd[r], runStep[r] * dt);
        return t;
    }

    /** The flat index of the element that spiked, for each spike. */
    public int[] indices() {
        int[] ids = new int[count];
        for (int b = 0, at = 0; b < nBlocks; at += fill[b++]) System.arraycopy(blocks[b], 0, ids, at, fill[b]);
        return ids;
    }

    /** Forgets what was recorded (the step count continues). */
    public void clear() {
        count = 0;
        runs = 0;
        for (int b = 0; b < nBlocks; b++) fill[b] = 0;
        nBlocks = Math.min(nBlocks, 1);
    }

    @Override public String toString() { return "SpikeMonitor[" + name + ", " + count + " spikes]"; }
}
