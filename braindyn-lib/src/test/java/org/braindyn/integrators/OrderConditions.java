package org.braindyn.integrators;

/**
 * Butcher's order conditions for explicit Runge–Kutta tableaux (trees up to order 5), written out so that a tableau's
 * coefficients can be checked exactly, independent of any test problem: {@code Σ bᵢ Φᵢ(τ) = 1/γ(τ)} for every rooted
 * tree {@code τ} of order ≤ p.
 */
final class OrderConditions {
    private OrderConditions() {}

    /** The largest |Σ b Φ − 1/γ| over the trees of order ≤ {@code order} (orders above 5 are checked up to 5). */
    static double worstResidual(double[][] a, double[] b, double[] c, int order) {
        int s = b.length;
        double[] ac = mul(a, c), ac2 = mul(a, pow(c, 2)), aac = mul(a, ac), ac3 = mul(a, pow(c, 3));
        double[] cac = times(c, ac), acac = mul(a, cac), aac2 = mul(a, ac2), aaac = mul(a, aac);
        double worst = 0;
        double[][] conditions = {
            {1, dot(b, ones(s)), 1},
            {2, dot(b, c), 1.0 / 2},
            {3, dot(b, pow(c, 2)), 1.0 / 3}, {3, dot(b, ac), 1.0 / 6},
            {4, dot(b, pow(c, 3)), 1.0 / 4}, {4, dot(b, cac), 1.0 / 8}, {4, dot(b, ac2), 1.0 / 12}, {4, dot(b, aac), 1.0 / 24},
            {5, dot(b, pow(c, 4)), 1.0 / 5}, {5, dot(b, times(pow(c, 2), ac)), 1.0 / 10}, {5, dot(b, times(ac, ac)), 1.0 / 20},
            {5, dot(b, times(c, ac2)), 1.0 / 15}, {5, dot(b, ac3), 1.0 / 20}, {5, dot(b, times(c, aac)), 1.0 / 30},
            {5, dot(b, acac), 1.0 / 40}, {5, dot(b, aac2), 1.0 / 60}, {5, dot(b, aaac), 1.0 / 120}};
        for (double[] k : conditions) if (k[0] <= order) worst = Math.max(worst, Math.abs(k[1] - k[2]));
        return worst;
    }

    private static double[] mul(double[][] a, double[] v) {
        double[] r = new double[v.length];
        for (int i = 0; i < a.length; i++) for (int j = 0; j < a[i].length; j++) r[i] += a[i][j] * v[j];
        return r;
    }

    private static double[] pow(double[] v, int k) {
        double[] r = new double[v.length];
        for (int i = 0; i < v.length; i++) r[i] = Math.pow(v[i], k);
        return r;
    }

    private static double[] times(double[] x, double[] y) {
        double[] r = new double[x.length];
        for (int i = 0; i < x.length; i++) r[i] = x[i] * y[i];
        return r;
    }

    private static double[] ones(int n) { double[] r = new double[n]; java.util.Arrays.fill(r, 1); return r; }

    private static double dot(double[] x, double[] y) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s += x[i] * y[i];
        return s;
    }
}
