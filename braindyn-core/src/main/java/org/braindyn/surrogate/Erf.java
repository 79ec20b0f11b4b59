package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = (α/√π)·e^{−α²x²}}. BrainPy's {@code ERF}.
 * <pre>{@code Tensor spike = new Erf().apply(x);}</pre>
 */
public final class Erf extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public Erf() { this(1.0); }

    /**
     * @param alpha steepness (default 1.0)
     */
    public Erf(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return exp(x.square().mul(-alpha * alpha)).mul(alpha / Math.sqrt(Math.PI)); }

    @Override public String toString() { return "Erf(" + "alpha=" + alpha + ")"; }
}
