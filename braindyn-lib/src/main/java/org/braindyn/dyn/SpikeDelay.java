package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
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
public final class SpikeDelay extends org.braindyn.state.Module {
    private final transient NeuronGroup group;
    private int length;
    /**
     * The history as a shift register {@code (length+1, *spikeShape)}: row {@code d} is the spikes {@code d} steps ago.
     * A module state, so saved and restored with the model ({@code E.spikeDelay.hist}).
     */
    private Variable hist;
    private Object lastStep;

    SpikeDelay(NeuronGroup group, int steps) {
        super(group.name() + "_spikeDelay");
        this.group = group;
        this.length = steps;
        this.hist = emptyHistory();
    }

    private Variable emptyHistory() {
        Tensor sp = group.spike();
        return new Variable(BM.zeros(sp.shape().prepend(length + 1), sp.dtype()));
    }

    /** Lengthens the buffer to hold {@code steps} (only before the first read: a running history cannot be extended). */
    void require(int steps) {
        if (steps <= length) return;
        if (lastStep != null)
            throw new IllegalStateException(group + ".spikeDelay: a delay of " + steps + " steps was requested after the simulation started with "
                    + length + "; create every projection before running");
        length = steps;
        hist = emptyHistory();
    }

    /** Longest delay held, in steps. */
    public int length() { return length; }

    /**
     * The group's spikes {@code steps} steps before its last update ({@code read(0)} is the last update's spikes).
     * The first read in a time step (a new {@link Shared} binding) pushes the current spikes.
     */
    public Tensor read(int steps) {
        if (steps < 0 || steps > length)
            throw new IllegalArgumentException(group + ".spikeDelay: delay " + steps + " is outside 0.." + length);
        push();
        return hist.value().get(org.braindyn.tensor.Index.at(steps));
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
        Tensor out = read(distinct[0]);
        for (int k = 1; k < distinct.length; k++) {
            int d = distinct[k];
            boolean[] mask = new boolean[steps.length];
            for (int j = 0; j < steps.length; j++) mask[j] = steps[j] == d;
            out = BM.where(BM.array(mask), read(d), out);
        }
        return out;
    }

    /**
     * Shifts the history by one step, once per step. Written with tensor operations on a {@link Variable}, so the
     * same code runs eagerly and inside compiled loops (the history is then a loop carry); a step is a
     * {@link Shared} binding (a new one per eager step, one per compiled trace).
     */
    private void push() {
        Object step = Shared.isBound() ? Shared.current() : new Object();
        if (step == lastStep) return;
        Tensor sp = group.spike();
        if (!hist.shape().drop(1).equals(sp.shape())) hist = emptyHistory();      // a new batch size
        Tensor older = hist.value().get("0:" + length);
        hist.set(BM.concatenate(0, BM.expandDims(sp.astype(hist.dtype()), 0), older));
        lastStep = step;
    }
}
