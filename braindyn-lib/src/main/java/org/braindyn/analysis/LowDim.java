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

    /** Points where target component {@code comp} vanishes: sign changes along both grid axes, refined by bisection. */
    double[][] nullcline(int comp, double[][] pv) {
        double[] xs = setup.grid(setup.targetVarNames().get(0)), ys = setup.grid(setup.targetVarNames().get(1));
        int nx = xs.length, ny = ys.length;
        double[] gx = new double[nx * ny], gy = new double[nx * ny];
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) { gx[j * nx + i] = xs[i]; gy[j * nx + i] = ys[j]; }
        double[] fv = f(new double[][] {gx, gy}, pv)[comp];
        List<double[]> along = new ArrayList<>();   // {fixed coordinate, lo, hi, axis}
        for (int j = 0; j < ny; j++) {              // along x, y fixed
            double[] row = new double[nx];
            for (int i = 0; i < nx; i++) row[i] = fv[j * nx + i];
            for (int i : Roots.brackets(row)) along.add(new double[] {ys[j], xs[i], row[i] == 0 ? xs[i] : xs[i + 1], 0});
        }
        for (int i = 0; i < nx; i++) {              // along y, x fixed
            double[] col = new double[ny];
            for (int j = 0; j < ny; j++) col[j] = fv[j * nx + i];
            for (int j : Roots.brackets(col)) along.add(new double[] {xs[i], ys[j], col[j] == 0 ? ys[j] : ys[j + 1], 1});
        }
        int m = along.size();
        double[] lo = new double[m], hi = new double[m], fixed = new double[m];
        boolean[] alongY = new boolean[m];
        for (int k = 0; k < m; k++) { fixed[k] = along.get(k)[0]; lo[k] = along.get(k)[1]; hi[k] = along.get(k)[2]; alongY[k] = along.get(k)[3] == 1; }
        double[] r = Roots.bisect(v -> {
            double[] px = new double[m], py = new double[m];
            for (int k = 0; k < m; k++) { px[k] = alongY[k] ? fixed[k] : v[k]; py[k] = alongY[k] ? v[k] : fixed[k]; }
            return f(new double[][] {px, py}, pv)[comp];
        }, lo, hi);
        double[][] pts = new double[2][m];
        for (int k = 0; k < m; k++) { pts[0][k] = alongY[k] ? fixed[k] : r[k]; pts[1][k] = alongY[k] ? r[k] : fixed[k]; }
        return pts;
    }

    /** The {@code numRank} grid points of lowest ½‖f‖² for each parameter point: {@code {cand[var][m], owner[m]}}. */
    Object[] auxRank(double[][] parPoints, int points, int numRank) {
        List<String> tv = setup.targetVarNames();
        int d = tv.size(), g = 1;
        double[][] grids = new double[d][];
        for (int i = 0; i < d; i++) { grids[i] = setup.grid(tv.get(i)); g *= grids[i].length; }
        double[][] base = new double[d][g];
        for (int k = 0, stride = g; k < d; k++) {
            stride /= grids[k].length;
            for (int q = 0; q < g; q++) base[k][q] = grids[k][(q / stride) % grids[k].length];
        }
        int rank = Math.min(numRank, g), chunk = Math.max(1, 1_000_000 / g);
        double[][] cand = new double[d][points * rank];
        int[] owner = new int[points * rank];
        for (int start = 0; start < points; start += chunk) {
            int len = Math.min(chunk, points - start);
            double[][] x = new double[d][g * len];
            for (int k = 0; k < len; k++) for (int i = 0; i < d; i++) System.arraycopy(base[i], 0, x[i], k * g, g);
            double[][] pv = new double[parPoints.length][];
            for (int i = 0; i < pv.length; i++) pv[i] = java.util.Arrays.copyOfRange(parPoints[i], start, start + len);
            double[] loss = Roots.loss(f(x, repeat(pv, g)));
            for (int k = 0; k < len; k++) {
                final int off = k * g;
                Integer[] order = new Integer[g];
                for (int q = 0; q < g; q++) order[q] = q;
                java.util.Arrays.sort(order, (u, v) -> Double.compare(nanLast(loss[off + u]), nanLast(loss[off + v])));
                for (int r = 0; r < rank; r++) {
                    int c = (start + k) * rank + r;
                    for (int i = 0; i < d; i++) cand[i][c] = base[i][order[r]];
                    owner[c] = start + k;
                }
            }
        }
        return new Object[] {cand, owner};
    }

    private static double nanLast(double v) { return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v; }

    /**
     * Refines candidates ({@code cand[var][m]}, each belonging to parameter point {@code owner[m]}) by damped Newton,
     * keeps those with ½‖f‖² below {@code tolAux} inside the target ranges, removes duplicates closer than
     * {@code tolUnique} per parameter point and classifies the rest. One list per parameter point.
     */
    List<List<FixedPoint>> refine(double[][] cand, int[] owner, double[][] parPoints, int points, double tolAux, double tolUnique) {
        int d = cand.length, m = cand[0].length;
        double[][] pv = new double[parPoints.length][m];
        for (int i = 0; i < parPoints.length; i++) for (int c = 0; c < m; c++) pv[i][c] = parPoints[i][owner[c]];
        double[][] x = new double[d][];
        for (int i = 0; i < d; i++) x[i] = cand[i].clone();
        double[] loss = m == 0 ? new double[0] : Roots.newton(field(pv), x, 40);
        List<String> tv = setup.targetVarNames();
        double[][] ranges = new double[d][];
        for (int i = 0; i < d; i++) ranges[i] = setup.range(tv.get(i));
        List<List<Integer>> kept = new ArrayList<>();
        for (int k = 0; k < points; k++) kept.add(new ArrayList<>());
        for (int c = 0; c < m; c++) {
            if (!(loss[c] < tolAux)) continue;
            boolean inside = true;
            for (int i = 0; i < d; i++) {
                double span = ranges[i][1] - ranges[i][0];
                if (x[i][c] < ranges[i][0] - 1e-6 * span || x[i][c] > ranges[i][1] + 1e-6 * span) inside = false;
            }
            if (inside) kept.get(owner[c]).add(c);
        }
        List<Integer> all = new ArrayList<>();
        List<List<Integer>> uniq = new ArrayList<>();
        for (List<Integer> idx : kept) {
            int[] order = idx.stream().sorted((u, v) -> Double.compare(loss[u], loss[v])).mapToInt(Integer::intValue).toArray();
            List<Integer> u = new ArrayList<>();
            for (int c : Roots.unique(x, order, tolUnique)) u.add(c);
            u.sort((p, q) -> Double.compare(x[0][p], x[0][q]));
            uniq.add(u);
            all.addAll(u);
        }
        int n = all.size();
        double[][] fx = new double[d][n], fp = new double[parPoints.length][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < d; i++) fx[i][k] = x[i][all.get(k)];
            for (int i = 0; i < parPoints.length; i++) fp[i][k] = pv[i][all.get(k)];
        }
        double[][][] j = n == 0 ? new double[0][][] : jac(fx, fp);
        List<List<FixedPoint>> out = new ArrayList<>();
        int k = 0;
        for (List<Integer> u : uniq) {
            List<FixedPoint> here = new ArrayList<>();
            for (int c : u) {
                double[] pt = new double[d], pars = new double[parPoints.length];
                for (int i = 0; i < d; i++) pt[i] = x[i][c];
                for (int i = 0; i < pars.length; i++) pars[i] = pv[i][c];
                here.add(new FixedPoint(pt, pars, j[k], Stability.of(j[k]), loss[c]));
                k++;
            }
            out.add(here);
        }
        return out;
    }

    /**
     * Fixed points along a closed-form nullcline (BrainPy's {@code options}): the 2-D search becomes a 1-D root search
     * of the other component along the curve, on the grid of the curve's free variable; one list per parameter point.
     */
    List<List<FixedPoint>> alongCurve(Setup.Option opt, Setup.Curve curve, double[][] parPoints, int points) {
        boolean freeIsX = opt == Setup.Option.Y_BY_X_IN_FX || opt == Setup.Option.Y_BY_X_IN_FY;
        int solve = opt == Setup.Option.X_BY_Y_IN_FX || opt == Setup.Option.Y_BY_X_IN_FX ? 1 : 0;   // the other component
        double[] grid = setup.grid(setup.targetVarNames().get(freeIsX ? 0 : 1));
        int g = grid.length;
        List<double[]> brackets = new ArrayList<>();
        for (int k = 0; k < points; k++) {
            final int pk = k;
            double[][] pv = new double[parPoints.length][1];
            for (int i = 0; i < pv.length; i++) pv[i][0] = parPoints[i][k];
            double[] other = new double[g];
            var lookup = setup.parLookup(parPoints, pk);
            for (int q = 0; q < g; q++) other[q] = curve.value(grid[q], lookup);
            double[] h = f(freeIsX ? new double[][] {grid, other} : new double[][] {other, grid}, pv)[solve];
            for (int i : Roots.brackets(h)) brackets.add(new double[] {grid[i], h[i] == 0 ? grid[i] : grid[i + 1], k});
        }
        int nb = brackets.size();
        double[] lo = new double[nb], hi = new double[nb];
        int[] owner = new int[nb];
        double[][] bp = new double[parPoints.length][nb];
        for (int b = 0; b < nb; b++) {
            lo[b] = brackets.get(b)[0];
            hi[b] = brackets.get(b)[1];
            owner[b] = (int) brackets.get(b)[2];
            for (int i = 0; i < bp.length; i++) bp[i][b] = parPoints[i][owner[b]];
        }
        java.util.function.UnaryOperator<double[]> otherOf = v -> {
            double[] o = new double[v.length];
            for (int b = 0; b < v.length; b++) o[b] = curve.value(v[b], setup.parLookup(bp, b));
            return o;
        };
        double[] r = Roots.bisect(v -> {
            double[] o = otherOf.apply(v);
            return f(freeIsX ? new double[][] {v, o} : new double[][] {o, v}, bp)[solve];
        }, lo, hi);
        double[] o = otherOf.apply(r);
        double[][] cand = freeIsX ? new double[][] {r, o} : new double[][] {o, r};
        return refine(cand, owner, parPoints, points, Double.POSITIVE_INFINITY, 1e-9);
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
