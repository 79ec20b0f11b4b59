package org.braindyn.tensor;

/**
 * Activation functions of {@code bm.activations} / {@code jax.nn}, composed from primitives (so differentiable and
 * compilable without rules of their own). Part of {@link BM}.
 */
public class Activations extends Indexing {
    protected Activations() {}

    private static final double SELU_ALPHA = 1.6732632423543772848170429916717;
    private static final double SELU_SCALE = 1.0507009873554804934193349852946;

    /** {@code max(x, 0)}. */
    public static Tensor relu(Tensor x) { return maximum(x, 0); }
    /** {@code min(max(x, 0), 6)}. */
    public static Tensor relu6(Tensor x) { return minimum(maximum(x, 0), 6); }
    /** {@code x ≥ 0 ? x : slope·x} (default slope 0.01). */
    public static Tensor leakyRelu(Tensor x, double negativeSlope) { Tensor f = toFloat(x); return where(greaterEqual(f, 0), f, multiply(f, negativeSlope)); }
    /** Leaky ReLU with slope 0.01. */
    public static Tensor leakyRelu(Tensor x) { return leakyRelu(x, 0.01); }
    /** {@code x > 0 ? x : α(e^x − 1)}. */
    public static Tensor elu(Tensor x, double alpha) { Tensor f = toFloat(x); return where(greater(f, 0), f, multiply(expm1(minimum(f, 0)), alpha)); }
    /** ELU with α = 1. */
    public static Tensor elu(Tensor x) { return elu(x, 1.0); }
    /** {@code x > 0 ? x : α(e^{x/α} − 1)}. */
    public static Tensor celu(Tensor x, double alpha) { Tensor f = toFloat(x); return where(greater(f, 0), f, multiply(expm1(divide(minimum(f, 0), alpha)), alpha)); }
    /** CELU with α = 1. */
    public static Tensor celu(Tensor x) { return celu(x, 1.0); }
    /** {@code scale · elu(x, α)} with the self-normalising constants α ≈ 1.6733, scale ≈ 1.0507. */
    public static Tensor selu(Tensor x) { return multiply(elu(x, SELU_ALPHA), SELU_SCALE); }
    /** GELU; {@code approximate}: {@code x/2·(1+tanh(√(2/π)(x+0.044715x³)))}, else {@code x/2·(1+erf(x/√2))}. */
    public static Tensor gelu(Tensor x, boolean approximate) {
        Tensor f = toFloat(x);
        Tensor inner = approximate
                ? tanh(multiply(add(f, multiply(multiply(multiply(f, f), f), 0.044715)), Math.sqrt(2 / Math.PI)))
                : erf(divide(f, Math.sqrt(2)));
        return multiply(multiply(f, 0.5), add(inner, 1.0));
    }
    /** GELU with the tanh approximation (BrainPy's default). */
    public static Tensor gelu(Tensor x) { return gelu(x, true); }
    /** Gated linear unit: halves {@code a, b} of {@code axis}, {@code a · sigmoid(b)}. */
    public static Tensor glu(Tensor x, int axis) { Tensor[] h = split(x, 2, axis); return multiply(h[0], sigmoid(h[1])); }
    /** GLU over the last axis. */
    public static Tensor glu(Tensor x) { return glu(x, -1); }
    /** {@code clip(x, -1, 1)}. */
    public static Tensor hardTanh(Tensor x) { return clip(x, -1, 1); }
    /** {@code relu6(x + 3) / 6}. */
    public static Tensor hardSigmoid(Tensor x) { return divide(relu6(add(toFloat(x), 3.0)), 6.0); }
    /** {@code x · hardSigmoid(x)}. */
    public static Tensor hardSilu(Tensor x) { return multiply(toFloat(x), hardSigmoid(x)); }
    /** Alias of {@link #hardSilu}. */
    public static Tensor hardSwish(Tensor x) { return hardSilu(x); }
    /** {@code x · sigmoid(x)}. */
    public static Tensor silu(Tensor x) { return multiply(toFloat(x), sigmoid(x)); }
    /** Alias of {@link #silu}. */
    public static Tensor swish(Tensor x) { return silu(x); }
    /** {@code log(1 + e^x)}, stable: {@code max(x,0) + log1p(e^{-|x|})}. */
    public static Tensor softplus(Tensor x) { Tensor f = toFloat(x); return add(maximum(f, 0), log1p(exp(negative(abs(f))))); }
    /** {@code log sigmoid(x) = -softplus(-x)}. */
    public static Tensor logSigmoid(Tensor x) { return negative(softplus(negative(toFloat(x)))); }
    /** {@code x / (|x| + 1)}. */
    public static Tensor softSign(Tensor x) { Tensor f = toFloat(x); return divide(f, add(abs(f), 1.0)); }
    /** Softmax over {@code axis}, shifted by the maximum for stability. */
    public static Tensor softmax(Tensor x, int axis) {
        Tensor f = toFloat(x);
        Tensor e = exp(subtract(f, max(f, true, axis)));
        return divide(e, sum(e, true, axis));
    }
    /** Softmax over the last axis. */
    public static Tensor softmax(Tensor x) { return softmax(x, -1); }
    /** {@code x - logsumexp(x, axis)}. */
    public static Tensor logSoftmax(Tensor x, int axis) { Tensor f = toFloat(x); return subtract(f, logsumexp(f, true, axis)); }
    /** Log-softmax over the last axis. */
    public static Tensor logSoftmax(Tensor x) { return logSoftmax(x, -1); }
    /** One-hot encoding of integer labels in a new last axis of {@code numClasses} (default float). */
    public static Tensor oneHot(Tensor labels, int numClasses) {
        Tensor l = expandDims(astype(labels, DType.I32), -1);
        return astype(equal(l, arange(numClasses)), Config.defaultFloat());
    }
    /** Standardises over {@code axis}: {@code (x − mean) / sqrt(var + ε)}. */
    public static Tensor normalize(Tensor x, int axis, double epsilon) {
        Tensor f = toFloat(x);
        Tensor m = mean(f, true, axis);
        Tensor v = var(f, 0, true, axis);
        return divide(subtract(f, m), sqrt(add(v, epsilon)));
    }
    /** Standardises over the last axis with ε = 1e-5. */
    public static Tensor normalize(Tensor x) { return normalize(x, -1, 1e-5); }
    /** The input itself. */
    public static Tensor identityFn(Tensor x) { return x; }
}
