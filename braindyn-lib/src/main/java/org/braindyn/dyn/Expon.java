package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Exponential synapse dynamics (BrainPy's {@code bp.dyn.Expon}): {@code dg/dt = −g/τ}, each step decaying exactly
 * by {@code e^{−dt/τ}} and then adding the step's input (the weighted presynaptic spikes arriving).
 * State aligned with the postsynaptic population.
 * <pre>{@code Expon ge = new Expon(null, 3200, 5.0);}</pre>
 */
public final class Expon extends Synapse {
    private final double tau;
    private final int size;
    private final Mode mode;
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
        this.size = size;
        this.mode = Mode.current();
        this.g = new Variable(BM.zeros(Shape.of(Mode.shape(mode.batchSize(), size)), Config.defaultFloat()), null, mode.batched() ? 0 : -1);
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor next = g.value().mul(Math.exp(-Shared.current().dt() / tau));
        if (inputs.length > 0 && inputs[0] != null) next = next.add(inputs[0]);
        g.set(next.astype(g.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    /** Zeros the conductance; in a batching mode with {@code batchSize} rows. */
    @Override public void resetState(int batchSize) {
        if (!mode.batched()) { g.fill(0); return; }
        if (batchSize < 1) throw new IllegalArgumentException(this + ".resetState: batch size must be >= 1 in " + mode.kind() + " mode; got " + batchSize);
        g.set(BM.zeros(Shape.of(batchSize, size), Config.defaultFloat()));
    }
}
