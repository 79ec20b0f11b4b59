package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The spike history of one neuron group, shared by every projection that reads it with a delay (BrainPy merges
 * projections that share a presynaptic delay into one buffer): one ring buffer as long as the longest delay asked
 * for, pushed once per time step by whichever projection reads it first in that step. Get it with
 * {@link NeuronGroup#spikeDelay(int)}. A push writes one row and moves the write position; a read is the row
 * {@code steps} after it. Inside a compiled loop both are O(neurons) and allocate nothing: the row is written in
 * place in the loop carry and read as a view of it (a shift register would copy the whole history every step).
 * <pre>{@code
 * SpikeDelay d = E.spikeDelay(20);           // 2 ms at dt 0.1; a later request for 50 steps lengthens the same buffer
 * Tensor late = d.read(20);                  // E's spikes 20 steps before the last update
 * }</pre>
 */
public final class SpikeDelay extends org.braindyn.state.Module {
    private final transient NeuronGroup group;
    private int length;
    /**
     * The history as a ring {@code (length+1, *spikeShape)}: row {@code (pos + d) mod (length+1)} is the spikes
     * {@code d} steps ago. Module states, so saved and restored with the model ({@code E_spikeDelay.hist},
     * {@code E_spikeDelay.pos}).
     */
    private Variable hist;
    /** The row holding the latest spikes (int32 scalar). */
    private Variable pos;
    private Object lastStep;

    SpikeDelay(NeuronGroup group, int steps) {
        super(group.name() + "_spikeDelay");
        this.group = group;
        this.length = steps;
        clear();
    }

    /** An empty history of {@code length + 1} rows shaped like the group's spikes, written from row 0. */
    private void clear() {
        Tensor sp = group.spike();
        hist = new Variable(BM.zeros(sp.shape().prepend(length + 1), sp.dtype()));
        pos = new Variable(BM.scalar(0, org.braindyn.tensor.DType.I32));
    }

    /** The row of the spikes {@code steps} steps before the last update. */
    private Tensor row(int steps) {
        return BM.take(hist.value(), BM.remainder(pos.value().add(steps), length + 1), 0);
    }

    /** Lengthens the buffer to hold {@code steps} (only before the first read: a running history cannot be extended). */
    void require(int steps) {
        if (steps <= length) return;
        if (lastStep != null)
            throw new IllegalStateException(group + ".spikeDelay: a delay of " + steps + " steps was requested after the simulation started with "
                    + length + "; create every projection before running");
        length = steps;
        clear();
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
        return row(steps);
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
        Tensor out = row(distinct[0]);
        for (int k = 1; k < distinct.length; k++) {
            int d = distinct[k];
            boolean[] mask = new boolean[steps.length];
            for (int j = 0; j < steps.length; j++) mask[j] = steps[j] == d;
            out = BM.where(BM.array(mask), row(d), out);
        }
        return out;
    }

    /**
     * Writes the current spikes over the oldest row and makes it the latest, once per step. Written with tensor
     * operations on {@link Variable}s, so the same code runs eagerly and inside compiled loops (history and position
     * are then loop carries); a step is a {@link Shared} binding (a new one per eager step, one per compiled trace).
     */
    private void push() {
        Object step = Shared.isBound() ? Shared.current() : new Object();
        if (step == lastStep) return;
        Tensor sp = group.spike();
        if (!hist.shape().drop(1).equals(sp.shape())) clear();                  // a new batch size
        Tensor p = BM.remainder(pos.value().add(length), length + 1);            // one row back, modulo the ring
        pos.set(p);
        hist.set(BM.scatter(hist.value(), p, sp.astype(hist.dtype()), 0));
        lastStep = step;
    }
}
