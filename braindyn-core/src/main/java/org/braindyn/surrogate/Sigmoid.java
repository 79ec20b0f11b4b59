package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α·σ(αx)·(1 − σ(αx))}.
 * <pre>{@code Tensor spike = new Sigmoid().apply(x);}</pre>
 */
public final class Sigmoid extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (4.0). */
    public Sigmoid() { this(4.0); }

    /**
     * @param alpha steepness (default 4.0)
     */
    public Sigmoid(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return sigmoid(x.mul(alpha)).mul(subtract(1.0, sigmoid(x.mul(alpha)))).mul(alpha); }

    @Override public String toString() { return "Sigmoid(" + "alpha=" + alpha + ")"; }
}
