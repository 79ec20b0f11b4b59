package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = 1 / (1/α + |x|)}.
 * <pre>{@code Tensor spike = new NonzeroSignLog().apply(x);}</pre>
 */
public final class NonzeroSignLog extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public NonzeroSignLog() { this(1.0); }

    /**
     * @param alpha steepness (default 1.0)
     */
    public NonzeroSignLog(double alpha) {
        if (!(alpha > 0)) throw new IllegalArgumentException("NonzeroSignLog.alpha: must be > 0; got " + alpha);
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return divide(1.0, abs(x).add(1 / alpha)); }

    @Override public String toString() { return "NonzeroSignLog(" + "alpha=" + alpha + ")"; }
}
