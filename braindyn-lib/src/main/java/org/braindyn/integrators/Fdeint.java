package org.braindyn.integrators;

import org.braindyn.tensor.Tensor;

/**
 * Factory of fractional-order integrators (BrainPy's {@code bp.fde.fdeint}, {@code CaputoEuler},
 * {@code CaputoL1Schema}, {@code GLShortMemory}); the default scheme is the L1 scheme, as in BrainPy.
 */
public final class Fdeint {
    private Fdeint() {}

    /**
     * @param f      the right-hand side
     * @param alpha  one order per variable, each in (0, 1] (a single value applies to all)
     * @param inits  initial values
     * @param scheme the discretisation
     * @param dt     step in ms
     * @param numStep for Caputo schemes the planned number of steps; for GL the memory window (BrainPy {@code num_step})
     */
    public static FdeIntegrator fdeint(Derivative f, double[] alpha, Tensor[] inits, FdeIntegrator.Scheme scheme, double dt, int numStep) {
        OdeIntegrator.requireDt(dt);
        if (inits.length == 0) throw new IllegalArgumentException("fdeint: needs at least one initial value");
        double[] a = alpha.length == 1 && inits.length > 1 ? java.util.Collections.nCopies(inits.length, alpha[0]).stream().mapToDouble(Double::doubleValue).toArray() : alpha;
        if (a.length != inits.length)
            throw new IllegalArgumentException("fdeint: " + alpha.length + " orders for " + inits.length + " variables; give one per variable or a single one");
        for (double x : a) if (!(x > 0 && x <= 1)) throw new IllegalArgumentException("fdeint: alpha must be in (0, 1]; got " + x);
        if (numStep < 1) throw new IllegalArgumentException("fdeint: num_step must be >= 1; got " + numStep);
        return new FdeIntegrator(f, scheme, a, inits, dt, numStep);
    }

    /** The L1 scheme (BrainPy's default {@code 'CaputoL1'}). */
    public static FdeIntegrator fdeint(Derivative f, double[] alpha, Tensor[] inits, double dt, int numStep) {
        return fdeint(f, alpha, inits, FdeIntegrator.Scheme.CAPUTO_L1, dt, numStep);
    }
}
