package org.braindyn.integrators;

import org.braindyn.random.RandomState;

/**
 * Factory of SDE integrators for {@code dy = f(y, t, p)·dt + g(y, t, p)·dW} (BrainPy's {@code bp.sdeint}): drift
 * and diffusion share the {@link Derivative} signature. Defaults as BrainPy: Euler, Itô, scalar noise.
 * <ul>
 * <li>{@link WienerType#SCALAR}: {@code g} has each variable's shape and every element gets its own independent
 *     Wiener increment {@code dW ~ N(0, dt)} (diagonal noise).</li>
 * <li>{@link WienerType#VECTOR}: {@code g} has the variable's shape plus a trailing axis of {@code m} noise
 *     sources; one {@code m}-dimensional increment is shared by all variables: noise {@code Σₖ g[…, k]·dWₖ}.</li>
 * </ul>
 * <pre>{@code
 * SdeIntegrator ou = Sdeint.sdeint((y, t, p) -> new Tensor[] {y[0].mul(-1)}, (y, t, p) -> new Tensor[] {BM.onesLike(y[0]).mul(0.3)},
 *         SdeMethod.MILSTEIN, Sdeint.IntgType.ITO, Sdeint.WienerType.SCALAR, 0.01, new RandomState(1));
 * }</pre>
 */
public final class Sdeint {
    /** Interpretation of the stochastic integral. */
    public enum IntgType { ITO, STRATONOVICH }

    /** Structure of the noise. */
    public enum WienerType { SCALAR, VECTOR }

    private Sdeint() {}

    /** An SDE integrator; {@code rng} draws the Wiener increments (same seed, same path). */
    public static SdeIntegrator sdeint(Derivative f, Derivative g, SdeMethod method, IntgType type, WienerType wiener, double dt, RandomState rng) {
        OdeIntegrator.requireDt(dt);
        if (f == null || g == null) throw new IllegalArgumentException("sdeint: both the drift f and the diffusion g are required");
        if (!method.supports(type, wiener))
            throw new IllegalArgumentException("sdeint: method '" + method.keyword() + "' does not support " + type + " integrals with "
                    + wiener + " noise; supported: " + supported(method));
        return new SdeIntegrator(f, g, method, type, wiener, dt, rng == null ? new RandomState(0) : rng);
    }

    /** Euler–Maruyama, Itô, scalar noise. */
    public static SdeIntegrator sdeint(Derivative f, Derivative g, double dt, RandomState rng) {
        return sdeint(f, g, SdeMethod.EULER, IntgType.ITO, WienerType.SCALAR, dt, rng);
    }

    private static String supported(SdeMethod m) {
        StringBuilder sb = new StringBuilder();
        for (IntgType t : IntgType.values()) for (WienerType w : WienerType.values())
            if (m.supports(t, w)) sb.append(sb.isEmpty() ? "" : ", ").append(t).append('/').append(w);
        return sb.toString();
    }
}
