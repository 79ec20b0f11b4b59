package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α − α²|x| for |x| ≤ 1/α, else 0}. This is the derivative of BrainPy's documented primitive {@code −½α²|x|x + αx + ½}.
 * <pre>{@code Tensor spike = new PiecewiseQuadratic().apply(x);}</pre>
 */
public final class PiecewiseQuadratic extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public PiecewiseQuadratic() { this(1.0); }

    /**
     * @param alpha inverse half-width (default 1.0)
     */
    public PiecewiseQuadratic(double alpha) {
        if (!(alpha > 0)) throw new IllegalArgumentException("PiecewiseQuadratic.alpha: must be > 0; got " + alpha);
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return where(abs(x).gt(1 / alpha), zerosLike(x), subtract(alpha, abs(x).mul(alpha * alpha))); }

    @Override public String toString() { return "PiecewiseQuadratic(" + "alpha=" + alpha + ")"; }
}
