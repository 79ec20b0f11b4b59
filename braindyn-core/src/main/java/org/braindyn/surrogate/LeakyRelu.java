package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α for x < 0, β for x ≥ 0}.
 * <pre>{@code Tensor spike = new LeakyRelu().apply(x);}</pre>
 */
public final class LeakyRelu extends Surrogate {
    private final double alpha;
    private final double beta;

    /** With BrainPy's defaults (0.1, 1.0). */
    public LeakyRelu() { this(0.1, 1.0); }

    /**
     * @param alpha gradient for x < 0 (default 0.1)
     * @param beta gradient for x ≥ 0 (default 1.0)
     */
    public LeakyRelu(double alpha, double beta) {
        this.alpha = alpha;
        this.beta = beta;
    }

    @Override public Tensor grad(Tensor x) { return where(x.lt(0), fullLike(x, alpha), fullLike(x, beta)); }

    @Override public String toString() { return "LeakyRelu(" + "alpha=" + alpha + ", " + "beta=" + beta + ")"; }
}
