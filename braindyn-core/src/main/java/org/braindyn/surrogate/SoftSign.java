package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α / (2(1 + |αx|)²)}.
 * <pre>{@code Tensor spike = new SoftSign().apply(x);}</pre>
 */
public final class SoftSign extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public SoftSign() { this(1.0); }

    /**
     * @param alpha steepness (default 1.0)
     */
    public SoftSign(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return divide(alpha / 2, abs(x).mul(alpha).add(1.0).square()); }

    @Override public String toString() { return "SoftSign(" + "alpha=" + alpha + ")"; }
}
