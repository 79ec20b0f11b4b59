package org.braindyn.analysis;

import java.util.List;

/**
 * Stability of a fixed point from its Jacobian, with BrainPy's class names.
 * <ul>
 * <li>1-D, from {@code f'}: {@code f' < 0} stable point, {@code f' > 0} unstable point, {@code f' = 0} saddle node.</li>
 * <li>2-D, from trace {@code p}, determinant {@code q} and discriminant {@code e = p² − 4q}: {@code q < 0} saddle node;
 *     {@code q = 0}: center manifold ({@code p ≤ 0}) or unstable line; {@code p = 0}: center; otherwise stable
 *     ({@code p < 0}) or unstable ({@code p > 0}) focus ({@code e < 0}), node ({@code e > 0}), and for {@code e = 0}
 *     star (a multiple of the identity) or degenerate.</li>
 * <li>3-D, from the eigenvalues: all real and negative stable node, all positive unstable node, mixed signs unstable
 *     saddle, a zero among them unclassified stable / unstable point; one real and a complex pair: stable focus (all
 *     real parts negative), unstable center (real eigenvalue negative, pair on the imaginary axis), otherwise unstable
 *     focus; a non-finite Jacobian is unknown 3d.</li>
 * </ul>
 */
public final class Stability {
    private Stability() {}

    public static final String SADDLE_NODE = "saddle node", STABLE_POINT_1D = "stable point", UNSTABLE_POINT_1D = "unstable point";
    public static final String CENTER_MANIFOLD = "center manifold", UNSTABLE_LINE = "unstable line", CENTER = "center";
    public static final String STABLE_FOCUS = "stable focus", STABLE_NODE = "stable node", STABLE_STAR = "stable star", STABLE_DEGENERATE = "stable degenerate";
    public static final String UNSTABLE_FOCUS = "unstable focus", UNSTABLE_NODE = "unstable node", UNSTABLE_STAR = "unstable star", UNSTABLE_DEGENERATE = "unstable degenerate";
    public static final String STABLE_POINT_3D = "unclassified stable point", UNSTABLE_POINT_3D = "unclassified unstable point";
    public static final String STABLE_NODE_3D = "stable node", UNSTABLE_SADDLE_3D = "unstable saddle", UNSTABLE_NODE_3D = "unstable node";
    public static final String STABLE_FOCUS_3D = "stable focus", UNSTABLE_FOCUS_3D = "unstable focus", UNSTABLE_CENTER_3D = "unstable center", UNKNOWN_3D = "unknown 3d";

    /** Every 1-D class name. */
    public static List<String> types1D() { return List.of(SADDLE_NODE, STABLE_POINT_1D, UNSTABLE_POINT_1D); }

    /** Every 2-D class name. */
    public static List<String> types2D() {
        return List.of(SADDLE_NODE, CENTER_MANIFOLD, UNSTABLE_LINE, CENTER, STABLE_FOCUS, STABLE_NODE, STABLE_STAR, STABLE_DEGENERATE,
                UNSTABLE_FOCUS, UNSTABLE_NODE, UNSTABLE_STAR, UNSTABLE_DEGENERATE);
    }

    /** Every 3-D class name. */
    public static List<String> types3D() {
        return List.of(STABLE_POINT_3D, UNSTABLE_POINT_3D, STABLE_NODE_3D, UNSTABLE_SADDLE_3D, UNSTABLE_NODE_3D, STABLE_FOCUS_3D,
                UNSTABLE_FOCUS_3D, UNSTABLE_CENTER_3D, UNKNOWN_3D);
    }

    /** The class of a 1-D fixed point with slope {@code df}. */
    public static String of1D(double df) { return df == 0 ? SADDLE_NODE : df < 0 ? STABLE_POINT_1D : UNSTABLE_POINT_1D; }

    /** The class of a fixed point with a 1×1, 2×2 or 3×3 Jacobian. */
    public static String of(double[][] jacobian) {
        if (jacobian == null || jacobian.length == 0) throw new IllegalArgumentException("Stability.of: a 1×1, 2×2 or 3×3 Jacobian is required; got none");
        for (double[] row : jacobian)
            if (row.length != jacobian.length)
                throw new IllegalArgumentException("Stability.of: the Jacobian must be square; got a row of " + row.length + " in a " + jacobian.length + "-row matrix");
        return switch (jacobian.length) {
            case 1 -> of1D(jacobian[0][0]);
            case 2 -> of2D(jacobian);
            case 3 -> of3D(jacobian);
            default -> throw new IllegalArgumentException("Stability.of: classification exists for 1-, 2- and 3-D systems; got a "
                    + jacobian.length + "×" + jacobian.length + " Jacobian (use its eigenvalues, e.g. SlowPointFinder.decomposeEigenvalues)");
        };
    }

    static String of2D(double[][] j) {
        double p = j[0][0] + j[1][1], q = j[0][0] * j[1][1] - j[0][1] * j[1][0], e = p * p - 4 * q;
        if (q < 0) return SADDLE_NODE;
        if (q == 0) return p <= 0 ? CENTER_MANIFOLD : UNSTABLE_LINE;
        if (p == 0) return CENTER;
        boolean star = j[0][1] == 0 && j[1][0] == 0 && j[0][0] == j[1][1];
        if (p > 0) return e < 0 ? UNSTABLE_FOCUS : e > 0 ? UNSTABLE_NODE : star ? UNSTABLE_STAR : UNSTABLE_DEGENERATE;
        return e < 0 ? STABLE_FOCUS : e > 0 ? STABLE_NODE : star ? STABLE_STAR : STABLE_DEGENERATE;
    }

    static String of3D(double[][] j) {
        for (double[] row : j) for (double v : row) if (!Double.isFinite(v)) return UNKNOWN_3D;
        double[][] ev = Eigen3.eigenvalues(j);   // {re[3], im[3]}
        double[] re = ev[0], im = ev[1];
        double norm = 0;
        for (double[] row : j) for (double v : row) norm = Math.max(norm, Math.abs(v));
        double eps = 1e-12 * (1 + norm);                                    // the closed form's rounding, not the model's
        for (int k = 0; k < 3; k++) { if (Math.abs(re[k]) <= eps) re[k] = 0; if (Math.abs(im[k]) <= eps) im[k] = 0; }
        int complex = 0, realIdx = -1;
        for (int k = 0; k < 3; k++) if (im[k] != 0) complex++; else realIdx = k;
        if (complex == 0) {
            double min = Math.min(re[0], Math.min(re[1], re[2])), max = Math.max(re[0], Math.max(re[1], re[2]));
            boolean zero = re[0] == 0 || re[1] == 0 || re[2] == 0;
            if (zero) return max <= 0 ? STABLE_POINT_3D : UNSTABLE_POINT_3D;
            if (max < 0) return STABLE_NODE_3D;
            if (min > 0) return UNSTABLE_NODE_3D;
            return UNSTABLE_SADDLE_3D;
        }
        if (complex == 2) {
            double real = re[realIdx], pairRe = re[(realIdx + 1) % 3];
            if (real < 0 && pairRe < 0) return STABLE_FOCUS_3D;
            if (real < 0 && pairRe == 0) return UNSTABLE_CENTER_3D;
            return UNSTABLE_FOCUS_3D;
        }
        return UNKNOWN_3D;
    }

    /** True for the classes of stable fixed points. */
    public static boolean isStable(String type) {
        return type.startsWith("stable") || type.equals(STABLE_POINT_3D);
    }
}
