package org.braindyn.dyn.rates;

import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Diffusive coupling between nodes with conduction delays (BrainPy's {@code bp.dyn.rates.DiffusiveCoupling}), the
 * coupling of whole-brain models:
 * <pre>
 *   target_i += Σ_j C[j, i] · (x_j(t − D[j, i]·dt) − x_i(t))
 * </pre>
 * with {@code C} the coupling (structural connectivity) matrix from node j to node i, {@code D} the integer delays in
 * steps and {@code x} the coupled variable (BrainPy's {@code coupling_var1 = coupling_var2}). The delayed values come
 * from the coupling's own history, which starts filled with {@code initialDelayData}.
 * <pre>{@code
 * FHN nodes = FHN.builder(80).xOu(0, 0.01, 5).yOu(0, 0.01, 5).build();
 * DiffusiveCoupling c = new DiffusiveCoupling(null, nodes.x, nodes.input, cmat, dmatSteps, new Uniform(0, 0.05));
 * }</pre>
 */
public final class DiffusiveCoupling extends DelayCoupling {
    /**
     * @param source     the coupled variable x, one value per node
     * @param target     the variable the coupling is added to every step (a group's {@code input})
     * @param connMat    {@code (N, N)} coupling from node j (row) to node i (column)
     * @param delaySteps {@code (N, N)} whole delays in steps, or null for none
     * @param initialDelayData the history before the run: a number, an initializer or values (null: 0)
     */
    public DiffusiveCoupling(String name, Variable source, Variable target, Tensor connMat, Tensor delaySteps, Object initialDelayData) {
        super(name, source, target, connMat, delaySteps, initialDelayData);
    }

    @Override Tensor coupling() {
        Tensor d = delayed(), x = source.value().astype(d.dtype());
        return BM.sum(conn.mul(d), 0).sub(x.mul(BM.sum(conn, 0)));
    }
}
