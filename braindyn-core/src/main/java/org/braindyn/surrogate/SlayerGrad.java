package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;

import org.braindyn.tensor.Tensor;

/**
 * Heaviside spike with the surrogate derivative {@code g'(x) = e^{−α|x|}}.
 * <pre>{@code Tensor spike = new SlayerGrad().apply(x);}</pre>
 */
public final class SlayerGrad extends Surrogate {
    private final double alpha;

    /** With BrainPy's defaults (1.0). */
    public SlayerGrad() { this(1.0); }

    /**
     * @param alpha decay rate (default 1.0)
     */
    public SlayerGrad(double alpha) {
        this.alpha = alpha;
    }

    @Override public Tensor grad(Tensor x) { return exp(abs(x).mul(-alpha)); }

    @Override public String toString() { return "SlayerGrad(" + "alpha=" + alpha + ")"; }
}
