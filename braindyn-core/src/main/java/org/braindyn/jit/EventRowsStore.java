package org.braindyn.jit;

import org.braindyn.ops.internal.EventMatmulKernels;

/**
 * The event row lists of a loop's slice inputs, one per step, kept by a forward loop that runs under a gradient and
 * read back by its reverse loop: the events of step t are scanned once per training step, not once forward and once
 * again backward. Slices are the loop's inputs {@code xs}: user arrays that no compiled code writes, so the lists stay
 * valid for the whole backward pass.
 */
final class EventRowsStore {
    /** {@code slots[j][t]}: slice input j's lists at step t (rows allocated on first use). */
    private final EventMatmulKernels.Scratch[][] slots;
    private final int steps;
    /**
     * Slice inputs {@code [0, slices)} are the forward loop's {@code xs}, the only ones recorded; a reverse loop's
     * further per-step inputs (stored carries, output cotangents) are scanned where they are read.
     */
    final int slices;
    /** False while the forward loop records, true while the reverse loop reads. */
    boolean replay;

    EventRowsStore(int steps, int slices) {
        this.steps = steps;
        this.slices = slices;
        this.slots = new EventMatmulKernels.Scratch[slices][];
    }

    int steps() { return steps; }

    /** The lists of slice input {@code j} at step {@code t} (created on first use). */
    EventMatmulKernels.Scratch slot(int j, int t) {
        EventMatmulKernels.Scratch[] s = slots[j];
        if (s == null) s = slots[j] = new EventMatmulKernels.Scratch[steps];
        if (s[t] == null) s[t] = new EventMatmulKernels.Scratch();
        return s[t];
    }

    /** Whether a forward run recorded step {@code t} of slice input {@code j}. */
    boolean has(int j, int t) {
        EventMatmulKernels.Scratch[] s = slots[j];
        return s != null && s[t] != null;
    }
}
