package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = (α/2)·e^{−α|x|}}.
 * <pre>{@code Tensor spike = new PiecewiseExp().apply(x);}</pre>
 */
public final class PiecewiseExp extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public PiecewiseExp() { this(1.0); }

    /**
     * @param alpha decay rate (default 1.0)
     */
    public PiecewiseExp(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return exp(abs(x).mul(-alpha)).mul(alpha / 2); }

    @Override public String toString() { return "PiecewiseExp(" + "alpha=" + alpha + ")"; }
}
