package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = α for x ≤ 0, 1 for 0 < x ≤ 1, 1/x for x > 1}.
 * <pre>{@code Tensor spike = new LogTailedRelu().apply(x);}</pre>
 */
public final class LogTailedRelu extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (0.0). */
    public LogTailedRelu() { this(0.0); }

    /**
     * @param alpha gradient for x ≤ 0 (default 0.0)
     */
    public LogTailedRelu(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return where(x.gt(1), divide(1.0, maximum(x, 1.0)), where(x.gt(0), onesLike(x), fullLike(x, alpha))); }

    @Override public String toString() { return "LogTailedRelu(" + "alpha=" + alpha + ")"; }
}
