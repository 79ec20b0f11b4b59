package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Alpha synapse (BrainPy's {@code bp.dyn.Alpha}): {@code dh/dt = −h/τ}, {@code dg/dt = (h − g)/τ}, input added to
 * {@code h}; a unit input at t = 0 gives {@code g(t) = (t/τ)·e^{−t/τ}}, peaking at {@code 1/e} when {@code t = τ}.
 * Stepped exactly: {@code g ← (g + h·dt/τ)·e^{−dt/τ}}, {@code h ← h·e^{−dt/τ}}.
 */
public final class Alpha extends Synapse {
    private final double tau;
    /** Auxiliary variable receiving the input. */
    public final Variable h;
    /** Conductance. */
    public final Variable g;

    /** @param tau time constant, ms (BrainPy default 8) */
    public Alpha(String name, int size, double tau) {
        super(name);
        if (!(tau > 0)) throw new IllegalArgumentException("Alpha.tau: must be > 0 ms; got " + tau);
        this.tau = tau;
        this.h = zeroState(size);
        this.g = zeroState(size);
    }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt(), e = Math.exp(-dt / tau);
        Tensor hv = h.value();
        g.set(g.value().add(hv.mul(dt / tau)).mul(e).astype(g.dtype()));
        Tensor hn = hv.mul(e);
        if (inputs.length > 0 && inputs[0] != null) hn = hn.add(inputs[0]);
        h.set(hn.astype(h.dtype()));
        return g.value();
    }

    @Override public Tensor conductance() { return g.value(); }

    @Override public void resetState(int batchSize) { resetZero(h, batchSize); resetZero(g, batchSize); }
}
