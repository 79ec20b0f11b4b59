package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = max(α(width − |x|), 0)}. The default spike function of {@code brainpy.state.LIF}.
 * <pre>{@code Tensor spike = new ReluGrad().apply(x);}</pre>
 */
public final class ReluGrad extends Surrogate {
    private final double alpha;
    private final double width;

    /** With BrainPy's defaults (0.3, 1.0). */
    public ReluGrad() { this(0.3, 1.0); }

    /**
     * @param alpha peak slope factor (default 0.3)
     * @param width half-width (default 1.0)
     */
    public ReluGrad(double alpha, double width) {
        if (!(width > 0)) throw new IllegalArgumentException("ReluGrad.width: must be > 0; got " + width);
        this.alpha = alpha;
        this.width = width;
    }

    @Override public Tensor grad(Tensor x) { return relu(subtract(width, abs(x)).mul(alpha)); }

    @Override public String toString() { return "ReluGrad(" + "alpha=" + alpha + ", " + "width=" + width + ")"; }
}
