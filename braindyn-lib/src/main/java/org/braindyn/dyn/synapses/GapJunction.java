package org.braindyn.dyn.synapses;

import org.braindyn.connect.Conn;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Electrical synapses (gap junctions; BrainPy's {@code bp.synapses.GapJunction}): every connection {@code j → i}
 * passes the ohmic current
 * <pre>
 *   I_i = Σ_j g_ji (V_j − V_i)              (µA/cm² or the input units of the group; g in the matching conductance units)
 * </pre>
 * into neuron {@code i}, evaluated at the potentials of the step, with no dynamics of its own. A junction conducts
 * both ways when the connection holds both directions (any symmetric connector: {@code All2All}, a symmetric
 * {@code FixedProb}, a grid); {@code g} is one value or one per connection. {@link #within} couples the neurons of
 * one group; {@link #between} passes current from {@code pre} into {@code post} given {@code pre}'s potential
 * (register the reverse direction too for a two-way junction).
 * <pre>{@code
 * Conn ring = Conn.fromIJ(n, n, i, j);                       // both directions listed
 * GapJunction gj = GapJunction.within("GJ", inhibitory, ring, BM.scalar(0.05));
 * }</pre>
 */
public final class GapJunction extends DynamicalSystem {
    private GapJunction(String name, NeuronGroup post, Conn conn, Tensor g, Variable preV) {
        super(name);
        String who = name == null ? "GapJunction" : name;
        if (post == null || conn == null || g == null) throw new IllegalArgumentException(who + ": post, conn and g are required");
        if (conn.postNum() != post.num())
            throw new IllegalArgumentException(who + ".conn: " + conn + " ends on " + conn.postNum() + " neurons but " + post + " has " + post.num());
        if (preV != null && preV.shape().dim(-1) != conn.preNum())
            throw new IllegalArgumentException(who + ".preV: " + preV.shape() + " potentials for " + conn.preNum() + " presynaptic neurons");
        if (!BM.all(BM.isfinite(g)).getBool()) throw new IllegalArgumentException(who + ".g: must be finite");
        Comm sum = Comm.csr(conn, g);
        Tensor degree = sum.apply(BM.ones(conn.preNum()).astype(g.dtype()));   // Σ_j g_ji per target
        post.addCurrent(v -> {
            Tensor from = preV == null ? v : preV.value();
            return sum.apply(from.astype(g.dtype())).sub(degree.mul(v.astype(g.dtype()))).astype(v.dtype());
        });
    }

    /** Couples the neurons of {@code group} through {@code conn} ({@code n → n}), conductance {@code g} (scalar or per connection). */
    public static GapJunction within(String name, NeuronGroup group, Conn conn, Tensor g) {
        if (conn != null && group != null && conn.preNum() != group.num())
            throw new IllegalArgumentException((name == null ? "GapJunction" : name) + ".conn: " + conn + " starts from " + conn.preNum() + " neurons but "
                    + group + " has " + group.num());
        return new GapJunction(name, group, conn, g, null);
    }

    /** Passes current from the neurons whose potential is {@code preV} into {@code post} through {@code conn}. */
    public static GapJunction between(String name, Variable preV, NeuronGroup post, Conn conn, Tensor g) {
        if (preV == null) throw new IllegalArgumentException((name == null ? "GapJunction" : name) + ".preV: the presynaptic potential is required");
        return new GapJunction(name, post, conn, g, preV);
    }

    /** The junction has no state: its currents are evaluated when the postsynaptic group updates. */
    @Override public Tensor update(Tensor... inputs) { return null; }

    @Override public void resetState(int batchSize) {}
}
