package org.braindyn.integrators;

import java.util.Locale;

/**
 * The SDE methods with their support matrix (BrainPy's {@code bp.sdeint(method=…)}); an unsupported
 * combination of interpretation and noise type is refused by {@link Sdeint#sdeint} with a message naming all three.
 */
public enum SdeMethod {
    /** Euler–Maruyama (Itô); Euler–Heun (Stratonovich). Strong order 0.5 (1.0 for additive noise). */
    EULER(true, true, true, true),
    /** Stochastic Heun, predictor–corrector on drift and diffusion (Stratonovich). */
    HEUN(false, true, true, true),
    /**
     * Derivative-free Milstein (Itô and Stratonovich), strong order 1.0 for scalar (diagonal) noise and for vector
     * noise that commutes (iterated integrals {@code I_jk ≈ ½(ΔW_j ΔW_k − δ_jk dt)}, no Lévy areas).
     */
    MILSTEIN(true, true, true, true),
    /** Exponential Euler on the drift (linear part by autodiff) plus Euler–Maruyama noise (Itô). */
    EXP_EULER(true, false, true, true),
    /** Rößler's SRI1W1 stochastic Runge–Kutta: weak order 2, strong order 1.5 (Itô, scalar noise). */
    SRK1W1(true, false, true, false),
    /** Rößler's SRI2W1 stochastic Runge–Kutta: strong order 1.5, deterministic order 3 (Itô, scalar noise). */
    SRK2W1(true, false, true, false),
    /** Kloeden–Platen's derivative-free scheme of strong order 1 (Itô, scalar noise): the same stepping as Itô {@link #MILSTEIN}. */
    KLPL(true, false, true, false);

    private final boolean ito, stratonovich, scalar, vector;

    SdeMethod(boolean ito, boolean stratonovich, boolean scalar, boolean vector) {
        this.ito = ito;
        this.stratonovich = stratonovich;
        this.scalar = scalar;
        this.vector = vector;
    }

    /** Whether this method supports the interpretation and noise type. */
    public boolean supports(Sdeint.IntgType type, Sdeint.WienerType wiener) {
        return (type == Sdeint.IntgType.ITO ? ito : stratonovich) && (wiener == Sdeint.WienerType.SCALAR ? scalar : vector);
    }

    /** BrainPy's keyword. */
    public String keyword() { return name().toLowerCase(Locale.ROOT); }

    /** The method named by a BrainPy keyword. */
    public static SdeMethod fromName(String name) {
        String k = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return switch (k) {
            case "euler", "euler_maruyama" -> EULER;
            case "heun" -> HEUN;
            case "milstein", "milstein_grad_free" -> MILSTEIN;
            case "exp_euler", "exponential_euler", "exp_auto" -> EXP_EULER;
            case "srk1w1", "srk1w1_scalar" -> SRK1W1;
            case "srk2w1", "srk2w1_scalar" -> SRK2W1;
            case "klpl", "klpl_scalar" -> KLPL;
            default -> throw new IllegalArgumentException("sdeint: unknown method '" + name + "'; known: euler, heun, milstein, exp_euler, srk1w1, srk2w1, klpl");
        };
    }
}
