package org.braindyn.integrators;

import java.util.Arrays;

/**
 * An explicit Runge–Kutta method as data: nodes {@code c}, the strictly lower-triangular matrix {@code a}, weights
 * {@code b} of the propagated solution and its order; adaptive methods add the weights {@code bErr} of the embedded
 * solution and its order. One generic stepper ({@link OdeIntegrator}) serves every tableau.
 * <pre>
 *  c₁ |
 *  c₂ | a₂₁
 *  c₃ | a₃₁ a₃₂
 *  ---+------------
 *     | b₁  b₂  b₃
 * </pre>
 *
 * @param name      BrainPy's keyword ({@code "rk4"})
 * @param c         nodes, {@code c[0] = 0}
 * @param a         row {@code i} holds {@code a[i][0..i-1]}
 * @param b         weights of the propagated solution
 * @param order     order of the propagated solution
 * @param bErr      weights of the embedded solution, or null for fixed-step methods
 * @param errOrder  order of the embedded solution (0 when none)
 */
public record ButcherTableau(String name, double[] c, double[][] a, double[] b, int order, double[] bErr, int errOrder) {
    public ButcherTableau {
        int s = b.length;
        if (s == 0 || c.length != s || a.length != s)
            throw new IllegalArgumentException("ButcherTableau '" + name + "': c, a and b must have one entry per stage; got "
                    + c.length + ", " + a.length + ", " + s);
        for (int i = 0; i < s; i++) {
            if (a[i].length > i) throw new IllegalArgumentException("ButcherTableau '" + name + "': row " + i + " of a has " + a[i].length
                    + " entries; an explicit method allows at most " + i);
            double row = Arrays.stream(a[i]).sum();
            if (Math.abs(row - c[i]) > 1e-8) throw new IllegalArgumentException("ButcherTableau '" + name + "': row " + i
                    + " of a sums to " + row + " but c[" + i + "] = " + c[i] + "; expected equal (consistency)");
        }
        if (Math.abs(Arrays.stream(b).sum() - 1) > 1e-8)
            throw new IllegalArgumentException("ButcherTableau '" + name + "': weights b sum to " + Arrays.stream(b).sum() + "; expected 1");
        if (bErr != null && bErr.length != s)
            throw new IllegalArgumentException("ButcherTableau '" + name + "': embedded weights need " + s + " entries; got " + bErr.length);
        if (order < 1) throw new IllegalArgumentException("ButcherTableau '" + name + "': order must be >= 1; got " + order);
    }

    /** A fixed-step explicit method. */
    public static ButcherTableau explicit(String name, int order, double[][] a, double[] b) {
        return new ButcherTableau(name, nodes(a), a, b, order, null, 0);
    }

    /** An adaptive method with an embedded solution of order {@code errOrder}. */
    public static ButcherTableau adaptive(String name, int order, double[][] a, double[] b, int errOrder, double[] bErr) {
        return new ButcherTableau(name, nodes(a), a, b, order, bErr, errOrder);
    }

    private static double[] nodes(double[][] a) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = Arrays.stream(a[i]).sum();
        return c;
    }

    /** Number of stages. */
    public int stages() { return b.length; }

    /** True if it carries an embedded error estimate. */
    public boolean isAdaptive() { return bErr != null; }

    /** The stepping scheme as text (BrainPy's {@code show_code}). */
    public String describe() {
        StringBuilder sb = new StringBuilder(name + " (order " + order + (isAdaptive() ? ", embedded order " + errOrder : "") + ")\n");
        for (int i = 0; i < stages(); i++) {
            sb.append("  k").append(i + 1).append(" = f(y");
            for (int j = 0; j < a[i].length; j++) if (a[i][j] != 0) sb.append(a[i][j] > 0 ? " + " : " - ").append(fmt(Math.abs(a[i][j]))).append("·dt·k").append(j + 1);
            sb.append(", t").append(c[i] != 0 ? " + " + fmt(c[i]) + "·dt" : "").append(")\n");
        }
        sb.append("  y_next = y + dt·(");
        boolean first = true;
        for (int i = 0; i < stages(); i++) {
            if (b[i] == 0) continue;
            sb.append(first ? (b[i] < 0 ? "-" : "") : (b[i] < 0 ? " - " : " + ")).append(fmt(Math.abs(b[i]))).append("·k").append(i + 1);
            first = false;
        }
        sb.append(")\n");
        if (isAdaptive()) sb.append("  error = dt·Σ (b_i − b̂_i)·k_i with b̂ = ").append(Arrays.toString(bErr)).append('\n');
        return sb.toString();
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.6g", v);
    }
}
