package org.braindyn.dyn;

import org.braindyn.state.Module;
import org.braindyn.tensor.Tensor;

/**
 * Base of every model (BrainPy's {@code DynamicalSystem}): {@link #update} advances it by one step of
 * {@link Shared#current()}{@code .dt()}, reading its inputs and returning its output (spikes for neurons,
 * conductances for synapses); {@link #resetState} puts its states back to their initial values. States are
 * {@code Variable} fields, so {@code vars()}, saving and differentiation find them.
 */
public abstract class DynamicalSystem extends Module {
    protected DynamicalSystem(String name) { super(name); }

    /** One step; inputs and output depend on the component. */
    public abstract Tensor update(Tensor... inputs);

    /** Resets the states (batch size −1: no batch axis). */
    public abstract void resetState(int batchSize);
}
