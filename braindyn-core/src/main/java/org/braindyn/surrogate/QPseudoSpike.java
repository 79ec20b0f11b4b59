package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = (1 + 2|x|/(α − 1))^{−α}}. The derivative of BrainPy's documented primitive (which uses α − 1).
 * <pre>{@code Tensor spike = new QPseudoSpike().apply(x);}</pre>
 */
public final class QPseudoSpike extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (2.0). */
    public QPseudoSpike() { this(2.0); }

    /**
     * @param alpha tail fatness (default 2.0)
     */
    public QPseudoSpike(double alpha) {
        if (!(alpha > 1)) throw new IllegalArgumentException("QPseudoSpike.alpha: must be > 1; got " + alpha);
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return power(abs(x).mul(2 / (alpha - 1)).add(1.0), -alpha); }

    @Override public String toString() { return "QPseudoSpike(" + "alpha=" + alpha + ")"; }
}
