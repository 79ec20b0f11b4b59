package org.braindyn.dyn;

import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Synapse dynamics aligned with the postsynaptic population ({@link Expon}, {@link DualExpon}, {@link Alpha}):
 * {@code update(input)} advances the state by one step and adds the arriving input; {@link #conductance()} is what
 * the output ({@link SynOut}) turns into a current.
 */
public abstract class Synapse extends DynamicalSystem {
    /** The mode in effect at construction (see {@link Mode}). */
    protected final Mode mode = Mode.current();

    protected Synapse(String name) { super(name); }

    /** A zero state of {@code size} values per sample: {@code (size,)}, or {@code (batch, size)} in a batching mode. */
    protected final Variable zeroState(int size) {
        if (size < 1) throw new IllegalArgumentException(this + ".size: must be >= 1 postsynaptic target; got " + size);
        return new Variable(BM.zeros(Shape.of(Mode.shape(mode.batchSize(), size)), Config.defaultFloat()), null, mode.batched() ? 0 : -1);
    }

    /** Zeros {@code v}; in a batching mode with {@code batchSize} rows (BrainPy's {@code reset_state(batch_size)}). */
    protected final void resetZero(Variable v, int batchSize) {
        if (!mode.batched()) { v.fill(0); return; }
        if (batchSize < 1) throw new IllegalArgumentException(this + ".resetState: batch size must be >= 1 in " + mode.kind() + " mode; got " + batchSize);
        v.set(BM.zeros(Shape.of(batchSize, v.shape().dim(-1)), Config.defaultFloat()));
    }

    /** The conductance (or current) now. */
    public abstract Tensor conductance();
}
