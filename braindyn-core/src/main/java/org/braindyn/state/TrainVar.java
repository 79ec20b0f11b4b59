package org.braindyn.state;

import org.braindyn.tensor.Tensor;

/**
 * A trainable {@link Variable} (BrainPy {@code bm.TrainVar}): collected by {@link Module#trainVars()}, the target
 * of gradients and optimisers.
 * <pre>{@code TrainVar w = new TrainVar(BM.zeros(10, 3), "w");}</pre>
 */
public class TrainVar extends Variable {
    /** A trainable variable holding {@code init}. */
    public TrainVar(Tensor init) { super(init); }

    /** A named trainable variable. */
    public TrainVar(Tensor init, String name) { super(init, name); }

    /** A named trainable variable with a batch axis (or -1). */
    public TrainVar(Tensor init, String name, int batchAxis) { super(init, name, batchAxis); }
}
