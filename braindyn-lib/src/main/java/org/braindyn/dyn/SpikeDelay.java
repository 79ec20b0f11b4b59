package org.braindyn.dyn;

import org.braindyn.integrators.LengthDelay;
import org.braindyn.tensor.Tensor;

/**
 * The spike history of one neuron group, shared by every projection that reads it with a delay (BrainPy merges
 * projections that share a presynaptic delay into one buffer): one ring buffer as long as the longest delay asked
 * for, pushed once per time step by whichever projection reads it first in that step. Get it with
 * {@link NeuronGroup#spikeDelay(int)}.
 * <pre>{@code
 * SpikeDelay d = E.spikeDelay(20);           // 2 ms at dt 0.1; a later request for 50 steps lengthens the same buffer
 * Tensor late = d.read(20);                  // E's spikes 20 steps before the last update
 * }</pre>
 */
public final class SpikeDelay {
    private final NeuronGroup group;
    private LengthDelay buf;
    private long lastStep = Long.MIN_VALUE;

    SpikeDelay(NeuronGroup group, int steps) {
        this.group = group;
        this.buf = new LengthDelay(group.spike(), steps);
    }

    /** Lengthens the buffer to hold {@code steps} (only before the first read: a running history cannot be extended). */
    void require(int steps) {
        if (steps <= buf.delayLen()) return;
        if (lastStep != Long.MIN_VALUE)
            throw new IllegalStateException(group + ".spikeDelay: a delay of " + steps + " steps was requested after the simulation started with "
                    + buf.delayLen() + "; create every projection before running");
        buf = new LengthDelay(group.spike(), steps);
    }

    /** Longest delay held, in steps. */
    public int length() { return buf.delayLen(); }

    /**
     * The group's spikes {@code steps} steps before its last update ({@code read(0)} is the last update's spikes).
     * The first read in a time step (by {@link Shared#current()}'s step index) pushes the current spikes.
     */
    public Tensor read(int steps) {
        push();
        return buf.at(steps);
    }

    /**
     * Per-neuron delays: element {@code j} (along the last axis) of the result is neuron {@code j}'s spike
     * {@code steps[j]} steps before the last update. Cost: one select per distinct delay value.
     */
    public Tensor read(int[] steps) {
        if (steps.length != group.num())
            throw new IllegalArgumentException(group + ".spikeDelay: " + steps.length + " per-neuron delays for " + group.num() + " neurons");
        push();
        int[] distinct = java.util.Arrays.stream(steps).distinct().sorted().toArray();
        Tensor out = buf.at(distinct[0]);
        for (int k = 1; k < distinct.length; k++) {
            int d = distinct[k];
            boolean[] mask = new boolean[steps.length];
            for (int j = 0; j < steps.length; j++) mask[j] = steps[j] == d;
            out = org.braindyn.tensor.BM.where(org.braindyn.tensor.BM.array(mask), buf.at(d), out);
        }
        return out;
    }

    private void push() {
        long i = Shared.current().i();
        if (i != lastStep) {
            buf.update(group.spike());
            lastStep = i;
        }
    }
}
