package org.braindyn.dyn.neurons;

/**
 * Parameters of {@link Lif}; units mV, ms, MΩ. BrainPy names in brackets.
 *
 * @param vRest  resting potential [V_rest], mV
 * @param vReset reset potential [V_reset], mV
 * @param vTh    threshold [V_th], mV
 * @param tau    membrane time constant [tau], ms
 * @param r      membrane resistance [R]
 * @param tauRef refractory period [tau_ref], ms (0: none)
 */
public record LifParams(double vRest, double vReset, double vTh, double tau, double r, double tauRef) {
    public LifParams {
        for (double[] v : new double[][] {{vRest}, {vReset}, {vTh}})
            if (!Double.isFinite(v[0])) throw new IllegalArgumentException("LifParams: potentials must be finite mV; got vRest " + vRest + ", vReset " + vReset + ", vTh " + vTh);
        if (!(tau > 0) || Double.isInfinite(tau)) throw new IllegalArgumentException("Lif.tau [tau]: must be > 0 ms, got " + tau);
        if (!(r > 0) || Double.isInfinite(r)) throw new IllegalArgumentException("Lif.r [R]: must be > 0 MΩ, got " + r);
        if (!(vTh > vReset)) throw new IllegalArgumentException("Lif.vTh [V_th] (" + vTh + " mV) must exceed vReset [V_reset] (" + vReset + " mV)");
        if (!(tauRef >= 0) || Double.isInfinite(tauRef)) throw new IllegalArgumentException("Lif.tauRef [tau_ref]: must be >= 0 ms, got " + tauRef);
    }

    /** BrainPy's {@code bp.dyn.Lif} defaults: V_rest 0, V_reset −5, V_th 20, τ 10, R 1, no refractory period. */
    public static LifParams defaults() { return new LifParams(0, -5, 20, 10, 1, 0); }

    /** A copy with refractory period {@code tauRef} ms ({@code LifRef}). */
    public LifParams withTauRef(double tauRef) { return new LifParams(vRest, vReset, vTh, tau, r, tauRef); }
}
