package org.braindyn.dyn;

import org.braindyn.tensor.Tensor;

/**
 * Synapse dynamics aligned with the postsynaptic population ({@link Expon}, {@link DualExpon}, {@link Alpha}):
 * {@code update(input)} advances the state by one step and adds the arriving input; {@link #conductance()} is what
 * the output ({@link SynOut}) turns into a current.
 */
public abstract class Synapse extends DynamicalSystem {
    protected Synapse(String name) { super(name); }

    /** The conductance (or current) now. */
    public abstract Tensor conductance();
}
