package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A leaky integrator without spikes (BrainPy's {@code bp.dyn.Leaky}), the usual readout of spiking networks:
 * {@code dx/dt = −x/τ}, decayed exactly each step, then the step's input added.
 * <pre>{@code Leaky readout = new Leaky("out", 10, 5.0);}</pre>
 */
public final class Leaky extends NeuronGroup {
    private final double tau;
    /** The integrated value. */
    public final Variable x;

    /** @param tau time constant, ms */
    public Leaky(String name, int size, double tau) {
        super(name, size);
        if (!(tau > 0)) throw new IllegalArgumentException("Leaky.tau: must be > 0 ms; got " + tau);
        this.tau = tau;
        this.x = state(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = x.value();
        Tensor next = v.mul(Math.exp(-Shared.current().dt() / tau)).add(totalInput(v, inputs.length > 0 ? inputs[0] : null));
        x.set(next.astype(x.dtype()));
        input.fill(0);
        return x.value();
    }

    /** Leaky units do not spike: their "spike" output is the value itself. */
    @Override public Tensor spike() { return x.value(); }

    @Override public void resetState(int batchSize) {
        resizeBatch(batchSize);
        x.set(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }
}
