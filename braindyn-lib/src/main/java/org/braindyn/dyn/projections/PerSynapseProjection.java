package org.braindyn.dyn.projections;

import org.braindyn.connect.Conn;
import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.SpikeDelay;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.Synapse;
import org.braindyn.dyn.SynapticProjection;
import org.braindyn.tensor.Csr;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Synapses with one state per synapse on sparse connectivity (BrainPy 2.1's {@code pre2syn}/{@code syn2post}
 * computation mode): each presynaptic spike (optionally delayed by a whole number of steps) is copied to every synapse
 * it makes, the synapse dynamics advance {@code conn.size()} states, and each postsynaptic neuron receives the sum of
 * its synapses' conductances times their weights,
 * <pre>
 *   s_k = spike_{pre(k)}(t − d),   g_k ← syn(g_k, s_k),   g_i^post = Σ_{k: post(k) = i} w_k g_k,   I_i = out(g_i^post, V_i)
 * </pre>
 * Use it where the synapse state cannot be shared by the synapses of one presynaptic neuron: per-synapse parameters
 * (heterogeneous kinetics or short-term plasticity per synapse) or non-additive dynamics with per-synapse inputs. With
 * homogeneous parameters it gives the currents of an {@link org.braindyn.dyn.AlignPreProjection} (one state per
 * presynaptic neuron) at {@code conn.size()/pre.num()} times the cost. Synapses are ordered as in {@link Conn#csr()}
 * (by presynaptic neuron); per-synapse weights and parameters follow that order. Non-batching mode only.
 * <pre>{@code
 * Conn conn = new FixedProb(0.1, false, 1).connect(E.num(), I.num());
 * PerSynapseProjection p = PerSynapseProjection.of("E2I", E, 0, conn, Ampa.builder(conn.size()).beta(betas).build(),
 *         BM.scalar(0.42), SynOut.coba(0), I);
 * }</pre>
 */
public final class PerSynapseProjection extends DynamicalSystem implements SynapticProjection {
    private final NeuronGroup pre, post;
    private final int delaySteps;
    private final SpikeDelay delay;
    private final Csr csr;
    private final Tensor postIds, weight;
    private final double weightScalar;
    /** The synapse dynamics, one state per synapse. */
    public final Synapse syn;
    /** The summed conductance of each postsynaptic neuron at the last update. */
    public final Variable gPost;

    private PerSynapseProjection(String name, NeuronGroup pre, int delaySteps, Conn conn, Synapse syn, Tensor weight, SynOut out, NeuronGroup post) {
        super(name);
        String who = name == null ? "PerSynapseProjection" : name;
        if (pre == null || post == null || conn == null || syn == null || out == null)
            throw new IllegalArgumentException(who + ": pre, conn, syn, out and post are required");
        if (delaySteps < 0) throw new IllegalArgumentException(who + ".delaySteps: must be >= 0 steps; got " + delaySteps);
        if (conn.preNum() != pre.num() || conn.postNum() != post.num())
            throw new IllegalArgumentException(who + ".conn: " + conn + " does not join " + pre + " (" + pre.num() + ") to " + post + " (" + post.num() + ")");
        if (post.mode().batched()) throw new IllegalArgumentException(who + ": per-synapse states run in the non-batching mode only; got " + post.mode().kind());
        int states = syn.conductance().shape().dim(-1);
        if (states != conn.size())
            throw new IllegalArgumentException(who + ".syn: " + syn + " has " + states + " states; expected one per synapse (" + conn.size() + ")");
        if (weight == null || (weight.size() != 1 && weight.size() != conn.size()))
            throw new IllegalArgumentException(who + ".weight: one value or one per synapse (" + conn.size() + "); got " + (weight == null ? "null" : weight.size()));
        this.pre = pre;
        this.post = post;
        this.delaySteps = delaySteps;
        this.delay = delaySteps > 0 ? pre.spikeDelay(delaySteps) : null;
        this.csr = conn.csr();
        this.postIds = csr.indices();
        this.weight = weight;
        this.weightScalar = weight.size() == 1 ? weight.reshape(-1).getDouble(0) : Double.NaN;
        this.syn = syn;
        this.gPost = new Variable(BM.zerosLike(post.input.value()), null, post.input.batchAxis());
        post.addCurrent(v -> out.current(gPost.value(), v));
    }

    /** Reads {@code pre}'s spikes {@code delaySteps} steps late into {@code syn} (one state per synapse of {@code conn}). */
    public static PerSynapseProjection of(String name, NeuronGroup pre, int delaySteps, Conn conn, Synapse syn, Tensor weight, SynOut out, NeuronGroup post) {
        return new PerSynapseProjection(name, pre, delaySteps, conn, syn, weight, out, post);
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor spikes = delay != null ? delay.read(delaySteps) : pre.spike();
        Tensor g = syn.update(BM.preGather(csr, spikes.astype(syn.conductance().dtype())));
        Tensor weighted = Double.isNaN(weightScalar) ? g.mul(weight.astype(g.dtype())) : g.mul(weightScalar);
        gPost.set(BM.segmentSum(weighted, postIds, post.num()).astype(gPost.dtype()));
        return gPost.value();
    }

    @Override public void resetState(int batchSize) {
        syn.resetState(batchSize);
        gPost.swapValue(BM.zerosLike(post.input.value()).astype(gPost.dtype()));
    }
}
