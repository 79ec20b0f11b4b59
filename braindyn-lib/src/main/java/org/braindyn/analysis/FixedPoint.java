package org.braindyn.analysis;

/**
 * A fixed point found by an analyser: its coordinates (in target-variable order), the parameter values it belongs to
 * (in target-parameter order; empty for phase planes), its Jacobian, stability class ({@link Stability}) and the
 * auxiliary loss {@code ½‖f‖²} it was accepted with.
 */
public record FixedPoint(double[] x, double[] pars, double[][] jacobian, String stability, double loss) {
    /** True for stable classes. */
    public boolean stable() { return Stability.isStable(stability); }
}
