package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = 1/w for |x| ≤ w, else c}.
 * <pre>{@code Tensor spike = new PiecewiseLeakyRelu().apply(x);}</pre>
 */
public final class PiecewiseLeakyRelu extends Surrogate {
    private final double c;
    private final double w;

    /** With BrainPy's defaults (0.01, 1.0). */
    public PiecewiseLeakyRelu() { this(0.01, 1.0); }

    /**
     * @param c slope outside the window (default 0.01)
     * @param w half-width of the window (default 1.0)
     */
    public PiecewiseLeakyRelu(double c, double w) {
        if (!(w > 0)) throw new IllegalArgumentException("PiecewiseLeakyRelu.w: must be > 0; got " + w);
        this.c = c;
        this.w = w;
    }

    @Override public Tensor grad(Tensor x) { return where(abs(x).gt(w), fullLike(x, c), fullLike(x, 1 / w)); }

    @Override public String toString() { return "PiecewiseLeakyRelu(" + "c=" + c + ", " + "w=" + w + ")"; }
}
