package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Exponential synapse dynamics (BrainPy's {@code bp.dyn.Expon}): {@code dg/dt = −g/τ}, each step decaying exactly
 * by {@code e^{−dt/τ}} and then adding the step's input (the weighted presynaptic spikes arriving).
 * State aligned with the postsynaptic population.
 * <pre>{@code Expon ge = new Expon(null, 3200, 5.0);}</pre>
 */
public final class Expon extends Synapse {
    private final double tau;
    /** Conductance (or current, for CUBA outputs). */
    public final Variable g;

    /**
     * @param size number of postsynaptic targets
     * @param tau  decay time constant, ms (BrainPy {@code tau}, default 8.0)
     */
    public Expon(String name, int size, double tau) {
        super(name);
        if (!(tau > 0)) throw new IllegalArgumentException("Expon.tau: must be > 0 ms; got " + tau);
        this.tau = tau;
        this.g = zeroState(size);
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor next = g.value().mul(Math.exp(-Shared.current().dt() / tau));
        if (inputs.length > 0 && inputs[0] != null) next = next.add(inputs[0]);
        g.set(next.astype(g.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    /** Zeros the conductance; in a batching mode with {@code batchSize} rows. */
    @Override public void resetState(int batchSize) { resetZero(g, batchSize); }
}
