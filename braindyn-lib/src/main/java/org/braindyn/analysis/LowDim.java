package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the low-dimensional analysers share (BrainPy's {@code LowDimAnalyzer}): the target subsystem's field and
 * Jacobian at many points with per-point parameter values, 1-D root finding on the grid of the first target variable,
 * n-D fixed-point refinement, classification and console lines.
 */
abstract class LowDim {
    final Setup setup;
    final String name;
    final int[] targetIdx;

    LowDim(String name, Setup setup) {
        if (setup == null) throw new IllegalArgumentException(name + ": the setup is null; build one with Setup.of(field)...build()");
        this.name = name;
        this.setup = setup;
        List<String> vars = setup.field.variables();
        targetIdx = setup.targetVarNames().stream().mapToInt(vars::indexOf).toArray();
    }

    int dims() { return targetIdx.length; }

    /** The target components of the field at {@code n} points ({@code tv[target][n]}, {@code pv[targetPar][n or 1]}). */
    double[][] f(double[][] tv, double[][] pv) {
        int n = tv[0].length;
        double[][] all = setup.field.eval(setup.varArgs(tv, n), setup.parArgs(pv, n));
        double[][] out = new double[targetIdx.length][];
        for (int i = 0; i < out.length; i++) out[i] = all[targetIdx[i]];
        return out;
    }

    /** The Jacobian of the target subsystem, {@code [n][targets][targets]}. */
    double[][][] jac(double[][] tv, double[][] pv) {
        int n = tv[0].length, d = targetIdx.length;
        double[][][] all = setup.field.jacobians(setup.varArgs(tv, n), setup.parArgs(pv, n));
        double[][][] out = new double[n][d][d];
        for (int k = 0; k < n; k++) for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) out[k][i][j] = all[k][targetIdx[i]][targetIdx[j]];
        return out;
    }

    Roots.Field field(double[][] pv) {
        return new Roots.Field() {
            @Override public double[][] eval(double[][] x) { return f(x, pv); }
            @Override public double[][][] jacobians(double[][] x) { return jac(x, pv); }
        };
    }

    /** Parameter values repeated for {@code reps} consecutive points each: {@code [targetPar][points · reps]}. */
    static double[][] repeat(double[][] parPoints, int reps) {
        double[][] out = new double[parPoints.length][];
        for (int i = 0; i < parPoints.length; i++) {
            out[i] = new double[parPoints[i].length * reps];
            for (int k = 0; k < parPoints[i].length; k++) java.util.Arrays.fill(out[i], k * reps, (k + 1) * reps, parPoints[i][k]);
        }
        return out;
    }

    /** Every combination of the target parameters' grids (first parameter slowest): {@code [targetPar][combos]}. */
    double[][] parameterGrid() {
        List<String> names = setup.targetParNames();
        int total = 1;
        for (String p : names) total *= setup.grid(p).length;
        double[][] out = new double[names.size()][total];
        int stride = total;
        for (int i = 0; i < names.size(); i++) {
            double[] g = setup.grid(names.get(i));
            stride /= g.length;
            for (int k = 0; k < total; k++) out[i][k] = g[(k / stride) % g.length];
        }
        return out;
    }

    /**
     * Roots of the 1-D target field for each parameter point, one list per point, (each column of {@code parPoints}), on the first target's
     * grid: sign changes refined by bisection, then classified by the slope. Processes the parameter points in chunks
     * so that grid × chunk stays near a million evaluations.
     */
    List<List<FixedPoint>> roots1D(double[][] parPoints) {
        double[] grid = setup.grid(setup.targetVarNames().get(0));
        int g = grid.length, points = parPoints.length == 0 ? 1 : parPoints[0].length;
        int chunk = Math.max(1, 1_000_000 / g);
        List<List<FixedPoint>> out = new ArrayList<>();
        for (int k = 0; k < points; k++) out.add(new ArrayList<>());
        for (int start = 0; start < points; start += chunk) {
            int len = Math.min(chunk, points - start);
            double[][] pv = new double[parPoints.length][];
            for (int i = 0; i < pv.length; i++) pv[i] = java.util.Arrays.copyOfRange(parPoints[i], start, start + len);
            double[] xs = new double[g * len];
            for (int k = 0; k < len; k++) System.arraycopy(grid, 0, xs, k * g, g);
            double[] fx = f(new double[][] {xs}, repeat(pv, g))[0];
            List<double[]> brackets = new ArrayList<>();   // {lo, hi, parameter point}
            for (int k = 0; k < len; k++) {
                double[] row = java.util.Arrays.copyOfRange(fx, k * g, (k + 1) * g);
                for (int i : Roots.brackets(row)) brackets.add(new double[] {grid[i], row[i] == 0 ? grid[i] : grid[i + 1], k});
            }
            if (brackets.isEmpty()) continue;
            int nb = brackets.size();
            double[] lo = new double[nb], hi = new double[nb];
            double[][] bp = new double[pv.length][nb];
            for (int b = 0; b < nb; b++) {
                lo[b] = brackets.get(b)[0];
                hi[b] = brackets.get(b)[1];
                for (int i = 0; i < pv.length; i++) bp[i][b] = pv[i][(int) brackets.get(b)[2]];
            }
            double[] roots = Roots.bisect(x -> f(new double[][] {x}, bp)[0], lo, hi);
            double[][][] j = jac(new double[][] {roots}, bp);
            double[] loss = Roots.loss(f(new double[][] {roots}, bp));
            for (int b = 0; b < nb; b++) {
                double[] pars = new double[pv.length];
                for (int i = 0; i < pv.length; i++) pars[i] = bp[i][b];
                out.get(start + (int) brackets.get(b)[2]).add(new FixedPoint(new double[] {roots[b]}, pars, j[b], Stability.of(j[b]), loss[b]));
            }
        }
        return out;
    }

    void log(String fmt, Object... args) {
        if (setup.log != null) setup.log.println(String.format(Locale.ROOT, fmt, args));
    }

    /** {@code V=-0.2738719079879798, w=0.5329731346879486}. */
    String coords(double[] x) {
        List<String> names = setup.targetVarNames();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < x.length; i++) sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(x[i]);
        return sb.toString();
    }

    String parCoords(double[] p) {
        List<String> names = setup.targetParNames();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.length; i++) sb.append(i == 0 ? "" : ", ").append(names.get(i)).append('=').append(p[i]);
        return sb.toString();
    }
}
