package org.braindyn.dyn.rates;

import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.SynapticProjection;
import org.braindyn.init.Params;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * What the delayed couplings of whole-brain models share (BrainPy's {@code bp.dyn.rates.DelayCoupling}): a
 * coupling matrix {@code C[j, i]} from node j to node i, an integer delay matrix {@code D[j, i]} (steps), and the
 * history of the coupled variable, {@code max D + 1} rows, filled at the start with {@code initialDelayData} (a
 * number, an initializer or values, BrainPy's {@code initial_delay_data}; default 0). Every step the current value is
 * pushed into the history and the delayed values {@code x_j(t − D[j, i])} are read for each pair; the result is
 * added to the target variable (e.g. a group's {@code input}) before the groups update (a {@link SynapticProjection}).
 */
abstract class DelayCoupling extends DynamicalSystem implements SynapticProjection {
    final Variable source, target;
    final Tensor conn;
    /** The coupled variable's past values, newest first: row d holds {@code x(t − d·dt)}. */
    public final Variable history;
    private final Tensor flat;
    private final int n, rows;
    private final Object init;

    DelayCoupling(String name, Variable source, Variable target, Tensor connMat, Tensor delaySteps, Object initialDelayData) {
        super(name);
        String who = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
        if (source == null || target == null) throw new IllegalArgumentException(who + ": the coupled and target variables are required");
        if (source.value().ndim() != 1) throw new IllegalArgumentException(who + ": the coupled variable must be one value per node, shape (N,); got " + source.value().shape());
        n = source.value().size();
        if (target.value().ndim() != 1 || target.value().size() != n)
            throw new IllegalArgumentException(who + ": the target has shape " + target.value().shape() + "; expected (" + n + ",) like the coupled variable");
        if (connMat == null || !connMat.shape().equals(Shape.of(n, n)))
            throw new IllegalArgumentException(who + ".connMat: expected shape (" + n + ", " + n + ") (from node j to node i); got " + (connMat == null ? "null" : connMat.shape()));
        if (!BM.all(BM.isfinite(connMat)).getBool()) throw new IllegalArgumentException(who + ".connMat: must be finite");
        int[] d = new int[n * n];
        if (delaySteps != null) {
            if (!delaySteps.shape().equals(Shape.of(n, n)))
                throw new IllegalArgumentException(who + ".delaySteps: expected shape (" + n + ", " + n + ") of whole steps; got " + delaySteps.shape());
            double[] dd = delaySteps.astype(DType.F64).toDoubleArray();
            for (int k = 0; k < dd.length; k++) {
                if (dd[k] < 0 || dd[k] != Math.rint(dd[k]))
                    throw new IllegalArgumentException(who + ".delaySteps: must be whole steps >= 0; got " + dd[k] + " at (" + k / n + ", " + k % n + ")");
                d[k] = (int) dd[k];
            }
        }
        int longest = 0;
        for (int v : d) longest = Math.max(longest, v);
        rows = longest + 1;
        int[] idx = new int[n * n];
        for (int j = 0; j < n; j++) for (int i = 0; i < n; i++) idx[j * n + i] = d[j * n + i] * n + j;   // x_j(t − D[j, i]) in the flattened history
        flat = Tensor.wrap(DType.I32, Shape.of(n * n), idx);
        this.source = source;
        this.target = target;
        this.conn = connMat.astype(Config.defaultFloat());
        this.init = initialDelayData == null ? 0.0 : initialDelayData;
        history = new Variable(start(who), "history");
    }

    private Tensor start(String who) {
        Tensor t;
        try {
            t = Params.init(init, rows, n);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(who + ".initialDelayData: " + e.getMessage() + "; expected a number, an initializer or (" + rows + ", " + n + ") values", e);
        }
        return BM.broadcastTo(t.astype(Config.defaultFloat()), rows, n).contiguous();
    }

    /** The delayed values {@code x_j(t − D[j, i])} as a {@code (N, N)} matrix, after pushing the current value. */
    final Tensor delayed() {
        Tensor now = BM.expandDims(source.value().astype(Config.defaultFloat()), 0);
        Tensor h = rows == 1 ? now : BM.concatenate(0, now, history.value().get(":" + (rows - 1)));
        history.set(h);
        return BM.take(h.reshape(rows * n), flat, 0).reshape(n, n);
    }

    /** The coupling term added to the target. */
    abstract Tensor coupling();

    @Override public final Tensor update(Tensor... inputs) {
        Tensor c = coupling();
        target.set(target.value().add(c).astype(target.dtype()));
        return c;
    }

    @Override public final void resetState(int batchSize) { history.set(start(getClass().getSimpleName())); }
}
