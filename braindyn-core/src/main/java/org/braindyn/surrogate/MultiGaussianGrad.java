package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = scale·[(1+h)N(x; 0, σ²) − h·N(x; σ, (sσ)²) − h·N(x; −σ, (sσ)²)]}.
 * <pre>{@code Tensor spike = new MultiGaussianGrad().apply(x);}</pre>
 */
public final class MultiGaussianGrad extends Surrogate {
    private final double h;
    private final double s;
    private final double sigma;
    private final double scale;

    /** With BrainPy's defaults (0.15, 6.0, 0.5, 0.5). */
    public MultiGaussianGrad() { this(0.15, 6.0, 0.5, 0.5); }

    /**
     * @param h weight of the side lobes (default 0.15)
     * @param s width ratio of the side lobes (default 6.0)
     * @param sigma standard deviation (default 0.5)
     * @param scale scale (default 0.5)
     */
    public MultiGaussianGrad(double h, double s, double sigma, double scale) {
        if (!(s > 0)) throw new IllegalArgumentException("MultiGaussianGrad.s: must be > 0; got " + s);
        if (!(sigma > 0)) throw new IllegalArgumentException("MultiGaussianGrad.sigma: must be > 0; got " + sigma);
        this.h = h;
        this.s = s;
        this.sigma = sigma;
        this.scale = scale;
    }

    @Override public Tensor grad(Tensor x) { return gaussian(x, 0, sigma).mul(1 + h).sub(gaussian(x, sigma, s * sigma).mul(h)).sub(gaussian(x, -sigma, s * sigma).mul(h)).mul(scale); }

    @Override public String toString() { return "MultiGaussianGrad(" + "h=" + h + ", " + "s=" + s + ", " + "sigma=" + sigma + ", " + "scale=" + scale + ")"; }
}
