package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import org.braindyn.dyn.Mode;
import org.braindyn.init.Initializer;
import org.braindyn.init.VarianceScaling;
import org.braindyn.init.ZeroInit;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;

/**
 * An N-dimensional convolution (BrainPy's {@code Conv1d/2d/3d}; cross-correlation as in every deep-learning
 * library) on channels-first samples flattened to {@code (batch, inChannels·Π size)}, with stride, zero padding,
 * dilation and groups:
 * <pre>
 *   y[b, o, p] = bias[o] + Σ_{c in o's group} Σ_taps W[o, c, tap] · x_padded[b, c, p·stride + tap·dilation]
 * </pre>
 * Output {@code (batch, outChannels·Π outSize)}. The windows are one gather and the product one matmul per group, so
 * both directions run on the matmul kernel. Weights {@code (outChannels, inChannels/groups, Π kernel)} (Kaiming-free
 * default: Xavier normal) and bias (zeros, or none), {@link TrainVar}s when trainable.
 * <pre>{@code
 * Conv c = Conv.builder(1, 16, 28, 28).kernel(3, 3).padding(1, 1).trainable(true).build();   // conv2d, 28×28 → 16×28×28
 * }</pre>
 */
public final class Conv extends Node {
    private final Windows win;
    private final int inC, outC, groups;
    /** Weights {@code (outChannels, inChannels/groups, Π kernel)}. */
    public final Variable W;
    /** Bias {@code (outChannels,)}, or null. */
    public final Variable b;

    private Conv(Builder bd) {
        super(bd.name);
        String who = "Conv" + bd.size.length + "d";
        if (bd.inC < 1 || bd.outC < 1 || bd.groups < 1 || bd.inC % bd.groups != 0 || bd.outC % bd.groups != 0)
            throw new IllegalArgumentException(who + ": channels must be >= 1 and divisible by groups; got in " + bd.inC + ", out " + bd.outC + ", groups " + bd.groups);
        int d = bd.size.length;
        int[] ones = new int[d], zeros = new int[d];
        java.util.Arrays.fill(ones, 1);
        win = new Windows(who, bd.inC, bd.size, bd.kernel == null ? filled(d, 3) : bd.kernel, bd.stride == null ? ones : bd.stride,
                bd.padding == null ? zeros : bd.padding, bd.dilation == null ? ones : bd.dilation);
        inC = bd.inC;
        outC = bd.outC;
        groups = bd.groups;
        boolean trainable = bd.trainable != null ? bd.trainable : Mode.current().kind() == Mode.Kind.TRAINING;
        Tensor w = bd.wInit.init(new int[] {outC, inC / groups, win.taps}, Config.defaultFloat());
        W = trainable ? new TrainVar(w, "W") : new Variable(w, "W");
        Tensor bias = bd.bInit == null ? null : bd.bInit.init(new int[] {outC}, Config.defaultFloat());
        b = bias == null ? null : trainable ? new TrainVar(bias, "b") : new Variable(bias, "b");
    }

    private static int[] filled(int d, int v) { int[] a = new int[d]; java.util.Arrays.fill(a, v); return a; }

    /** A builder for {@code inChannels → outChannels} over samples of spatial {@code size} (1 to 3 axes). */
    public static Builder builder(int inChannels, int outChannels, int... size) { return new Builder(inChannels, outChannels, size); }

    @Override public int inFeatures() { return win.inFeatures(); }
    @Override public int outFeatures() { return outC * win.outPositions; }

    /** The output's spatial size. */
    public int[] outSize() { return win.out.clone(); }

    @Override public Tensor forward(Tensor x, Tensor fb) {
        checkStep(x, win.inFeatures(), "input");
        int bsz = x.dim(0), cg = inC / groups, og = outC / groups, pos = win.outPositions;
        Tensor cols = win.gather(x.astype(W.dtype()), 0);                        // (batch, positions, inC, taps)
        Tensor[] outs = new Tensor[groups];
        for (int g = 0; g < groups; g++) {
            Tensor cg_ = groups == 1 ? cols : cols.get(":, :, " + g * cg + ":" + (g + 1) * cg);
            Tensor a = cg_.reshape(bsz * pos, cg * win.taps);                      // (batch·positions, cg·taps)
            Tensor w = (groups == 1 ? W.value() : W.value().get(g * og + ":" + (g + 1) * og)).reshape(og, cg * win.taps);
            outs[g] = matmul(a, w.transpose());                                       // (batch·positions, og)
        }
        Tensor y = groups == 1 ? outs[0] : concatenate(1, outs);
        if (b != null) y = y.add(b.value());
        return y.reshape(bsz, pos, outC).transpose(0, 2, 1).reshape(bsz, outC * pos);
    }

    @Override public void resetState(int batchSize) {}

    /** Named parameters; kernel 3, stride 1, padding 0, dilation 1, groups 1 by default. */
    public static final class Builder {
        private final int inC, outC;
        private final int[] size;
        private int[] kernel, stride, padding, dilation;
        private int groups = 1;
        private String name;
        private Initializer wInit = VarianceScaling.Family.xavierNormal(), bInit = new ZeroInit();
        private Boolean trainable;

        private Builder(int inC, int outC, int[] size) {
            if (size.length < 1 || size.length > 3) throw new IllegalArgumentException("Conv: 1 to 3 spatial axes; got " + size.length);
            this.inC = inC;
            this.outC = outC;
            this.size = size.clone();
        }

        /** A unique name within the network (default automatic). */
        public Builder name(String n) { this.name = n; return this; }
        /** Kernel size per axis. */
        public Builder kernel(int... k) { this.kernel = k.clone(); return this; }
        /** Stride per axis. */
        public Builder stride(int... s) { this.stride = s.clone(); return this; }
        /** Zero padding per axis (both sides). */
        public Builder padding(int... p) { this.padding = p.clone(); return this; }
        /** Dilation per axis. */
        public Builder dilation(int... r) { this.dilation = r.clone(); return this; }
        /** Channel groups (both channel counts divisible by it). */
        public Builder groups(int g) { this.groups = g; return this; }
        /** Weight initializer (default Xavier normal). */
        public Builder wInit(Initializer i) { this.wInit = i; return this; }
        /** Bias initializer (default zeros), or null for none. */
        public Builder bInit(Initializer i) { this.bInit = i; return this; }
        /** Weights as {@link TrainVar}s (default: only in training mode). */
        public Builder trainable(boolean t) { this.trainable = t; return this; }

        /** Validates and draws the weights. */
        public Conv build() { return new Conv(this); }
    }
}
