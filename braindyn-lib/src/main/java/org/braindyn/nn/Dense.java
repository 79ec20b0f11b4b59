package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.dyn.Mode;
import org.braindyn.init.Initializer;
import org.braindyn.init.VarianceScaling;
import org.braindyn.init.ZeroInit;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * A dense layer with optional feedback input (BrainPy's {@code bp.nn.Dense} / {@code bp.layers.Dense}):
 * <pre>
 *   y = x·W + fb·W_fb + b        x (batch, in), W (in, out), fb (batch, feedbackFeatures), W_fb (feedbackFeatures, out)
 * </pre>
 * Its weights are {@link TrainVar}s when it is trainable (default: when built in {@link Mode.Kind#TRAINING} mode)
 * and plain {@link Variable}s otherwise. It is the readout that offline and online trainers fit
 * ({@link LinearReadout} builds one): the fitted matrix has the bias as its first row, then the rows of W, then those
 * of W_fb ({@link #setFitted}, {@link #fitted}).
 * <pre>{@code
 * Dense d = Dense.builder(100, 3).build();                    // Xavier-normal W, zero b
 * Projection p = Projection.half("In", Dense.builder(20, 30).build(), Expon.builder(30).tau(5).build(), SynOut.cuba(), lif);   // as a projection's comm
 * Dense noBias = Dense.builder(100, 3).bInit(null).trainable(true).build();
 * Dense fromSpikes = Dense.builder(784, 100).events(true).build();   // input spikes: event-driven product and gradient
 * }</pre>
 */
public final class Dense extends Node implements org.braindyn.dyn.Comm {
    private final int in, out;
    private final boolean trainable, events;
    private final Initializer fbInit;
    private final DType dtype;
    /** Weights {@code (in, out)}. */
    public final Variable W;
    /** Bias {@code (out,)}, or null without one. */
    public final Variable b;
    private Variable wFb;
    private int nFb;

    private Dense(Builder bd) {
        super(bd.name);
        String who = "Dense" + (bd.name == null ? "" : " '" + bd.name + "'");
        if (bd.in < 1 || bd.out < 1) throw new IllegalArgumentException(who + ": sizes must be >= 1; got in " + bd.in + ", out " + bd.out);
        if (bd.wInit == null) throw new IllegalArgumentException(who + ".wInit: must not be null");
        in = bd.in;
        out = bd.out;
        trainable = bd.trainable != null ? bd.trainable : Mode.current().kind() == Mode.Kind.TRAINING;
        events = bd.events;
        fbInit = bd.wInit;
        dtype = Config.defaultFloat();
        W = weight(bd.wInit.init(new int[] {in, out}, dtype), "W");
        b = bd.bInit == null ? null : weight(bd.bInit.init(new int[] {out}, dtype), "b");
    }

    private Variable weight(Tensor t, String name) { return trainable ? new TrainVar(t, name) : new Variable(t, name); }

    /** A builder for {@code in → out} with BrainPy's defaults (Xavier-normal W, zero b). */
    public static Builder builder(int in, int out) { return new Builder(in, out); }

    @Override public int inFeatures() { return in; }
    @Override public int outFeatures() { return out; }
    @Override public boolean supportsFeedback() { return true; }
    @Override public int feedbackFeatures() { return nFb; }

    /** Whether the weights are {@link TrainVar}s. */
    public boolean trainable() { return trainable; }

    /** Whether the input is taken as events: products visit only its non-zero entries ({@link org.braindyn.tensor.BM#eventMatmul}). */
    public boolean events() { return events; }

    /** Whether there is a bias. */
    public boolean hasBias() { return b != null; }

    /** The feedback weights {@code (feedbackFeatures, out)}, or null without feedback. */
    public Variable feedbackWeights() { return wFb; }

    @Override protected void addFeedback(int features) {
        Tensor add = fbInit.init(new int[] {features, out}, dtype);
        wFb = weight(wFb == null ? add : concatenate(0, wFb.value(), add).contiguous(), "W_fb");
        nFb += features;
    }

    /**
     * {@code x·W + b} for {@code x} of shape {@code (…, in)} — the form a projection uses as its communication layer
     * (any leading axes, no feedback).
     */
    @Override public Tensor apply(Tensor x) {
        if (x.ndim() == 0 || x.dim(-1) != in)
            throw new IllegalArgumentException(label() + ": input must have " + in + " features on its last axis; got " + x.shape());
        Tensor y = product(x, W.value());
        return b == null ? y : y.add(b.value());
    }

    /** {@code x·w}, event-driven for event inputs and boolean spikes. */
    private Tensor product(Tensor x, Tensor w) {
        return events || x.dtype() == DType.BOOL ? eventMatmul(x, w) : matmul(x.astype(dtype), w);
    }

    @Override public Tensor forward(Tensor ff, Tensor fb) {
        checkStep(ff, in, "input");
        Tensor y = product(ff, W.value());
        if (nFb > 0) y = y.add(matmul(checkStep(fb, nFb, "feedback").astype(dtype), wFb.value()));
        return b == null ? y : y.add(b.value());
    }

    /** All steps' rows in one product (without feedback; with feedback, step by step). */
    @Override public Tensor sequence(Tensor xs) {
        if (nFb > 0 || xs == null || xs.ndim() != 3 || xs.dim(2) != in) return super.sequence(xs);
        return forward(xs.reshape(xs.dim(0) * xs.dim(1), in), null).reshape(xs.dim(0), xs.dim(1), outFeatures());
    }

    /** A layer without feedback maps each step alone. */
    @Override public boolean sequenceWithoutContext() { return nFb == 0; }

    /** A layer has no state over time. */
    @Override public void resetState(int batchSize) {}

    /** Rows of the fitted matrix: 1 (bias) + in + feedbackFeatures. */
    public int fittedRows() { return 1 + in + nFb; }

    /** {@code [b; W; W_fb]} as one {@code (fittedRows, out)} matrix (a zero first row without a bias). */
    public Tensor fitted() {
        Tensor bias = b == null ? zeros(1, out).astype(dtype) : b.value().reshape(1, out);
        return nFb == 0 ? concatenate(0, bias, W.value()) : concatenate(0, bias, W.value(), wFb.value());
    }

    /**
     * Sets {@code [b; W; W_fb]} from a fitted {@code (fittedRows, out)} matrix; without a bias the first row must be
     * zero (the trainers then fit without the constant column).
     */
    public void setFitted(Tensor m) {
        if (m.ndim() != 2 || m.dim(0) != fittedRows() || m.dim(1) != out)
            throw new IllegalArgumentException(label() + ": fitted weights must have shape (" + fittedRows() + ", " + out + ") (bias row, " + in + " input rows, " + nFb + " feedback rows); got " + m.shape());
        Tensor t = m.astype(dtype);
        if (b != null) b.set(t.get("0").contiguous());
        W.set(t.get("1:" + (1 + in)).contiguous());
        if (nFb > 0) wFb.set(t.get((1 + in) + ":").contiguous());
    }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int in, out;
        private String name;
        private Initializer wInit = VarianceScaling.Family.xavierNormal(), bInit = new ZeroInit();
        private Boolean trainable;
        private boolean events;

        private Builder(int in, int out) { this.in = in; this.out = out; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Weight initializer (default Xavier normal); also draws the feedback weights. */
        public Builder wInit(Initializer i) { this.wInit = i; return this; }
        /** Bias initializer (default zeros), or null for no bias. */
        public Builder bInit(Initializer i) { this.bInit = i; return this; }
        /** Weights as {@link TrainVar}s (default: only in training mode). */
        public Builder trainable(boolean t) { this.trainable = t; return this; }

        /**
         * The input is events — spikes, mostly zeros (default false; boolean inputs always are): {@code x·W} and its
         * weight gradient visit only the non-zero inputs, at a cost ∝ active inputs × out instead of in × out
         * (BrainPy's event-driven linear layers). The results equal the dense product's up to float rounding.
         */
        public Builder events(boolean e) { this.events = e; return this; }

        /** Validates and draws the weights. */
        public Dense build() { return new Dense(this); }
    }
}
