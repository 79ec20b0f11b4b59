package org.braindyn.integrators;

import java.util.Locale;

/**
 * The built-in ODE methods, named as in BrainPy ({@code bp.odeint(method='rk4')}); {@link #fromName} accepts
 * BrainPy's keywords and aliases. Explicit methods carry their {@link ButcherTableau}; {@code EXP_EULER} /
 * {@code EXP_AUTO} are the exponential Euler method with the linear part found by autodiff.
 */
public enum Method {
    EULER(Tableaux.EULER), MIDPOINT(Tableaux.MIDPOINT), HEUN2(Tableaux.HEUN2), RALSTON2(Tableaux.RALSTON2), RK2(Tableaux.rk2(2.0 / 3)),
    RK3(Tableaux.RK3), HEUN3(Tableaux.HEUN3), RALSTON3(Tableaux.RALSTON3), SSPRK3(Tableaux.SSPRK3),
    RK4(Tableaux.RK4), RALSTON4(Tableaux.RALSTON4), RK4_38RULE(Tableaux.RK4_38),
    RKF12(Tableaux.RKF12), RKF45(Tableaux.RKF45), RKDP(Tableaux.RKDP), CK(Tableaux.CK), BS(Tableaux.BS), HEUN_EULER(Tableaux.HEUN_EULER),
    EXP_EULER(null), EXP_AUTO(null);

    private final ButcherTableau tableau;

    Method(ButcherTableau tableau) { this.tableau = tableau; }

    /** The tableau, or null for the exponential methods. */
    public ButcherTableau tableau() { return tableau; }

    /** Declared order (1 for exponential Euler). */
    public int order() { return tableau == null ? 1 : tableau.order(); }

    /** True for methods with an embedded error estimate. */
    public boolean isAdaptive() { return tableau != null && tableau.isAdaptive(); }

    /** BrainPy's keyword. */
    public String keyword() { return name().toLowerCase(Locale.ROOT); }

    /** Every method's BrainPy keyword, comma-separated, for messages. */
    public static String keywords() {
        return String.join(", ", java.util.Arrays.stream(values()).map(Method::keyword).toList());
    }

    /** The method named by a BrainPy keyword or alias ({@code "rk4"}, {@code "exponential_euler"}, {@code "dopri"}, …). */
    public static Method fromName(String name) {
        String k = name == null ? "" : name.strip().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (k) {
            case "euler", "forward_euler" -> EULER;
            case "midpoint", "modified_euler" -> MIDPOINT;
            case "heun2", "heun" -> HEUN2;
            case "ralston2" -> RALSTON2;
            case "rk2" -> RK2;
            case "rk3" -> RK3;
            case "heun3" -> HEUN3;
            case "ralston3" -> RALSTON3;
            case "ssprk3" -> SSPRK3;
            case "rk4" -> RK4;
            case "ralston4" -> RALSTON4;
            case "rk4_38rule", "rk4_38" -> RK4_38RULE;
            case "rkf12" -> RKF12;
            case "rkf45" -> RKF45;
            case "rkdp", "dopri", "dopri5", "dormand_prince" -> RKDP;   // Dormand–Prince 5(4); DOP853 (order 8) is not provided
            case "ck", "cash_karp" -> CK;
            case "bs", "bogacki_shampine" -> BS;
            case "heun_euler" -> HEUN_EULER;
            case "exp_euler", "exponential_euler" -> EXP_EULER;
            case "exp_auto", "exp_euler_auto" -> EXP_AUTO;
            default -> throw new IllegalArgumentException("odeint: unknown method '" + name + "'; known: " + keywords()
                    + " (or register a tableau with Odeint.register)");
        };
    }
}
