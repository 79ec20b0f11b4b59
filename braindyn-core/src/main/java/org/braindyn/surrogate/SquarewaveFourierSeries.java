package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = (4/T)·Σ_{i=1}^{n−1} cos((2i−1)·2πx/T)}. As BrainPy computes it: the derivative of its primitive {@code ½ + (2/π)Σ sin((2i−1)ωx)/(2i−1)}, summing i = 1 … n−1.
 * <pre>{@code Tensor spike = new SquarewaveFourierSeries().apply(x);}</pre>
 */
public final class SquarewaveFourierSeries extends Surrogate {
    private final int n;
    private final double tPeriod;

    /** With BrainPy's defaults (2, 8.0). */
    public SquarewaveFourierSeries() { this(2, 8.0); }

    /**
     * @param n number of Fourier terms plus one (default 2)
     * @param tPeriod period T (default 8.0)
     */
    public SquarewaveFourierSeries(int n, double tPeriod) {
        if (n < 1) throw new IllegalArgumentException("SquarewaveFourierSeries.n: must be >= 1; got " + n);
        if (!(tPeriod > 0)) throw new IllegalArgumentException("SquarewaveFourierSeries.tPeriod: must be > 0; got " + tPeriod);
        this.n = n;
        this.tPeriod = tPeriod;
    }

    @Override public Tensor grad(Tensor x) { return fourier(x); }

    private Tensor fourier(Tensor x) {
        double w = 2 * Math.PI / tPeriod;
        Tensor acc = cos(x.mul(w));
        for (int i = 2; i < n; i++) acc = acc.add(cos(x.mul((2 * i - 1) * w)));
        return acc.mul(4 / tPeriod);
    }

    @Override public String toString() { return "SquarewaveFourierSeries(" + "n=" + n + ", " + "tPeriod=" + tPeriod + ")"; }
}
