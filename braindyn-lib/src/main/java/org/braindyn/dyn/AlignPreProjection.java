package org.braindyn.dyn;

import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.integrators.LengthDelay;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A projection aligned with the presynaptic population (BrainPy's {@code FullProjAlignPreSD} and
 * {@code FullProjAlignPreDS}): the synapse dynamics run once per presynaptic neuron, and the communication layer
 * carries their graded state to the postsynaptic neurons, where the output turns it into a current.
 * <ul>
 *   <li>{@link #synapseThenDelay} (SD): {@code g_pre ← syn(spikes_pre)}, delay {@code g_pre} by {@code d} steps,
 *       {@code g_post = comm(g_pre(t − d))};</li>
 *   <li>{@link #delayThenSynapse} (DS): delay the spikes by {@code d} steps, {@code g_pre ← syn(spikes_pre(t − d))},
 *       {@code g_post = comm(g_pre)}.</li>
 * </ul>
 * Each presynaptic neuron then shares one synapse state among its targets, which is what short-term plasticity
 * models need; for linear synapses ({@link Expon}, {@link DualExpon}, {@link Alpha}) and a linear communication
 * layer the currents equal those of the post-aligned {@link Projection}. The communication layer receives graded
 * values, so use {@link Comm#csr}, {@link Comm#dense} or {@link Comm#oneToOne}, not the spike-only {@link Comm#eventCsr}.
 * <pre>{@code
 * var conn = new FixedProb(0.02, false, 1).connect(E.num(), I.num());
 * AlignPreProjection e2i = AlignPreProjection.synapseThenDelay("E2I", E, Expon.builder(E.num()).tau(5).build(), 10,
 *         Comm.csr(conn, BM.scalar(0.6)), SynOut.coba(0), I);   // 10 steps = 1 ms at dt 0.1
 * }</pre>
 */
public final class AlignPreProjection extends DynamicalSystem {
    private final NeuronGroup pre, post;
    /** The synapse dynamics, one state per presynaptic neuron. */
    public final Synapse syn;
    private final int delaySteps;
    private final boolean delayFirst;
    private final LengthDelay delay;
    private final SpikeDelay spikes;
    private final Comm comm;
    /**
     * The conductance each postsynaptic neuron received at the last update: a state (not a Java field), so that a
     * compiled run carries it from one step to the next like every other state.
     */
    public final org.braindyn.state.Variable gPost;

    private AlignPreProjection(String name, NeuronGroup pre, Synapse syn, int delaySteps, boolean delayFirst, Comm comm, SynOut out, NeuronGroup post) {
        super(name);
        String who = name == null ? "AlignPreProjection" : name;
        if (pre == null || post == null) throw new IllegalArgumentException(who + ": pre and post must be neuron groups; got pre=" + pre + ", post=" + post);
        if (delaySteps < 0) throw new IllegalArgumentException(who + ".delaySteps: must be >= 0; got " + delaySteps);
        if (syn.conductance().size() != pre.num())
            throw new IllegalArgumentException(who + ".syn: an align-pre synapse has one state per presynaptic neuron (" + pre.num() + "); got "
                    + syn.conductance().shape());
        this.pre = pre;
        this.post = post;
        this.syn = syn;
        this.delaySteps = delaySteps;
        this.delayFirst = delayFirst;
        this.delay = delaySteps == 0 || delayFirst ? null : new LengthDelay(syn.conductance(), delaySteps);
        this.spikes = delaySteps == 0 || !delayFirst ? null : pre.spikeDelay(delaySteps);
        this.comm = comm;
        this.gPost = new org.braindyn.state.Variable(BM.zerosLike(post.input.value()), null, post.input.batchAxis());
        post.addCurrent(v -> out.current(gPost.value(), v));
    }

    /** SD: synapse dynamics on the presynaptic spikes, then a delay of {@code delaySteps} on the synapse state. */
    public static AlignPreProjection synapseThenDelay(String name, NeuronGroup pre, Synapse syn, int delaySteps, Comm comm, SynOut out, NeuronGroup post) {
        return new AlignPreProjection(name, pre, syn, delaySteps, false, comm, out, post);
    }

    /** DS: a delay of {@code delaySteps} on the presynaptic spikes, then the synapse dynamics. */
    public static AlignPreProjection delayThenSynapse(String name, NeuronGroup pre, int delaySteps, Synapse syn, Comm comm, SynOut out, NeuronGroup post) {
        return new AlignPreProjection(name, pre, syn, delaySteps, true, comm, out, post);
    }

    /** The conductance each postsynaptic neuron received at the last update. */
    public Tensor postConductance() { return gPost.value(); }

    @Override public Tensor update(Tensor... inputs) {
        Tensor g;
        if (spikes != null) g = syn.update(spikes.read(delaySteps));
        else if (delay == null) g = syn.update(pre.spike());
        else {
            Tensor now = syn.update(pre.spike());
            g = delay.at(delaySteps - 1);
            delay.update(now);
        }
        gPost.set(comm.apply(g).astype(gPost.dtype()));
        return gPost.value();
    }

    @Override public void resetState(int batchSize) {
        syn.resetState(batchSize);
        gPost.swapValue(BM.zerosLike(post.input.value()));
    }
}
