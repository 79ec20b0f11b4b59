package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.jit.Loops;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A chain of nodes with explicit feedback links — the Java form of BrainPy's node graph {@code i >> r >> o} with
 * {@code r << o} (DESIGN.md §7). Each step feeds the input through the nodes in order; a feedback link delivers its
 * source's output of the previous step to its target (exactly one step late), so feedback from a later node into an
 * earlier one never forms a cycle within a step. The last node is the readout that trainers fit.
 * <pre>{@code
 * Sequential esn = Sequential.of(reservoir, readout).feedback(readout, reservoir);   // (i >> r >> o) & (r << o)
 * esn.resetState(1);
 * Tensor ys = esn.predict(xs, true);                     // xs (batch, time, in) → ys (batch, time, out), compiled
 * }</pre>
 */
public final class Sequential extends Node {
    private final List<Node> nodes;
    private final List<Link> links = new ArrayList<>();
    private boolean jit = true;
    /** The compiled loop's step: one object, so that {@link #predict} traces it once, not on every call. */
    private final java.util.function.Function<Tensor[], Tensor[]> loopStep = x -> new Tensor[] {step(x[0], null).output()};

    private record Link(int from, int to, Variable buffer) {}

    /** The output of one step and the input row the readout saw (its feed-forward input, then its feedback). */
    public record Step(Tensor output, Tensor readoutInput) {}

    private Sequential(String name, List<Node> nodes) {
        super(name);
        if (nodes.isEmpty()) throw new IllegalArgumentException("Sequential: needs at least one node");
        for (int i = 1; i < nodes.size(); i++) {
            Node a = nodes.get(i - 1), b = nodes.get(i);
            if (a.outFeatures() != b.inFeatures())
                throw new IllegalArgumentException("Sequential: " + a.label() + " outputs " + a.outFeatures() + " features but " + b.label() + " expects " + b.inFeatures());
        }
        this.nodes = List.copyOf(nodes);
        registerImplicitNodes(named());
    }

    private java.util.Map<String, Node> named() {
        var m = new java.util.LinkedHashMap<String, Node>();
        for (Node n : nodes) m.put(n.name(), n);
        return m;
    }

    /** The chain {@code nodes[0] >> nodes[1] >> …}. */
    public static Sequential of(Node... nodes) { return new Sequential(null, List.of(nodes)); }

    /** A named chain. */
    public static Sequential named(String name, Node... nodes) { return new Sequential(name, List.of(nodes)); }

    /**
     * Feeds {@code from}'s output back into {@code to} one step later (BrainPy's {@code to << from}). {@code to} must
     * come no later than {@code from} in the chain (the feed-forward path {@code to → … → from} exists) and support
     * feedback; {@code to} gains {@code from.outFeatures()} feedback inputs and their weights.
     */
    public Sequential feedback(Node from, Node to) {
        int f = nodes.indexOf(from), t = nodes.indexOf(to);
        if (f < 0 || t < 0) throw new IllegalArgumentException("Sequential.feedback: " + (f < 0 ? from.label() : to.label()) + " is not a node of this chain");
        if (t > f) throw new IllegalArgumentException("Sequential.feedback: " + to.label() + " comes after " + from.label()
                + "; feedback needs a feed-forward path from the receiver to the sender (for a forward connection, put the nodes in that order)");
        if (!to.supportsFeedback())
            throw new IllegalArgumentException("Sequential.feedback: " + from.label() + " >> " + to.label() + " is not allowed, because this node does not support feedback connections");
        to.addFeedback(from.outFeatures());
        links.add(new Link(f, t, new Variable(zeros(Shape.of(1, from.outFeatures()), org.braindyn.tensor.Config.defaultFloat()), "fb" + links.size(), 0)));
        return this;
    }

    /** Whether {@link #predict} runs as a compiled loop (default true) or step by step in Java. */
    public Sequential jit(boolean on) { this.jit = on; return this; }

    /** Whether {@link #predict} compiles. */
    public boolean jit() { return jit; }

    /** The nodes in order (BrainPy's layers of a sequential model). */
    public List<Node> layers() { return nodes; }

    /** The last node (what trainers fit). */
    public Node readout() { return nodes.get(nodes.size() - 1); }

    @Override public int inFeatures() { return nodes.get(0).inFeatures(); }
    @Override public int outFeatures() { return readout().outFeatures(); }

    /** One step without external feedback (a chain takes no feedback of its own). */
    @Override public Tensor forward(Tensor ff, Tensor fb) {
        if (fb != null) throw new IllegalArgumentException(label() + ": a chain takes no feedback input; link feedback between its nodes with feedback(from, to)");
        return step(ff, null).output();
    }

    /** Each node over the whole sequence in turn (a chain with feedback links steps instead: feedback is per step). */
    @Override public Tensor sequence(Tensor xs) {
        if (!links.isEmpty()) return super.sequence(xs);
        Tensor cur = xs;
        for (Node n : nodes) cur = n.sequence(cur);
        return cur;
    }

    /** True when every node's sequence needs no per-step context and no feedback links exist. */
    @Override public boolean sequenceWithoutContext() {
        if (!links.isEmpty()) return false;
        for (Node n : nodes) if (!n.sequenceWithoutContext()) return false;
        return true;
    }

    /**
     * One step. With {@code teacher} non-null, every feedback link whose source is the readout carries
     * {@code teacher} (the target of this step) to the next step instead of the readout's output (teacher forcing,
     * used when fitting offline).
     */
    public Step step(Tensor ff, Tensor teacher) {
        int k = nodes.size();
        Tensor[] outs = new Tensor[k];
        Tensor cur = ff, readIn = null;
        for (int i = 0; i < k; i++) {
            Tensor fb = feedbackInto(i);
            if (i == k - 1) readIn = fb == null ? cur : concatenate(1, cur.astype(fb.dtype()), fb);
            cur = nodes.get(i).forward(cur, fb);
            outs[i] = cur;
        }
        for (Link l : links) {
            Tensor v = teacher != null && l.from == k - 1 ? teacher : outs[l.from];
            l.buffer.set(v.astype(l.buffer.dtype()));
        }
        return new Step(cur, readIn);
    }

    private Tensor feedbackInto(int node) {
        List<Tensor> in = new ArrayList<>();
        for (Link l : links) if (l.to == node) in.add(l.buffer.value());
        if (in.isEmpty()) return null;
        return in.size() == 1 ? in.get(0) : concatenate(1, in.toArray(Tensor[]::new));
    }

    /** Features of the readout's input row (its feed-forward features plus its feedback features). */
    public int readoutInputFeatures() { return readout().inFeatures() + readout().feedbackFeatures(); }

    /** Every node's states and the feedback buffers back to zero for {@code batchSize} samples. */
    @Override public void resetState(int batchSize) {
        for (Node n : nodes) n.resetState(batchSize);
        for (Link l : links) l.buffer.set(zeros(Shape.of(batchOf(batchSize), l.buffer.shape().dim(1)), l.buffer.dtype()));
    }

    /** The batch size the states have now. */
    public int batchSize() {
        for (Link l : links) return l.buffer.shape().dim(0);
        for (Node n : nodes) for (Variable v : n.ownVars().values()) if (v.batchAxis() == 0) return v.shape().dim(0);
        return -1;
    }

    /**
     * Runs the chain over {@code xs} {@code (batch, time, in)} and returns its outputs {@code (batch, time, out)}.
     * With {@code resetState} the states start from zero for this batch; otherwise the run continues from the
     * current states (which must have this batch size). Compiled unless {@link #jit(boolean)} was turned off.
     */
    public Tensor predict(Tensor xs, boolean resetState) {
        if (xs == null || xs.ndim() != 3 || xs.dim(2) != inFeatures())
            throw new IllegalArgumentException(label() + ".predict: inputs must have shape (batch, time, " + inFeatures() + "); got " + (xs == null ? "null" : xs.shape()));
        prepare(xs.dim(0), resetState);
        Tensor xt = xs.transpose(1, 0, 2);
        Tensor ys;
        if (jit) ys = Loops.forLoop(loopStep, xt)[0];
        else {
            Tensor[] out = new Tensor[xt.dim(0)];
            for (int t = 0; t < out.length; t++) out[t] = step(xt.get(org.braindyn.tensor.Index.at(t)), null).output();
            ys = stack(out);
        }
        return ys.transpose(1, 0, 2);
    }

    /** Resets for {@code batch} samples, or checks that the current states have that batch size. */
    public void prepare(int batch, boolean resetState) {
        if (resetState || batchSize() < 0) { resetState(batch); return; }
        if (batchSize() != batch)
            throw new IllegalArgumentException(label() + ": the states hold a batch of " + batchSize() + " but the inputs have " + batch + "; pass resetState = true or resetState(" + batch + ") first");
    }
}
