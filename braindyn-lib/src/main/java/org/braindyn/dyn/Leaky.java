package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A leaky integrator without spikes (BrainPy's {@code bp.dyn.Leaky}), the usual readout of spiking networks:
 * {@code dx/dt = −x/τ}, decayed exactly each step ({@code β = e^{−dt/τ}}), then the step's input I added, scaled as
 * {@link InputScaling} says:
 * <pre>
 *   ADD (BrainPy's default)   x ← β·x + I
 *   DT                         x ← β·x + dt·I              (dx/dt = −x/τ + I with the input over one step)
 *   EXACT                      x ← β·x + (1 − β)·I         (the exact solution of τ dx/dt = −x + I, I held: x → I)
 * </pre>
 * <pre>{@code Leaky readout = new Leaky("out", 10, 5.0);   Leaky lp = new Leaky("lp", 10, 5.0, Leaky.InputScaling.EXACT);}</pre>
 */
public final class Leaky extends NeuronGroup {
    /** How the step's input enters (see the class comment). */
    public enum InputScaling { ADD, DT, EXACT }

    private final double tau;
    private final InputScaling scaling;
    /** The integrated value. */
    public final Variable x;

    /** @param tau time constant, ms (input added as is: BrainPy's) */
    public Leaky(String name, int size, double tau) { this(name, size, tau, InputScaling.ADD); }

    /** @param tau time constant, ms; {@code scaling} how the input enters */
    public Leaky(String name, int size, double tau, InputScaling scaling) {
        super(name, size);
        if (!(tau > 0)) throw new IllegalArgumentException("Leaky.tau: must be > 0 ms; got " + tau);
        if (scaling == null) throw new IllegalArgumentException("Leaky.scaling: must not be null; one of " + java.util.Arrays.toString(InputScaling.values()));
        this.tau = tau;
        this.scaling = scaling;
        this.x = state(BM.zeros(Shape.of(stateShape()), Config.defaultFloat()));
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor v = x.value();
        double dt = Shared.current().dt(), beta = Math.exp(-dt / tau);
        Tensor in = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        in = switch (scaling) { case ADD -> in; case DT -> in.mul(dt); case EXACT -> in.mul(1 - beta); };
        Tensor next = v.mul(beta).add(in);
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
