package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α·N(x; 0, σ²) = α·e^{−x²/(2σ²)}/(√(2π)σ)}. The Gaussian density as BrainPy documents it.
 * <pre>{@code Tensor spike = new GaussianGrad().apply(x);}</pre>
 */
public final class GaussianGrad extends Surrogate {
    private final double sigma;
    private final double alpha;

    /** With BrainPy's defaults (0.5, 0.5). */
    public GaussianGrad() { this(0.5, 0.5); }

    /**
     * @param sigma standard deviation (default 0.5)
     * @param alpha scale (default 0.5)
     */
    public GaussianGrad(double sigma, double alpha) {
        if (!(sigma > 0)) throw new IllegalArgumentException("GaussianGrad.sigma: must be > 0; got " + sigma);
        this.sigma = sigma;
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return gaussian(x, 0, sigma).mul(alpha); }

    @Override public String toString() { return "GaussianGrad(" + "sigma=" + sigma + ", " + "alpha=" + alpha + ")"; }
}
