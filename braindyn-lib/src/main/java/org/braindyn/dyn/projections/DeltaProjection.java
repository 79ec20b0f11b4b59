package org.braindyn.dyn.projections;

import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.SpikeDelay;
import org.braindyn.dyn.SynapticProjection;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Voltage-jump synapses (BrainPy's {@code bp.dyn.HalfProjDelta} / {@code FullProjDelta}, the 2.1 {@code DeltaSynapse}):
 * each presynaptic spike, optionally delayed by a whole number of steps, passes through the communication layer and
 * is added directly to the postsynaptic membrane potential,
 * <pre>
 *   V_i ← V_i + Σ_j w_ij s_j(t − d)        (mV; after the postsynaptic integration step, before its threshold test)
 * </pre>
 * with no synaptic time course. Postsynaptic neurons in their refractory period keep their potential (BrainPy's
 * {@code post_has_ref}). Every neuron model of the catalogue takes such inputs ({@link NeuronGroup#addDeltaInput}).
 * <pre>{@code
 * var conn = new FixedProb(0.1, false, 1).connect(E.num(), I.num());
 * DeltaProjection e2i = DeltaProjection.full("E2I", E, 15, Comm.eventCsr(conn, BM.scalar(0.5)), I);   // +0.5 mV, 1.5 ms late at dt 0.1
 * }</pre>
 */
public final class DeltaProjection extends DynamicalSystem implements SynapticProjection {
    private final NeuronGroup pre, post;
    private final int delaySteps;
    private final SpikeDelay delay;
    private final Comm comm;
    /** The jump each postsynaptic neuron receives at this step, mV: a state, so that compiled runs carry it. */
    public final Variable jump;

    private DeltaProjection(String name, NeuronGroup pre, int delaySteps, Comm comm, NeuronGroup post) {
        super(name);
        String who = name == null ? "DeltaProjection" : name;
        if (post == null || comm == null) throw new IllegalArgumentException(who + ": comm and post are required; got comm " + comm + ", post " + post);
        if (delaySteps < 0) throw new IllegalArgumentException(who + ".delaySteps: must be >= 0 steps; got " + delaySteps);
        this.pre = pre;
        this.post = post;
        this.delaySteps = delaySteps;
        this.delay = pre != null && delaySteps > 0 ? pre.spikeDelay(delaySteps) : null;
        this.comm = comm;
        this.jump = new Variable(BM.zerosLike(post.input.value()), null, post.input.batchAxis());
        if (pre != null) {
            int out = comm.apply(pre.spike()).shape().dim(-1);
            if (out != post.num())
                throw new IllegalArgumentException(who + ": the communication layer maps " + pre + " (" + pre.num() + " neurons) to " + out
                        + " outputs but " + post + " has " + post.num() + " neurons; expected equal sizes");
        }
        post.addDeltaInput(jump::value);
    }

    /** Reads {@code pre}'s spikes every step, {@code delaySteps} steps late (BrainPy's {@code FullProjDelta}). */
    public static DeltaProjection full(String name, NeuronGroup pre, int delaySteps, Comm comm, NeuronGroup post) {
        if (pre == null) throw new IllegalArgumentException((name == null ? "DeltaProjection" : name) + ": a full projection needs a presynaptic group");
        return new DeltaProjection(name, pre, delaySteps, comm, post);
    }

    /** Takes its presynaptic activity as the argument of {@link #update} (BrainPy's {@code HalfProjDelta}). */
    public static DeltaProjection half(String name, Comm comm, NeuronGroup post) { return new DeltaProjection(name, null, 0, comm, post); }

    @Override public Tensor update(Tensor... inputs) {
        Tensor x;
        if (pre == null) {
            if (inputs.length == 0 || inputs[0] == null) throw new IllegalArgumentException(this + ": a half projection needs its presynaptic activity as the update argument");
            x = inputs[0];
        } else x = delay != null ? delay.read(delaySteps) : pre.spike();
        jump.set(comm.apply(x).astype(jump.dtype()));
        return jump.value();
    }

    @Override public void resetState(int batchSize) { jump.swapValue(BM.zerosLike(post.input.value()).astype(jump.dtype())); }
}
