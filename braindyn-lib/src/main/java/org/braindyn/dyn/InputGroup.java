package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/** A population whose output is whatever is fed to it each step (BrainPy's {@code InputGroup}): the update argument plus its input. */
public final class InputGroup extends NeuronGroup {
    /** The output of the last step. */
    public final Variable spike;

    public InputGroup(String name, int size) {
        super(name, size);
        this.spike = new Variable(BM.zeros(Shape.of(size), Config.defaultFloat()));
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor x = totalInput(spike.value(), inputs.length > 0 ? inputs[0] : null);
        spike.set(x.astype(spike.dtype()));
        input.fill(0);
        return spike.value();
    }

    @Override public Tensor spike() { return spike.value(); }

    @Override public void resetState(int batchSize) { spike.fill(0); input.fill(0); }
}
