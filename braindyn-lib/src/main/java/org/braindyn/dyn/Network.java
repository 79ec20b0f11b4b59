package org.braindyn.dyn;

import org.braindyn.dyn.neurons.Lif;
import org.braindyn.state.Module;
import org.braindyn.tensor.Tensor;

/**
 * A container of dynamical systems found by field (BrainPy's {@code bp.Network}). The default {@link #update} runs
 * every projection child first (they read the spikes of the previous step), then every other child, in field
 * order; override it for another order. {@link #resetState} resets every child.
 * <pre>{@code
 * final class EINet extends Network {
 *     final Lif E = …, I = …;
 *     final Projection e2e = …, e2i = …, i2e = …, i2i = …;
 * }
 * }</pre>
 */
public abstract class Network extends DynamicalSystem {
    private java.util.List<DynamicalSystem> order;

    protected Network(String name) { super(name); }

    /** Projections ({@link SynapticProjection}s) first, then the other children, in field order (found once, on the first update). */
    private java.util.List<DynamicalSystem> order() {
        if (order == null) {
            java.util.List<DynamicalSystem> o = new java.util.ArrayList<>();
            for (Module m : children().values()) if (m instanceof DynamicalSystem d && m instanceof SynapticProjection) o.add(d);
            for (Module m : children().values()) if (m instanceof DynamicalSystem d && !(m instanceof SynapticProjection)) o.add(d);
            order = o;
        }
        return order;
    }

    @Override public Tensor update(Tensor... inputs) {
        for (DynamicalSystem d : order()) d.update();
        return null;
    }

    @Override public void resetState(int batchSize) {
        for (Module m : children().values()) if (m instanceof DynamicalSystem d) d.resetState(batchSize);
    }
}
