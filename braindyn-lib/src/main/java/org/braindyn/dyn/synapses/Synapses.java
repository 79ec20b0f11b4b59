package org.braindyn.dyn.synapses;

import java.util.function.Supplier;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** The exact exponential decays the linear synapses share: one constant when the time constant is a single fixed value. */
final class Synapses {
    private Synapses() {}

    /** {@code x·e^{−dt/τ}}: a constant factor for a single fixed τ ({@code scalar}), else one per target. */
    static Tensor decayed(Tensor x, Supplier<Tensor> tau, double scalar, double dt) {
        if (!Double.isNaN(scalar)) return x.mul(Math.exp(-dt / scalar));
        return x.mul(BM.exp(BM.divide(-dt, tau.get()).astype(x.dtype())));
    }
}
