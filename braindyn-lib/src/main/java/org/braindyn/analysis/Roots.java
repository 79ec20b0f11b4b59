package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** Batched root finding: sign changes on a grid refined by bisection, damped Newton for n-D systems, uniqueness. */
final class Roots {
    private Roots() {}

    /** Bisection steps: the bracket shrinks to float64 resolution for any grid cell. */
    static final int BISECTIONS = 64;

    /**
     * Brackets {@code [lo, hi]} of the roots of a function sampled on {@code xs} (increasing): one per sign change
     * and one per exact zero ({@code lo == hi}). Returns the index of each bracket's left end.
     */
    static int[] brackets(double[] f) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < f.length; i++) {
            if (f[i] == 0) { out.add(i); continue; }                                  // an exact zero on the grid
            if (i + 1 < f.length && f[i + 1] != 0 && (f[i] < 0) != (f[i + 1] < 0) && Double.isFinite(f[i]) && Double.isFinite(f[i + 1])) out.add(i);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Refines all brackets at once: {@code g} evaluates the function at one x per bracket. */
    static double[] bisect(UnaryOperator<double[]> g, double[] lo, double[] hi) {
        double[] a = lo.clone(), b = hi.clone();
        double[] fa = g.apply(a);
        for (int it = 0; it < BISECTIONS; it++) {
            double[] m = new double[a.length];
            boolean moved = false;
            for (int i = 0; i < a.length; i++) {
                m[i] = 0.5 * (a[i] + b[i]);
                if (m[i] != a[i] && m[i] != b[i]) moved = true;
            }
            if (!moved) break;
            double[] fm = g.apply(m);
            for (int i = 0; i < a.length; i++) {
                if (fa[i] == 0 || a[i] == b[i]) continue;
                if (fm[i] == 0) { a[i] = b[i] = m[i]; fa[i] = 0; }
                else if ((fm[i] < 0) == (fa[i] < 0)) { a[i] = m[i]; fa[i] = fm[i]; }
                else b[i] = m[i];
            }
        }
        double[] r = new double[a.length];
        for (int i = 0; i < r.length; i++) r[i] = fa[i] == 0 ? a[i] : 0.5 * (a[i] + b[i]);
        return r;
    }

    /** Evaluates a field at candidate points: {@code x[var][n]} for parameters {@code pars[par][n or 1]}. */
    interface Field { double[][] eval(double[][] x); double[][][] jacobians(double[][] x); }

    /** ½‖f‖² per point. */
    static double[] loss(double[][] f) {
        double[] l = new double[f[0].length];
        for (double[] fi : f) for (int k = 0; k < l.length; k++) l[k] += 0.5 * fi[k] * fi[k];
        return l;
    }

    /**
     * Damped Newton from every candidate at once ({@code x[var][n]} is updated in place): each point steps by
     * {@code −J⁻¹f}, halving the step until ½‖f‖² decreases (up to 20 halvings); points whose Jacobian is singular
     * take a gradient step instead. Returns the final losses.
     */
    static double[] newton(Field field, double[][] x, int iterations) {
        int d = x.length, n = x[0].length;
        double[] loss = loss(field.eval(x));
        for (int it = 0; it < iterations; it++) {
            double[][] f = field.eval(x);
            double[][][] jac = field.jacobians(x);
            double[][] step = new double[d][n];
            boolean any = false;
            for (int k = 0; k < n; k++) {
                if (!(loss[k] > 1e-30) || !Double.isFinite(loss[k])) continue;
                double[] s = solve(jac[k], column(f, k));
                if (s == null) {                                                     // singular: steepest descent on ½‖f‖²
                    s = new double[d];
                    for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) s[j] += jac[k][i][j] * f[i][k];
                }
                for (int i = 0; i < d; i++) step[i][k] = s[i];
                any = true;
            }
            if (!any) break;
            double[] scale = new double[n];
            java.util.Arrays.fill(scale, 1);
            boolean[] done = new boolean[n];
            for (int k = 0; k < n; k++) done[k] = !(loss[k] > 1e-30) || !Double.isFinite(loss[k]);
            for (int halving = 0; halving < 20; halving++) {
                double[][] trial = new double[d][n];
                for (int i = 0; i < d; i++) for (int k = 0; k < n; k++) trial[i][k] = x[i][k] - (done[k] ? 0 : scale[k] * step[i][k]);
                double[] tl = loss(field.eval(trial));
                boolean pending = false;
                for (int k = 0; k < n; k++) {
                    if (done[k]) continue;
                    if (tl[k] < loss[k] || halving == 19) {
                        if (tl[k] < loss[k]) { for (int i = 0; i < d; i++) x[i][k] = trial[i][k]; loss[k] = tl[k]; }
                        done[k] = true;
                    } else { scale[k] *= 0.5; pending = true; }
                }
                if (!pending) break;
            }
        }
        return loss;
    }

    static double[] column(double[][] a, int k) {
        double[] c = new double[a.length];
        for (int i = 0; i < a.length; i++) c[i] = a[i][k];
        return c;
    }

    /** Solves {@code J s = f} by Gaussian elimination with partial pivoting; null when singular. */
    static double[] solve(double[][] jac, double[] f) {
        int d = f.length;
        double[][] a = new double[d][d + 1];
        for (int i = 0; i < d; i++) { System.arraycopy(jac[i], 0, a[i], 0, d); a[i][d] = f[i]; }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
            if (!(Math.abs(a[p][c]) > 1e-300)) return null;
            double[] t = a[c]; a[c] = a[p]; a[p] = t;
            for (int r = c + 1; r < d; r++) {
                double m = a[r][c] / a[c][c];
                for (int k = c; k <= d; k++) a[r][k] -= m * a[c][k];
            }
        }
        double[] s = new double[d];
        for (int i = d - 1; i >= 0; i--) {
            double v = a[i][d];
            for (int k = i + 1; k < d; k++) v -= a[i][k] * s[k];
            s[i] = v / a[i][i];
        }
        for (double v : s) if (!Double.isFinite(v)) return null;
        return s;
    }

    /** Indices of points kept in order, dropping any within {@code tol} (Euclidean) of one already kept. */
    static int[] unique(double[][] pts, int[] order, double tol) {
        List<Integer> kept = new ArrayList<>();
        for (int k : order) {
            boolean dup = false;
            for (int j : kept) {
                double s = 0;
                for (double[] p : pts) s += (p[k] - p[j]) * (p[k] - p[j]);
                if (Math.sqrt(s) < tol) { dup = true; break; }
            }
            if (!dup) kept.add(k);
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }
}
