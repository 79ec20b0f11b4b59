package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import java.util.function.UnaryOperator;
import org.braindyn.init.Initializer;
import org.braindyn.init.Normal;
import org.braindyn.init.ZeroInit;
import org.braindyn.jit.Jit;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * A pool of leaky-integrator units with random recurrent connections — the echo-state network of reservoir computing
 * (BrainPy's {@code bp.nn.Reservoir}). With leak rate {@code a}, activation {@code f}, input {@code u}, feedback
 * {@code fb} and the state {@code x} of the previous step:
 * <pre>
 *   internal activation (default):  x ← (1 − a)·x + a·f(u·W_in + x·W + fb·W_fb + b),          output x
 *   external activation:            x ← (1 − a)·x + a·(u·W_in + f(x)·W + fb·W_fb + b),       output f(x)
 * </pre>
 * Each weight matrix keeps a random fraction of its entries ({@code ffConnectivity}, {@code recConnectivity},
 * {@code fbConnectivity}, default 0.1) drawn from its initializer (default {@code Normal(0, 0.1)}); the recurrent matrix
 * is rescaled to the requested spectral radius when one is given, and is stored dense or, with
 * {@link ConnType#SPARSE}, as a sparse matrix whose product costs in proportion to its non-zeros. Optional Gaussian
 * or uniform noise of the given scales is added to each of the three drives. Untrainable (BrainPy's default).
 * <pre>{@code
 * Reservoir r = Reservoir.builder(3, 400).spectralRadius(1.4).seed(7).build();           // Q1's ESN
 * Reservoir big = Reservoir.builder(1, 2000).connType(Reservoir.ConnType.SPARSE).spectralRadius(0.9).build();
 * }</pre>
 */
public final class Reservoir extends Node {
    /** Where the activation acts (BrainPy's {@code activation_type}). */
    public enum ActivationType { INTERNAL, EXTERNAL }
    /** Storage of the recurrent matrix (BrainPy's {@code conn_type}). */
    public enum ConnType { DENSE, SPARSE }
    /** Distribution of the noise (BrainPy's {@code noise_type}). */
    public enum NoiseType { NORMAL, UNIFORM }

    private final int in, n;
    private final double leak, noiseFf, noiseRec, noiseFb, fbConnectivity;
    private final UnaryOperator<Tensor> f;
    private final ActivationType activationType;
    private final NoiseType noiseType;
    private final Initializer fbInit;
    private final RandomState rng;
    private final DType dtype;
    /** The unit states {@code (batch, size)}. */
    public final Variable state;
    /** Input weights {@code (in, size)}. */
    public final Variable wIn;
    /** Recurrent weights: the dense {@code (size, size)} matrix, or the values of {@link #recurrentStructure()}'s entries. */
    public final Variable wRec;
    /** Bias {@code (size,)}, or null without one. */
    public final Variable bias;
    private final Csr recT;                  // sparse: rows = post unit, cols = pre unit (a gather per row)
    private Variable wFb;
    private int nFb;

    private Reservoir(Builder b) {
        super(b.name);
        String who = "Reservoir" + (b.name == null ? "" : " '" + b.name + "'");
        if (b.in < 1) throw new IllegalArgumentException(who + ".inFeatures: must be >= 1; got " + b.in);
        if (b.size < 1) throw new IllegalArgumentException(who + ".size: must be >= 1; got " + b.size);
        if (!(b.leakyRate > 0 && b.leakyRate <= 1)) throw new IllegalArgumentException(who + ".leakyRate: must be in (0, 1]; got " + b.leakyRate);
        connectivity(who, "ffConnectivity", b.ffConnectivity);
        connectivity(who, "recConnectivity", b.recConnectivity);
        connectivity(who, "fbConnectivity", b.fbConnectivity);
        if (!Double.isNaN(b.spectralRadius) && !(b.spectralRadius > 0 && Double.isFinite(b.spectralRadius)))
            throw new IllegalArgumentException(who + ".spectralRadius: must be > 0 (or unset); got " + b.spectralRadius);
        for (double s : new double[] {b.noiseFf, b.noiseRec, b.noiseFb})
            if (!(s >= 0 && Double.isFinite(s))) throw new IllegalArgumentException(who + ".noise: scales must be finite and >= 0; got " + s);
        in = b.in;
        n = b.size;
        leak = b.leakyRate;
        f = b.activation != null ? b.activation : Activation.of(who, b.activationName);
        activationType = b.activationType;
        noiseType = b.noiseType;
        noiseFf = b.noiseFf;
        noiseRec = b.noiseRec;
        noiseFb = b.noiseFb;
        fbConnectivity = b.fbConnectivity;
        dtype = Config.defaultFloat();
        rng = b.seed == null ? new RandomState((int) System.nanoTime()) : new RandomState(b.seed);
        Initializer ffInit = b.ffInit != null ? b.ffInit : new Normal(0, 0.1, rng);
        Initializer recInit = b.recInit != null ? b.recInit : new Normal(0, 0.1, rng);
        fbInit = b.fbInit != null ? b.fbInit : new Normal(0, 0.1, rng);
        wIn = new Variable(masked(ffInit, in, n, b.ffConnectivity), "W_in");
        Tensor w = masked(recInit, n, n, b.recConnectivity);
        if (!Double.isNaN(b.spectralRadius)) {
            double rho = spectralRadius(w);
            if (!(rho > 0)) throw new IllegalArgumentException(who + ".spectralRadius: the recurrent matrix has spectral radius 0 (no recurrent weights to rescale); raise recConnectivity");
            w = w.astype(DType.F64).mul(b.spectralRadius / rho).astype(dtype);
        }
        if (b.connType == ConnType.SPARSE) {
            Tensor wt = w.transpose().contiguous();
            recT = Csr.fromDense(wt);
            wRec = new Variable(nonZeros(wt, recT.nnz()), "W");
        } else {
            recT = null;
            wRec = new Variable(w.contiguous(), "W");
        }
        bias = b.biasInit == null ? null : new Variable(b.biasInit.init(new int[] {n}, dtype), "b");
        state = new Variable(zeros(Shape.of(1, n), dtype), "state", 0);
    }

    private static void connectivity(String who, String what, double p) {
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException(who + "." + what + ": must be in (0, 1]; got " + p);
    }

    private Tensor masked(Initializer init, int rows, int cols, double p) {
        Tensor w = init.init(new int[] {rows, cols}, dtype);
        if (p >= 1) return w;
        return where(less(rng.random(rows, cols), p), w, zerosLike(w)).contiguous();
    }

    private Tensor nonZeros(Tensor dense, int nnz) {
        double[] v = dense.astype(DType.F64).toDoubleArray(), d = new double[nnz];
        int k = 0;
        for (double x : v) if (x != 0) d[k++] = x;
        return Tensor.wrap(DType.F64, Shape.of(nnz), d).astype(dtype);
    }

    /** The largest eigenvalue modulus of a square matrix (float64; see {@link SpectralRadius} for large ones). */
    public static double spectralRadius(Tensor w) { return SpectralRadius.of(w); }

    /** A builder for {@code size} units driven by {@code inFeatures} inputs, with BrainPy's defaults. */
    public static Builder builder(int inFeatures, int size) { return new Builder(inFeatures, size); }

    @Override public int inFeatures() { return in; }
    @Override public int outFeatures() { return n; }
    @Override public boolean supportsFeedback() { return true; }
    @Override public int feedbackFeatures() { return nFb; }

    /** The recurrent matrix as a dense {@code (size, size)} tensor ({@code x·W} is the recurrent drive). */
    public Tensor recurrentMatrix() { return recT == null ? wRec.value() : recT.toDense(wRec.value()).transpose().contiguous(); }

    /** The sparse structure of the transposed recurrent matrix, or null when dense. */
    public Csr recurrentStructure() { return recT; }

    /** The feedback weights {@code (feedbackFeatures, size)}, or null without feedback. */
    public Variable feedbackWeights() { return wFb; }

    @Override protected void addFeedback(int features) {
        Tensor add = masked(fbInit, features, n, fbConnectivity);
        Tensor w = wFb == null ? add : concatenate(0, wFb.value(), add);
        wFb = new Variable(w.contiguous(), "W_fb");
        nFb += features;
    }

    @Override public Tensor forward(Tensor ff, Tensor fb) {
        checkStep(ff, in, "input");
        if (nFb > 0) checkStep(fb, nFb, "feedback");
        Tensor x = state.value();
        int batch = x.dim(0);
        Tensor drive = noisy(matmul(ff.astype(dtype), wIn.value()), noiseFf, batch);
        Tensor h = activationType == ActivationType.INTERNAL ? x : f.apply(x);
        drive = drive.add(noisy(recurrent(h), noiseRec, batch));
        if (nFb > 0) drive = drive.add(noisy(matmul(fb.astype(dtype), wFb.value()), noiseFb, batch));
        if (bias != null) drive = drive.add(bias.value());
        Tensor next = activationType == ActivationType.INTERNAL
                ? x.mul(1 - leak).add(f.apply(drive).mul(leak))
                : x.mul(1 - leak).add(drive.mul(leak));
        state.set(next);
        return activationType == ActivationType.INTERNAL ? next : f.apply(next);
    }

    private Tensor recurrent(Tensor h) {
        if (recT == null) return matmul(h, wRec.value());
        if (h.dim(0) == 1) return csrMatvec(recT, wRec.value(), h.reshape(n), false).reshape(1, n);
        return csrMatmat(recT, wRec.value(), h.transpose(), false).transpose();
    }

    private Tensor noisy(Tensor drive, double scale, int batch) {
        if (scale == 0) return drive;
        Shape s = Shape.of(batch, n);
        Tensor z = Jit.hostValue(dtype, s, () -> (noiseType == NoiseType.NORMAL ? rng.normal(0, 1, batch, n) : rng.uniform(-1, 1, batch, n)).astype(dtype));
        return drive.add(z.mul(scale));
    }

    /** States back to zero for {@code batchSize} samples (at least 1). */
    @Override public void resetState(int batchSize) { state.set(zeros(Shape.of(batchOf(batchSize), n), dtype)); }

    /** Named parameters with BrainPy's defaults. */
    public static final class Builder {
        private final int in, size;
        private String name, activationName = "tanh";
        private UnaryOperator<Tensor> activation;
        private double leakyRate = 0.3, ffConnectivity = 0.1, recConnectivity = 0.1, fbConnectivity = 0.1, spectralRadius = Double.NaN;
        private double noiseFf, noiseRec, noiseFb;
        private ActivationType activationType = ActivationType.INTERNAL;
        private ConnType connType = ConnType.DENSE;
        private NoiseType noiseType = NoiseType.NORMAL;
        private Initializer ffInit, recInit, fbInit, biasInit = new ZeroInit();
        private Integer seed;

        private Builder(int in, int size) { this.in = in; this.size = size; }

        /** A unique name within the network (default automatic). */
        public Builder name(String name) { this.name = name; return this; }
        /** Leak rate {@code a} in (0, 1] (default 0.3; {@code dt/τ} for a rate network). */
        public Builder leakyRate(double a) { this.leakyRate = a; return this; }
        /** Activation by name (default {@code "tanh"}). */
        public Builder activation(String name) { this.activationName = name; this.activation = null; return this; }
        /** Activation as a function of tensors. */
        public Builder activation(UnaryOperator<Tensor> f) { this.activation = f; return this; }
        /** Activation inside the leaky integration (default) or outside it. */
        public Builder activationType(ActivationType t) { this.activationType = t; return this; }
        /** Initializers of the input, recurrent and feedback weights (default {@code Normal(0, 0.1)} from the seed). */
        public Builder ffInit(Initializer i) { this.ffInit = i; return this; }
        /** See {@link #ffInit}. */
        public Builder recInit(Initializer i) { this.recInit = i; return this; }
        /** See {@link #ffInit}. */
        public Builder fbInit(Initializer i) { this.fbInit = i; return this; }
        /** Bias initializer (default zeros), or null for no bias. */
        public Builder biasInit(Initializer i) { this.biasInit = i; return this; }
        /** Fraction of non-zero input weights in (0, 1] (default 0.1). */
        public Builder ffConnectivity(double p) { this.ffConnectivity = p; return this; }
        /** Fraction of non-zero recurrent weights in (0, 1] (default 0.1). */
        public Builder recConnectivity(double p) { this.recConnectivity = p; return this; }
        /** Fraction of non-zero feedback weights in (0, 1] (default 0.1). */
        public Builder fbConnectivity(double p) { this.fbConnectivity = p; return this; }
        /** Dense (default) or sparse recurrent matrix. */
        public Builder connType(ConnType t) { this.connType = t; return this; }
        /** Rescales the recurrent matrix to this spectral radius (> 0; default: no rescaling). */
        public Builder spectralRadius(double rho) { this.spectralRadius = rho; return this; }
        /** Noise scales added to the input, recurrent and feedback drives (default 0). */
        public Builder noise(double ff, double rec, double fb) { this.noiseFf = ff; this.noiseRec = rec; this.noiseFb = fb; return this; }
        /** Gaussian (default) or uniform noise in [−1, 1]. */
        public Builder noiseType(NoiseType t) { this.noiseType = t; return this; }
        /** Seed of the weights, masks and noise (default: from the clock). */
        public Builder seed(int seed) { this.seed = seed; return this; }

        /** Validates every parameter and draws the weights. */
        public Reservoir build() { return new Reservoir(this); }
    }
}
