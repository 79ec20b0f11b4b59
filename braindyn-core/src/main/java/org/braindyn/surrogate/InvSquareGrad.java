package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = 1/(α|x| + 1)²}.
 * <pre>{@code Tensor spike = new InvSquareGrad().apply(x);}</pre>
 */
public final class InvSquareGrad extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (100.0). */
    public InvSquareGrad() { this(100.0); }

    /**
     * @param alpha steepness (default 100.0)
     */
    public InvSquareGrad(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return divide(1.0, abs(x).mul(alpha).add(1.0).square()); }

    @Override public String toString() { return "InvSquareGrad(" + "alpha=" + alpha + ")"; }
}
