package org.braindyn.dyn;

import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Dual-exponential synapse (BrainPy's {@code bp.dyn.DualExpon}): rise and decay components
 * {@code dg_r/dt = −g_r/τ_r}, {@code dg_d/dt = −g_d/τ_d}, each receiving the input, and
 * {@code g = A·(g_d − g_r)} with {@code A = τ_d/(τ_d − τ_r)} by default, so a unit input has the same integral
 * ({@code τ_d}) as an {@link Expon} of time constant {@code τ_d}.
 */
public final class DualExpon extends Synapse {
    private final double tauRise, tauDecay, a;
    /** Rise component. */
    public final Variable gRise;
    /** Decay component. */
    public final Variable gDecay;

    /** @param tauRise rise time constant, ms (BrainPy default 1); @param tauDecay decay, ms (default 10) */
    public DualExpon(String name, int size, double tauRise, double tauDecay) {
        super(name);
        if (!(tauRise > 0 && tauDecay > tauRise))
            throw new IllegalArgumentException("DualExpon: needs 0 < tauRise < tauDecay; got " + tauRise + " and " + tauDecay + " ms");
        this.tauRise = tauRise;
        this.tauDecay = tauDecay;
        this.a = tauDecay / (tauDecay - tauRise);
        this.gRise = zeroState(size);
        this.gDecay = zeroState(size);
    }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor r = gRise.value().mul(Math.exp(-dt / tauRise)), d = gDecay.value().mul(Math.exp(-dt / tauDecay));
        if (inputs.length > 0 && inputs[0] != null) { r = r.add(inputs[0]); d = d.add(inputs[0]); }
        gRise.set(r.astype(gRise.dtype()));
        gDecay.set(d.astype(gDecay.dtype()));
        return conductance();
    }

    @Override public Tensor conductance() { return gDecay.value().sub(gRise.value()).mul(a); }

    @Override public void resetState(int batchSize) { resetZero(gRise, batchSize); resetZero(gDecay, batchSize); }
}
