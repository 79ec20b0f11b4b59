package org.braindyn.dyn;

import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A projection aligned with the postsynaptic population (BrainPy's {@code FullProjAlignPost} /
 * {@code HalfProjAlignPost}): presynaptic spikes (optionally delayed by a whole number of steps) pass through the
 * communication layer into the synapse dynamics, whose state the output turns into a current of the postsynaptic
 * neurons at their membrane potential. The synapse state has the postsynaptic size, so the cost per step is the
 * synaptic events plus one decay of {@code post.num()} values.
 * <pre>{@code
 * Projection e2i = Projection.full(null, E, 0, Comm.eventCsr(conn, BM.scalar(0.6)), new Expon(null, I.num(), 5), SynOut.coba(0), I);
 * }</pre>
 */
public final class Projection extends DynamicalSystem implements SynapticProjection {
    private final NeuronGroup pre;
    private final int delaySteps;
    private final SpikeDelay delay;
    private final int[] perNeuron;
    private final Comm comm;
    /** The synapse dynamics. */
    public final Synapse syn;
    private final NeuronGroup post;

    private Projection(String name, NeuronGroup pre, int delaySteps, Comm comm, Synapse syn, SynOut out, NeuronGroup post) {
        this(name, pre, delaySteps, null, comm, syn, out, post);
    }

    private Projection(String name, NeuronGroup pre, int delaySteps, int[] perNeuron, Comm comm, Synapse syn, SynOut out, NeuronGroup post) {
        super(name);
        if (delaySteps < 0) throw new IllegalArgumentException("Projection.delaySteps: must be >= 0; got " + delaySteps);
        this.pre = pre;
        this.delaySteps = delaySteps;
        this.perNeuron = perNeuron;
        int longest = perNeuron == null ? delaySteps : java.util.Arrays.stream(perNeuron).max().orElse(0);
        this.delay = pre != null && longest > 0 ? pre.spikeDelay(longest) : null;
        checkSizes(pre, comm, syn, post);
        this.comm = comm;
        this.syn = syn;
        this.post = post;
        post.addCurrent(v -> out.current(syn.conductance(), v));
    }

    /**
     * Fails at construction, naming the components, when the synapse's size differs from the postsynaptic group's or
     * the communication layer's output (probed once on {@code pre}'s current spikes) differs from the synapse's.
     */
    private void checkSizes(NeuronGroup pre, Comm comm, Synapse syn, NeuronGroup post) {
        if (comm == null || syn == null || post == null)
            throw new IllegalArgumentException(this + ": comm, syn and post are required; got comm " + comm + ", syn " + syn + ", post " + post);
        int synSize = syn.conductance().shape().dim(-1);
        if (synSize != post.num())
            throw new IllegalArgumentException(this + ": synapse " + syn + " has " + synSize + " targets but the postsynaptic group " + post
                    + " has " + post.num() + " neurons; expected equal sizes");
        if (pre == null) return;
        int out;
        try {
            out = comm.apply(pre.spike()).shape().dim(-1);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(this + ": the communication layer cannot take the spikes of " + pre + " (" + pre.num()
                    + " neurons): " + e.getMessage(), e);
        }
        if (out != synSize)
            throw new IllegalArgumentException(this + ": the communication layer maps " + pre + " (" + pre.num() + " neurons) to " + out
                    + " outputs but synapse " + syn + " has " + synSize + " targets; expected equal sizes");
    }

    /** Reads {@code pre}'s spikes every step (BrainPy {@code FullProjAlignPost}). */
    public static Projection full(String name, NeuronGroup pre, int delaySteps, Comm comm, Synapse syn, SynOut out, NeuronGroup post) {
        return new Projection(name, pre, delaySteps, comm, syn, out, post);
    }

    /**
     * As {@link #full(String, NeuronGroup, int, Comm, Synapse, SynOut, NeuronGroup)} with a delay per presynaptic
     * neuron ({@code delaySteps[i]} steps for neuron {@code i}; BrainPy's heterogeneous delays), read from the group's
     * shared spike buffer.
     */
    public static Projection full(String name, NeuronGroup pre, int[] delaySteps, Comm comm, Synapse syn, SynOut out, NeuronGroup post) {
        String who = name == null ? "Projection" : name;
        if (pre == null) throw new IllegalArgumentException(who + ": per-neuron delays need a presynaptic group");
        if (delaySteps.length != pre.num())
            throw new IllegalArgumentException(who + ".delaySteps: " + delaySteps.length + " delays for " + pre.num() + " presynaptic neurons");
        for (int d : delaySteps) if (d < 0) throw new IllegalArgumentException(who + ".delaySteps: must be >= 0; got " + d);
        return new Projection(name, pre, 0, delaySteps.clone(), comm, syn, out, post);
    }

    /**
     * BrainPy's quickstart {@code bp.dyn.ExpCOBA(pre, post, conn, g_max, tau, E)}: an exponential conductance
     * ({@code dg/dt = −g/τ}, each presynaptic spike adds {@code gMax} over its connections) driving
     * {@code I_post += g·(E − V_post)}, event-driven over the connectivity {@code conn} builds between the two groups.
     * <pre>{@code Projection e2i = Projection.expCoba("E2I", E, I, new FixedProb(0.02, false, 1), 0.6, 5, 0);}</pre>
     *
     * @param gMax maximal conductance per spike (dimensionless, relative to the leak), BrainPy {@code g_max}
     * @param tau  decay time constant, ms
     * @param e    reversal potential, mV
     */
    public static Projection expCoba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tau, double e) {
        return exp(name, pre, post, conn, gMax, tau, SynOut.coba(e));
    }

    /** BrainPy's {@code bp.dyn.ExpCUBA}: as {@link #expCoba} with the current {@code I_post += g} (gMax in the units of the input, e.g. mV for R = 1). */
    public static Projection expCuba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tau) {
        return exp(name, pre, post, conn, gMax, tau, SynOut.cuba());
    }

    private static Projection exp(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tau, SynOut out) {
        return monolithic(name, pre, post, conn, gMax, new Expon(null, post.num(), tau), out);
    }

    /**
     * BrainPy's {@code bp.dyn.DualExpCOBA(pre, post, conn, g_max=1, tau_decay=10, tau_rise=1, E=0)}: each presynaptic
     * spike adds 1 to {@code h} over its connections, {@code dh/dt = −h/τ_rise}, {@code dg/dt = −g/τ_decay + h}, and
     * {@code I_post += g_max·g·(E − V_post)}; a spike at {@code t_s} gives
     * {@code g_max·τ_dτ_r/(τ_d − τ_r)·(e^{−(t−t_s)/τ_d} − e^{−(t−t_s)/τ_r})}. Built on {@link DualExpon} (whose unit
     * input has the peak-normalised form) with the weight {@code g_max·τ_rise}, which gives exactly that conductance.
     */
    public static Projection dualExpCoba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tauRise,
                                         double tauDecay, double e) {
        return monolithic(name, pre, post, conn, gMax * tauRise, new DualExpon(null, post.num(), tauRise, tauDecay), SynOut.coba(e));
    }

    /** BrainPy's {@code bp.dyn.DualExpCUBA}: as {@link #dualExpCoba} with the current {@code I_post += g_max·g}. */
    public static Projection dualExpCuba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tauRise,
                                         double tauDecay) {
        return monolithic(name, pre, post, conn, gMax * tauRise, new DualExpon(null, post.num(), tauRise, tauDecay), SynOut.cuba());
    }

    /**
     * BrainPy's {@code bp.dyn.AlphaCOBA(pre, post, conn, g_max=1, tau_decay=10, E=0)}: the dual exponential with
     * {@code τ_rise = τ_decay = τ}, a spike at {@code t_s} giving {@code g_max·(t − t_s)·e^{−(t−t_s)/τ}}, and
     * {@code I_post += g·(E − V_post)}. Built on {@link Alpha} with the weight {@code g_max·τ}.
     */
    public static Projection alphaCoba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tau, double e) {
        return monolithic(name, pre, post, conn, gMax * tau, new Alpha(null, post.num(), tau), SynOut.coba(e));
    }

    /** BrainPy's {@code bp.dyn.AlphaCUBA}: as {@link #alphaCoba} with the current {@code I_post += g}. */
    public static Projection alphaCuba(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double gMax, double tau) {
        return monolithic(name, pre, post, conn, gMax * tau, new Alpha(null, post.num(), tau), SynOut.cuba());
    }

    /** The 2.1-style one-object synapses: event-driven over {@code conn}, each spike adding {@code weight} to {@code syn}. */
    private static Projection monolithic(String name, NeuronGroup pre, NeuronGroup post, org.braindyn.connect.Connector conn, double weight, Synapse syn, SynOut out) {
        String who = name == null ? "Projection" : name;
        if (pre == null || post == null) throw new IllegalArgumentException(who + ": pre and post must be neuron groups; got pre=" + pre + ", post=" + post);
        if (!Double.isFinite(weight)) throw new IllegalArgumentException(who + ".gMax: must be finite; got " + weight);
        return full(name, pre, 0, Comm.eventCsr(conn.connect(pre.num(), post.num()), BM.scalar(weight)), syn, out, post);
    }

    /** Takes its presynaptic activity as the argument of {@link #update} (BrainPy {@code HalfProjAlignPost}). */
    public static Projection half(String name, Comm comm, Synapse syn, SynOut out, NeuronGroup post) {
        return new Projection(name, null, 0, comm, syn, out, post);
    }

    @Override public Tensor update(Tensor... inputs) {
        Tensor x;
        if (pre == null) {
            if (inputs.length == 0) throw new IllegalArgumentException(this + ": a half projection needs its presynaptic activity as the update argument");
            x = inputs[0];
        } else if (delay != null) {
            x = perNeuron != null ? delay.read(perNeuron) : delay.read(delaySteps);
        } else {
            x = pre.spike();
        }
        return syn.update(comm.apply(x));
    }

    @Override public void resetState(int batchSize) { syn.resetState(batchSize); }
}
