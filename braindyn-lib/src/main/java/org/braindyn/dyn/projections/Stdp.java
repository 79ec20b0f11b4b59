package org.braindyn.dyn.projections;

import org.braindyn.connect.Conn;
import org.braindyn.connect.Connector;
import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SpikeDelay;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.Synapse;
import org.braindyn.dyn.SynapticProjection;
import org.braindyn.init.Params;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A projection whose per-synapse weights learn by pair-based spike-timing-dependent plasticity with exponential
 * traces (Song, Miller &amp; Abbott 2000; BrainPy's {@code bp.dyn.STDP_Song2000}):
 * <pre>
 *   dx_i/dt = −x_i/τ_s + Σ δ(t − t_i)        presynaptic trace (one per presynaptic neuron)
 *   dy_j/dt = −y_j/τ_t + Σ δ(t − t_j)        postsynaptic trace (one per postsynaptic neuron)
 *   at a postsynaptic spike of j:  w_ij ← w_ij + A₁·x_i      (potentiation)
 *   at a presynaptic spike of i:   w_ij ← w_ij − A₂·y_j      (depression)
 *   w ← clip(w, w_min, w_max)
 * </pre>
 * so a single pair with {@code Δt = t_post − t_pre} changes the weight by the exponential window
 * {@code Δw = A₁ e^{−Δt/τ_s}} for {@code Δt > 0} and {@code Δw = −A₂ e^{Δt/τ_t}} for {@code Δt < 0}; spikes of the same
 * step give {@code A₁ − A₂} (the traces include the step's own spikes before the update, as in BrainPy). The
 * (optionally delayed) presynaptic spikes then drive the synapse through the new weights, event-driven over the
 * connectivity, and the synapse's output becomes a current of the postsynaptic group, as in {@code Projection}.
 * The traces decay exactly ({@code e^{−dt/τ}}) each step. Each step costs the event sum plus one pass over the
 * synapses for the weight update (vectorised, also inside compiled loops).
 * <p>BrainPy's defaults: {@code τ_s 16.8 ms, τ_t 33.7 ms, A₁ 0.96, A₂ 0.53}, no weight bounds.
 * <pre>{@code
 * Stdp plastic = Stdp.song2000(inputs, neuron, new FixedProb(0.1, false, 1))
 *         .weights(new Uniform(0, 0.01)).a1(0.01).a2(0.0105).wMin(0).wMax(0.01)
 *         .syn(Expon.builder(neuron.num()).tau(5).build()).out(SynOut.coba(0)).build();
 * }</pre>
 */
public final class Stdp extends DynamicalSystem implements SynapticProjection {
    /** The weight of every synapse, in the connectivity's order (by presynaptic neuron). */
    public final Variable w;
    /** The presynaptic trace x (one per presynaptic neuron). */
    public final Variable preTrace;
    /** The postsynaptic trace y (one per postsynaptic neuron). */
    public final Variable postTrace;
    /** The synapse dynamics the weighted spikes drive. */
    public final Synapse syn;
    private final NeuronGroup pre, post;
    private final Conn conn;
    private final Csr csr;
    private final Tensor preIds, postIds;
    private final SpikeDelay delay;
    private final int delaySteps;
    private final double tauS, tauT, a1, a2, wMin, wMax;
    private final Tensor w0;

    private Stdp(Builder b) {
        super(b.name);
        String who = b.name == null ? "Stdp" : "Stdp '" + b.name + "'";
        if (b.pre == null || b.post == null) throw new IllegalArgumentException(who + ": pre and post must be neuron groups; got pre=" + b.pre + ", post=" + b.post);
        if (b.syn == null) throw new IllegalArgumentException(who + ".syn: a synapse is required (e.g. Expon.builder(post.num()).tau(5).build())");
        if (b.syn.conductance().shape().dim(-1) != b.post.num())
            throw new IllegalArgumentException(who + ".syn: the synapse has " + b.syn.conductance().shape().dim(-1) + " targets but " + b.post + " has "
                    + b.post.num() + " neurons; expected equal sizes");
        positive(who, "tauS", "ms", b.tauS);
        positive(who, "tauT", "ms", b.tauT);
        finite(who, "a1", b.a1);
        finite(who, "a2", b.a2);
        if (Double.isNaN(b.wMin) || Double.isNaN(b.wMax) || b.wMin > b.wMax)
            throw new IllegalArgumentException(who + ".wMin/wMax: expected wMin <= wMax; got " + b.wMin + " and " + b.wMax);
        if (b.delaySteps < 0) throw new IllegalArgumentException(who + ".delay: must be >= 0 steps; got " + b.delaySteps);
        pre = b.pre;
        post = b.post;
        conn = b.conn.connect(pre.num(), post.num());
        csr = conn.csr();
        preIds = conn.preIds();
        postIds = conn.postIds();
        tauS = b.tauS;
        tauT = b.tauT;
        a1 = b.a1;
        a2 = b.a2;
        wMin = b.wMin;
        wMax = b.wMax;
        if (b.weights instanceof Tensor given && given.size() != 1 && given.size() != conn.size())
            throw new IllegalArgumentException(who + ".weights: " + given.size() + " values for " + conn.size() + " synapses; expected one or " + conn.size());
        Tensor init;
        try {
            init = Params.init(b.weights, conn.size());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(who + ".weights: " + e.getMessage() + "; expected a number, " + conn.size() + " values (one per synapse) or an initializer", e);
        }
        if (init.size() != 1 && init.size() != conn.size())
            throw new IllegalArgumentException(who + ".weights: " + init.size() + " values for " + conn.size() + " synapses; expected one or " + conn.size());
        if (!BM.all(BM.isfinite(init)).getBool()) throw new IllegalArgumentException(who + ".weights: must be finite");
        w0 = BM.clip(BM.broadcastTo(init.astype(Config.defaultFloat()), conn.size()).contiguous(), wMin, wMax);
        w = new Variable(w0, "w");
        preTrace = new Variable(BM.zeros(Shape.of(pre.num()), Config.defaultFloat()), "preTrace");
        postTrace = new Variable(BM.zeros(Shape.of(post.num()), Config.defaultFloat()), "postTrace");
        syn = b.syn;
        delaySteps = b.delaySteps;
        delay = delaySteps > 0 ? pre.spikeDelay(delaySteps) : null;
        SynOut out = b.out;
        post.addCurrent(v -> out.current(syn.conductance(), v));
    }

    private static void positive(String who, String p, String unit, double v) {
        if (!(v > 0) || Double.isInfinite(v)) throw new IllegalArgumentException(who + "." + p + ": must be > 0 " + unit + "; got " + v);
    }

    private static void finite(String who, String p, double v) {
        if (!Double.isFinite(v)) throw new IllegalArgumentException(who + "." + p + ": must be finite; got " + v);
    }

    /** A builder with BrainPy's defaults for a plastic projection from {@code pre} to {@code post} over {@code conn}. */
    public static Builder song2000(NeuronGroup pre, NeuronGroup post, Connector conn) { return new Builder(pre, post, conn); }

    /** The connectivity (synapse order of {@link #w}). */
    public Conn conn() { return conn; }

    @Override public Tensor update(Tensor... inputs) {
        double dt = Shared.current().dt();
        Tensor spikes = delay != null ? delay.read(delaySteps) : pre.spike();
        Tensor sPre = spikes.astype(Config.defaultFloat()), sPost = post.spike().astype(Config.defaultFloat());
        Tensor x = preTrace.value().mul(Math.exp(-dt / tauS)).add(sPre);
        Tensor y = postTrace.value().mul(Math.exp(-dt / tauT)).add(sPost);
        Tensor dw = BM.take(x, preIds, 0).mul(BM.take(sPost, postIds, 0)).mul(a1)
                .sub(BM.take(sPre, preIds, 0).mul(BM.take(y, postIds, 0)).mul(a2));
        Tensor next = w.value().add(dw);
        if (wMin > Double.NEGATIVE_INFINITY || wMax < Double.POSITIVE_INFINITY) next = BM.clip(next, wMin, wMax);
        w.set(next.astype(w.dtype()));
        preTrace.set(x.astype(preTrace.dtype()));
        postTrace.set(y.astype(postTrace.dtype()));
        return syn.update(BM.csrEventSum(csr, w.value(), spikes));
    }

    /** Clears the traces and the synapse; the learned weights are kept (call {@link #resetWeights()} to start over). */
    @Override public void resetState(int batchSize) {
        preTrace.fill(0);
        postTrace.fill(0);
        syn.resetState(batchSize);
    }

    /** Puts every weight back to its initial value. */
    public void resetWeights() { w.set(w0); }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final NeuronGroup pre, post;
        private final Connector conn;
        private String name;
        private Object weights = 1.0;
        private Synapse syn;
        private SynOut out = SynOut.cuba();
        private double tauS = 16.8, tauT = 33.7, a1 = 0.96, a2 = 0.53, wMin = Double.NEGATIVE_INFINITY, wMax = Double.POSITIVE_INFINITY;
        private int delaySteps;

        private Builder(NeuronGroup pre, NeuronGroup post, Connector conn) {
            if (conn == null) throw new IllegalArgumentException("Stdp: a connector is required (e.g. new FixedProb(0.1, false, 1))");
            this.pre = pre;
            this.post = post;
            this.conn = conn;
        }

        /** A unique name within the network. */
        public Builder name(String v) { this.name = v; return this; }
        /** Initial weights: a number, one per synapse, or an initializer (default 1). */
        public Builder weights(Object v) { this.weights = v; return this; }
        /** The synapse dynamics (required), e.g. {@code Expon.builder(post.num()).tau(5).build()}. */
        public Builder syn(Synapse v) { this.syn = v; return this; }
        /** The synapse output (default current-based). */
        public Builder out(SynOut v) { this.out = v; return this; }
        /** Presynaptic trace time constant, ms ({@code tau_s}, default 16.8). */
        public Builder tauS(double v) { this.tauS = v; return this; }
        /** Postsynaptic trace time constant, ms ({@code tau_t}, default 33.7). */
        public Builder tauT(double v) { this.tauT = v; return this; }
        /** Potentiation amplitude ({@code A1}, default 0.96). */
        public Builder a1(double v) { this.a1 = v; return this; }
        /** Depression amplitude ({@code A2}, default 0.53). */
        public Builder a2(double v) { this.a2 = v; return this; }
        /** Lower weight bound (default none). */
        public Builder wMin(double v) { this.wMin = v; return this; }
        /** Upper weight bound (default none). */
        public Builder wMax(double v) { this.wMax = v; return this; }
        /** Presynaptic spike delay in whole steps (default 0). */
        public Builder delay(int steps) { this.delaySteps = steps; return this; }

        /** Validates every parameter, naming the projection, parameter, expected and found. */
        public Stdp build() { return new Stdp(this); }
    }
}
