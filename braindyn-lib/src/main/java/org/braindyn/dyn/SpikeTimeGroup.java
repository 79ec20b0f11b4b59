package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Spikes at given times (BrainPy's {@code SpikeTimeGroup}): neuron {@code indices[k]} fires in the step that contains
 * {@code times[k]} (ms).
 */
public final class SpikeTimeGroup extends NeuronGroup {
    private final double[] times;
    private final int[] indices;
    /** Spikes of the last step. */
    public final Variable spike;

    public SpikeTimeGroup(String name, int size, double[] times, int[] indices) {
        super(name, size);
        if (times.length != indices.length) throw new IllegalArgumentException("SpikeTimeGroup: " + times.length + " times for " + indices.length + " indices");
        for (int i : indices) if (i < 0 || i >= size) throw new IllegalArgumentException("SpikeTimeGroup: neuron index " + i + " is outside 0 … " + (size - 1));
        this.times = times.clone();
        this.indices = indices.clone();
        this.spike = new Variable(BM.zeros(Shape.of(size), DType.BOOL));
        this.timesT = BM.array(this.times);
        this.indicesT = BM.array(this.indices);
    }

    private final transient Tensor timesT, indicesT;

    /**
     * Fires the neurons whose listed times fall in this step, {@code [t − 1e-9, t + dt − 1e-9)} ms, with tensor
     * operations on the float64 time (O(listed spikes) per step), so the group also runs inside compiled loops.
     */
    @Override public Tensor update(Tensor... inputs) {
        Shared s = Shared.current();
        Tensor sp;
        if (times.length == 0) sp = BM.zeros(Shape.of(num()), DType.BOOL);
        else {
            Tensor t = s.time(DType.F64);
            Tensor in = BM.logicalAnd(BM.greaterEqual(timesT, t.sub(1e-9)), BM.less(timesT, t.add(s.dt() - 1e-9)));
            sp = BM.greater(BM.scatterAdd(BM.zeros(Shape.of(num()), DType.I32), indicesT, in.astype(DType.I32), 0), 0);
        }
        spike.set(sp);
        input.fill(0);
        return sp;
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) { spike.fill(0); }
}
