package org.braindyn.analysis;

import java.util.List;

/**
 * Phase plane of a two-variable system (BrainPy's {@code PhasePlane2D}): the vector field on the grid, both
 * nullclines, the fixed points (candidates refined by damped Newton on {@code f = 0}, kept when
 * {@code ½‖f‖² < tolAux}, de-duplicated within {@code tolUnique}, classified from the autodiff Jacobian), trajectories
 * and limit cycles found by simulation. Other variables are held at their {@code fixedVar} values.
 * <pre>{@code
 * Setup s = Setup.of(fhn).targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.01).build();
 * PhasePlane2D pp = new PhasePlane2D(s);
 * List<PhasePlane2D.Nullcline> ncs = pp.nullclines();
 * List<FixedPoint> fps = pp.fixedPoints();           // #1 V=-0.2729, w=0.5339 is a unstable node.
 * PhasePlane2D.Trajectory tr = pp.trajectory(new double[] {-2.8, -1.8}, 100, 0.01);
 * }</pre>
 */
public final class PhasePlane2D extends LowDim {
    /** The field on the grid: {@code dx[j][i]}, {@code dy[j][i]} at {@code (x[i], y[j])}. */
    public record Field(double[] x, double[] y, double[][] dx, double[][] dy) {}

    /** Points where one component of the field vanishes. */
    public record Nullcline(String variable, double[] x, double[] y) {}

    /** A simulated trajectory: {@code t} and the two target variables at each time. */
    public record Trajectory(double[] t, double[] x, double[] y) {}

    public PhasePlane2D(Setup setup) {
        super("PhasePlane2D", setup);
        setup.requireShape(name, 2, 0, 0);
    }

    /** The field on the target grids ({@code plot_vector_field}). */
    public Field vectorField() {
        log("I am creating the vector field ...");
        double[] xs = setup.grid(setup.targetVarNames().get(0)), ys = setup.grid(setup.targetVarNames().get(1));
        int nx = xs.length, ny = ys.length;
        double[] gx = new double[nx * ny], gy = new double[nx * ny];
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) { gx[j * nx + i] = xs[i]; gy[j * nx + i] = ys[j]; }
        double[][] fv = f(new double[][] {gx, gy}, new double[0][]);
        double[][] dx = new double[ny][nx], dy = new double[ny][nx];
        for (int j = 0; j < ny; j++) for (int i = 0; i < nx; i++) { dx[j][i] = fv[0][j * nx + i]; dy[j][i] = fv[1][j * nx + i]; }
        return new Field(xs, ys, dx, dy);
    }

    /** The fx- and fy-nullclines ({@code plot_nullcline}). */
    public List<Nullcline> nullclines() {
        List<String> tv = setup.targetVarNames();
        log("I am computing fx-nullcline ...");
        double[][] a = nullcline(0, new double[0][]);
        log("I am computing fy-nullcline ...");
        double[][] b = nullcline(1, new double[0][]);
        return List.of(new Nullcline(tv.get(0), a[0], a[1]), new Nullcline(tv.get(1), b[0], b[1]));
    }

    /** Fixed points from fx-nullcline candidates, tolAux 1e-8, tolUnique 1e-2 (BrainPy's defaults). */
    public List<FixedPoint> fixedPoints() { return fixedPoints(Candidates.FX_NULLCLINE, 100, 1e-2, 1e-8); }

    /**
     * Fixed points ({@code plot_fixed_point(select_candidates, num_rank, tol_unique, tol_aux)}); with an option set on
     * the setup, the search runs along that closed-form nullcline instead.
     */
    public List<FixedPoint> fixedPoints(Candidates select, int numRank, double tolUnique, double tolAux) {
        if (numRank < 1) throw new IllegalArgumentException(name + ".fixedPoints: numRank must be >= 1; got " + numRank);
        if (!(tolUnique > 0) || !(tolAux > 0)) throw new IllegalArgumentException(name + ".fixedPoints: tolUnique and tolAux must be > 0; got " + tolUnique + ", " + tolAux);
        log("I am searching fixed points ...");
        List<FixedPoint> fps;
        double[][] none = new double[0][1];
        if (!setup.options.isEmpty()) {
            var e = setup.options.entrySet().iterator().next();
            log("I am trying to find fixed points by brentq optimization along %s ...", e.getKey());
            fps = alongCurve(e.getKey(), e.getValue(), none, 1).get(0);
        } else {
            double[][] cand = switch (select) {
                case FX_NULLCLINE -> nullcline(0, new double[0][]);
                case FY_NULLCLINE -> nullcline(1, new double[0][]);
                case NULLCLINES -> concat(nullcline(0, new double[0][]), nullcline(1, new double[0][]));
                case AUX_RANK -> (double[][]) auxRank(none, 1, numRank)[0];
            };
            log("I am trying to find fixed points by optimization ...");
            log("\tThere are %d candidates", cand[0].length);
            fps = refine(cand, new int[cand[0].length], none, 1, tolAux, tolUnique).get(0);
        }
        log("\tFound %d fixed points.", fps.size());
        for (int i = 0; i < fps.size(); i++) log("\t#%d %s is a %s.", i + 1, coords(fps.get(i).x()), fps.get(i).stability());
        return fps;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] c = new double[2][a[0].length + b[0].length];
        for (int i = 0; i < 2; i++) {
            System.arraycopy(a[i], 0, c[i], 0, a[i].length);
            System.arraycopy(b[i], 0, c[i], a[i].length, b[i].length);
        }
        return c;
    }

    /** A trajectory from {@code initial} for {@code duration} with RK4 steps of {@code dt} ({@code plot_trajectory}). */
    public Trajectory trajectory(double[] initial, double duration, double dt) {
        if (initial == null || initial.length != 2) throw new IllegalArgumentException(name + ".trajectory: the initial point needs 2 values " + setup.targetVarNames());
        if (!(duration > 0) || !(dt > 0) || dt > duration) throw new IllegalArgumentException(name + ".trajectory: need 0 < dt <= duration; got dt " + dt + ", duration " + duration);
        log("I am plotting the trajectory ...");
        int steps = (int) Math.round(duration / dt);
        double[][][] tr = Integrate.rk4(x -> f(x, new double[0][]), new double[][] {{initial[0]}, {initial[1]}}, dt, steps);
        double[] t = new double[steps + 1];
        for (int s = 0; s <= steps; s++) t[s] = s * dt;
        return new Trajectory(t, tr[0][0], tr[1][0]);
    }

    /** The limit cycle reached from {@code initial} within {@code duration}, or null ({@code plot_limit_cycle_by_sim}). */
    public LimitCycle limitCycleBySim(double[] initial, double duration, double dt, double tol) {
        if (!(tol > 0)) throw new IllegalArgumentException(name + ".limitCycleBySim: tol must be > 0; got " + tol);
        Trajectory tr = trajectory(initial, duration, dt);
        log("I am searching a limit cycle by simulation ...");
        LimitCycle lc = Integrate.limitCycle(new double[][] {tr.x(), tr.y()}, dt, tol);
        log(lc == null ? "\tNo limit cycle found." : String.format(java.util.Locale.ROOT, "\tFound a limit cycle of period %.4g.", lc.period()));
        return lc;
    }
}
