package org.braindyn.nn;

import org.braindyn.dyn.DynamicalSystem;
import org.braindyn.tensor.Tensor;

/**
 * A node of a reservoir or layer graph (BrainPy's {@code bp.nn.Node}): one step maps a feed-forward input
 * {@code (batch, inFeatures())} — and, for nodes that accept feedback, a feedback input {@code (batch, feedbackFeatures())}
 * — to an output {@code (batch, outFeatures())}. States carry a leading batch axis that {@link #resetState(int)} sizes.
 */
public abstract class Node extends DynamicalSystem {
    protected Node(String name) { super(name); }

    /** Features of the feed-forward input. */
    public abstract int inFeatures();

    /** Features of the output. */
    public abstract int outFeatures();

    /**
     * One step.
     *
     * @param ff feed-forward input {@code (batch, inFeatures())}
     * @param fb feedback input {@code (batch, feedbackFeatures())}, or null when the node has no feedback links
     */
    public abstract Tensor forward(Tensor ff, Tensor fb);

    /**
     * Runs over a whole time-first sequence {@code (time, batch, inFeatures())} without feedback, carrying the
     * states, and returns the outputs {@code (time, batch, outFeatures())}: by default one {@link #forward} per step.
     * Nodes that do better on whole sequences override it — an {@link LstmCell} differentiates the whole sequence as
     * one fused operation, a {@link Dense} layer maps all rows in one product.
     * <pre>{@code Tensor hs = lstm.sequence(xs);   // xs (28, 256, 28) -> hs (28, 256, 100)}</pre>
     */
    public Tensor sequence(Tensor xs) {
        if (xs == null || xs.ndim() != 3 || xs.dim(2) != inFeatures())
            throw new IllegalArgumentException(label() + ": a sequence must have shape (time, batch, " + inFeatures() + "); got " + (xs == null ? "null" : xs.shape()));
        Tensor[] ys = new Tensor[xs.dim(0)];
        for (int t = 0; t < ys.length; t++) ys[t] = forward(xs.get(org.braindyn.tensor.Index.at(t)), null);
        return org.braindyn.tensor.BM.stack(0, ys);
    }

    /**
     * True if {@link #sequence} needs nothing of the per-step context (the shared time, step index or {@code fit}
     * flag), so that a trainer may hand it a whole sequence instead of stepping it; false by default.
     */
    public boolean sequenceWithoutContext() { return false; }

    /** Whether {@link Sequential#feedback} may link into this node (BrainPy's {@code support_feedback}). */
    public boolean supportsFeedback() { return false; }

    /** Features of the feedback input declared so far (0 without feedback). */
    public int feedbackFeatures() { return 0; }

    /**
     * Declares a feedback input of {@code features} more values per sample (BrainPy's {@code init_fb}); called by
     * {@link Sequential#feedback}. Nodes that support feedback create their feedback weights here.
     */
    protected void addFeedback(int features) {
        throw new IllegalArgumentException(label() + ": feedback is not allowed, because this node does not support feedback connections");
    }

    /** {@code forward(inputs[0], inputs[1] or null)}. */
    @Override public Tensor update(Tensor... inputs) {
        if (inputs.length == 0) throw new IllegalArgumentException(label() + ": update needs the feed-forward input");
        return forward(inputs[0], inputs.length > 1 ? inputs[1] : null);
    }

    /** The name used in messages: class and name. */
    public String label() { return getClass().getSimpleName() + " '" + name() + "'"; }

    /** Checks a step's input: rank 2, {@code features} on the last axis. */
    protected final Tensor checkStep(Tensor x, int features, String what) {
        if (x == null || x.ndim() != 2 || x.dim(1) != features)
            throw new IllegalArgumentException(label() + ": " + what + " must have shape (batch, " + features + "); got " + (x == null ? "null" : x.shape()));
        return x;
    }

    static int batchOf(int batchSize) { return Math.max(1, batchSize); }
}
