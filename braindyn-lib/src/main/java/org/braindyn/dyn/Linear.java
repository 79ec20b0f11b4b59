package org.braindyn.dyn;

import org.braindyn.init.Initializer;
import org.braindyn.init.VarianceScaling;
import org.braindyn.init.ZeroInit;
import org.braindyn.state.TrainVar;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * A dense layer with trainable weights (BrainPy's {@code bp.dnn.Linear}): {@code y = x·W + b} for {@code x} of shape
 * {@code (…, in)}, {@code W} of shape {@code (in, out)}, {@code b} of shape {@code (out,)}. It is also a
 * {@link Comm}, so it can be the communication layer of a projection, and its weights are {@link TrainVar}s that
 * {@code Autodiff.grad(...).gradVars(net.trainVars().values())} differentiates.
 * <pre>{@code
 * Linear l = new Linear("L1", 20, 30);                       // Xavier-normal W, zero b (BrainPy's defaults)
 * Projection in = Projection.half("In", l, new Expon(null, 30, 5), SynOut.cuba(), lif);
 * }</pre>
 */
public final class Linear extends DynamicalSystem implements Comm {
    private final int in, out;
    /** Weights {@code (in, out)}. */
    public final TrainVar W;
    /** Bias {@code (out,)}, or null without one. */
    public final TrainVar b;

    /** BrainPy's defaults: Xavier-normal weights, zero bias. */
    public Linear(String name, int in, int out) { this(name, in, out, VarianceScaling.Family.xavierNormal(), new ZeroInit()); }

    /**
     * @param wInit weight initializer
     * @param bInit bias initializer, or null for no bias
     */
    public Linear(String name, int in, int out, Initializer wInit, Initializer bInit) {
        super(name);
        String who = name == null ? "Linear" : name;
        if (in < 1 || out < 1) throw new IllegalArgumentException(who + ": sizes must be >= 1; got in " + in + ", out " + out);
        if (wInit == null) throw new IllegalArgumentException(who + ".wInit: must not be null");
        this.in = in;
        this.out = out;
        this.W = new TrainVar(wInit.init(in, out), "W");
        this.b = bInit == null ? null : new TrainVar(bInit.init(out), "b");
    }

    @Override public Tensor apply(Tensor x) {
        if (x.ndim() == 0 || x.dim(-1) != in)
            throw new IllegalArgumentException(this + ": input must have " + in + " features on its last axis; got " + x.shape());
        Tensor y = BM.matmul(x.astype(W.dtype()), W.value());
        return b == null ? y : y.add(b.value());
    }

    /** {@code x·W + b} for {@code inputs[0] = x}. */
    @Override public Tensor update(Tensor... inputs) {
        if (inputs.length == 0) throw new IllegalArgumentException(this + ": update needs the input x");
        return apply(inputs[0]);
    }

    /** A layer has no state over time. */
    @Override public void resetState(int batchSize) {}

    /** Output features. */
    public int outFeatures() { return out; }
}
