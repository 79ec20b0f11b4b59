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
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * What the recurrent cells share ({@link RnnCell}, {@link GruCell}, {@link LstmCell}; BrainPy's {@code bp.dyn.RNNCell},
 * {@code GRUCell}, {@code LSTMCell}): input weights {@code W_i (in, k·n)}, recurrent weights {@code W_h (n, k·n)}
 * and bias {@code b (k·n)} for k gate blocks of n units, all {@link TrainVar}s when trainable (default: in training
 * mode); a state {@code (batch, n)} (an LSTM keeps h and c) that {@link #resetState(int)} fills from the state
 * initializer, or — with {@code trainState} — from one trainable initial state broadcast over the batch.
 */
public abstract class RecurrentCell extends Node {
    final int in, n;
    final boolean trainable;
    final DType dtype;
    /** Input weights {@code (in, k·n)}. */
    public final Variable Wi;
    /** Recurrent weights {@code (n, k·n)}. */
    public final Variable Wh;
    /** Bias {@code (k·n,)}. */
    public final Variable b;
    /** The trainable initial state {@code (1, stateWidth)} (an LSTM's holds h then c), or null. */
    public final TrainVar state0;
    private final Initializer stateInit;
    private final int stateWidth;
    /** The hidden state h {@code (batch, units)}. */
    public final Variable state;

    RecurrentCell(Builder<?> bd, int gates, int stateWidth) {
        super(bd.name);
        String who = getClass().getSimpleName() + (bd.name == null ? "" : " '" + bd.name + "'");
        if (bd.in < 1 || bd.out < 1) throw new IllegalArgumentException(who + ": sizes must be >= 1; got in " + bd.in + ", units " + bd.out);
        in = bd.in;
        n = bd.out;
        trainable = bd.trainable != null ? bd.trainable : Mode.current().kind() == Mode.Kind.TRAINING;
        dtype = Config.defaultFloat();
        Wi = weight(bd.wiInit.init(new int[] {in, gates * n}, dtype), "Wi");
        Wh = weight(bd.whInit.init(new int[] {n, gates * n}, dtype), "Wh");
        b = weight(bd.bInit.init(new int[] {gates * n}, dtype), "b");
        stateInit = bd.stateInit;
        this.stateWidth = stateWidth;
        state0 = bd.trainState ? new TrainVar(stateInit.init(new int[] {1, stateWidth}, dtype), "state0") : null;
        state = new Variable(zeros(Shape.of(1, n), dtype), "state", 0);
        extraStates();
        resetState(1);
    }

    private Variable weight(Tensor t, String name) { return trainable ? new TrainVar(t, name) : new Variable(t, name); }

    @Override public int inFeatures() { return in; }
    @Override public int outFeatures() { return n; }

    /** Units. */
    public int units() { return n; }

    /** Creates states beyond h before the first reset (an LSTM's c). */
    void extraStates() {}

    /** The initial states {@code (batch, stateWidth)} for {@code batchSize} samples (at least 1): the trainable initial state broadcast, or the initializer's. */
    final Tensor initial(int batchSize) {
        int bs = batchOf(batchSize);
        return state0 != null ? broadcastTo(state0.value(), bs, stateWidth) : stateInit.init(new int[] {bs, stateWidth}, dtype);
    }

    /** The state for {@code batchSize} samples (at least 1). */
    @Override public void resetState(int batchSize) { state.set(initial(batchSize)); }

    /** {@code x·W_i + b} and {@code h·W_h} split into their gate blocks. */
    final Tensor[] gates(Tensor x, Tensor h, int k) {
        Tensor gx = matmul(checkStep(x, in, "input").astype(dtype), Wi.value()).add(b.value());
        Tensor gh = matmul(h, Wh.value());
        Tensor all = gx.add(gh);
        return split(all, k, 1);
    }

    /** Named parameters with BrainPy's defaults. */
    public abstract static class Builder<B extends Builder<B>> {
        final int in, out;
        String name;
        Initializer wiInit = VarianceScaling.Family.xavierNormal(), whInit = VarianceScaling.Family.xavierNormal(), bInit = new ZeroInit(), stateInit = new ZeroInit();
        Boolean trainable;
        boolean trainState;

        Builder(int in, int out) { this.in = in; this.out = out; }

        @SuppressWarnings("unchecked") private B self() { return (B) this; }

        /** A unique name within the network (default automatic). */
        public B name(String name) { this.name = name; return self(); }
        /** Input-weight initializer (default Xavier normal). */
        public B wiInit(Initializer i) { this.wiInit = i; return self(); }
        /** Recurrent-weight initializer (default Xavier normal). */
        public B whInit(Initializer i) { this.whInit = i; return self(); }
        /** Bias initializer (default zeros). */
        public B bInit(Initializer i) { this.bInit = i; return self(); }
        /** Initial-state initializer (default zeros). */
        public B stateInit(Initializer i) { this.stateInit = i; return self(); }
        /** Weights as {@link TrainVar}s (default: only in training mode). */
        public B trainable(boolean t) { this.trainable = t; return self(); }
        /** A trainable initial state broadcast over the batch (BrainPy's {@code train_state}, default false). */
        public B trainState(boolean t) { this.trainState = t; return self(); }
    }
}
