package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α / (2(1 + (παx/2)²))}.
 * <pre>{@code Tensor spike = new Arctan().apply(x);}</pre>
 */
public final class Arctan extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public Arctan() { this(1.0); }

    /**
     * @param alpha steepness (default 1.0)
     */
    public Arctan(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return divide(alpha / 2, x.mul(Math.PI / 2 * alpha).square().add(1.0)); }

    @Override public String toString() { return "Arctan(" + "alpha=" + alpha + ")"; }
}
