package org.braindyn.dyn;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
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
    }

    @Override public Tensor update(Tensor... inputs) {
        Shared s = Shared.current();
        List<Integer> fire = new ArrayList<>();
        for (int k = 0; k < times.length; k++) if (times[k] >= s.t() - 1e-9 && times[k] < s.t() + s.dt() - 1e-9) fire.add(indices[k]);
        Tensor sp = BM.zeros(Shape.of(num()), DType.BOOL);
        if (!fire.isEmpty()) sp = sp.at(Index.take(fire.stream().mapToInt(Integer::intValue).toArray())).set(1);
        spike.set(sp);
        input.fill(0);
        return sp;
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) { spike.fill(0); }
}
