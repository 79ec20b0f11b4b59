package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α·σ(αx)(1 − σ(αx)) for x < 0, β/(x + 1) for x ≥ 0}.
 * <pre>{@code Tensor spike = new S2NN().apply(x);}</pre>
 */
public final class S2NN extends Surrogate {
    private final double alpha;
    private final double beta;
    private final double epsilon;

    /** With BrainPy's defaults (4.0, 1.0, 1e-8). */
    public S2NN() { this(4.0, 1.0, 1e-8); }

    /**
     * @param alpha steepness for x < 0 (default 4.0)
     * @param beta scale for x ≥ 0 (default 1.0)
     * @param epsilon guard in BrainPy's primitive (unused by the gradient) (default 1e-8)
     */
    public S2NN(double alpha, double beta, double epsilon) {
        this.alpha = alpha;
        this.beta = beta;
        this.epsilon = epsilon;
    }

    @Override public Tensor grad(Tensor x) { return where(x.lt(0), sigmoid(x.mul(alpha)).mul(subtract(1.0, sigmoid(x.mul(alpha)))).mul(alpha), divide(beta, maximum(x, 0.0).add(1.0))); }

    @Override public String toString() { return "S2NN(" + "alpha=" + alpha + ", " + "beta=" + beta + ", " + "epsilon=" + epsilon + ")"; }
}
