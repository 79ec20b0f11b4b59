package org.braindyn.dyn.rates;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Additive coupling between nodes with conduction delays (BrainPy's {@code bp.dyn.rates.AdditiveCoupling}):
 * <pre>
 *   target_i += Σ_j C[j, i] · x_j(t − D[j, i]·dt)
 * </pre>
 * with {@code C} the coupling matrix from node j to node i and {@code D} the integer delays in steps.
 * <pre>{@code AdditiveCoupling c = new AdditiveCoupling(null, nodes.x, nodes.input, cmat, null, 0.0);}</pre>
 */
public final class AdditiveCoupling extends DelayCoupling {
    /** Parameters as {@link DiffusiveCoupling#DiffusiveCoupling}. */
    public AdditiveCoupling(String name, Variable source, Variable target, Tensor connMat, Tensor delaySteps, Object initialDelayData) {
        super(name, source, target, connMat, delaySteps, initialDelayData);
    }

    @Override Tensor coupling() { return BM.sum(conn.mul(delayed()), 0); }
}
