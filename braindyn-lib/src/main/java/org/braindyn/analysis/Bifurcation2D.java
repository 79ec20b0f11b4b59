package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Bifurcation analysis of a two-variable system over one parameter (codimension 1) or two (codimension 2)
 * (BrainPy's {@code Bifurcation2D}): fixed points at every point of the parameter grid — the {@code numRank} grid
 * points of lowest {@code ½‖f‖²} per parameter point as candidates ({@code select_candidates='aux_rank'}), refined
 * by damped Newton, kept below {@code tolAux}, de-duplicated within {@code tolUnique}, classified — with folds and
 * Hopf bifurcations between neighbouring parameter points, and limit cycles found by simulating from the unstable
 * fixed points ({@code plot_limit_cycle_by_sim}). With an option on the setup the search runs along that closed-form
 * nullcline instead (BrainPy's brentq path).
 * <pre>{@code
 * Setup s = Setup.of(fhn).targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("Iext", 0, 1)
 *         .par("a", 0.7).par("b", 0.8).par("tau", 12.5).resolution("Iext", 0.002).build();
 * Bifurcation2D.Result r = new Bifurcation2D(s).compute(10, 1e-8, 1e-2);   // 5000 candidates
 * }</pre>
 */
public final class Bifurcation2D extends LowDim {
    /** Fixed points, bifurcations, the number of candidates tried and the parameter grid (target-parameter order). */
    public record Result(List<FixedPoint> fixedPoints, List<Bifurcation> bifurcations, int candidates, double[][] parameterGrid,
                         List<List<FixedPoint>> byParameterPoint) {}

    /** A limit cycle at one parameter point (codimension 1). */
    public record Cycle(double[] pars, LimitCycle cycle) {}

    public Bifurcation2D(Setup setup) { this("Bifurcation2D", setup); }

    Bifurcation2D(String name, Setup setup) {
        super(name, setup);
        setup.requireShape(name, 2, 1, 2);
    }

    /** With BrainPy's defaults: {@code num_rank=100, tol_aux=1e-8, tol_unique=1e-2}. */
    public Result compute() { return compute(100, 1e-8, 1e-2); }

    /** The diagram ({@code plot_bifurcation(num_rank, tol_aux, tol_unique, with_plot=False, with_return=True)}). */
    public Result compute(int numRank, double tolAux, double tolUnique) {
        if (numRank < 1) throw new IllegalArgumentException(name + ".compute: numRank must be >= 1; got " + numRank);
        if (!(tolAux > 0) || !(tolUnique > 0)) throw new IllegalArgumentException(name + ".compute: tolAux and tolUnique must be > 0; got " + tolAux + ", " + tolUnique);
        log("I am making bifurcation analysis ...");
        double[][] pg = parameterGrid();
        int points = pg[0].length;
        List<List<FixedPoint>> byPoint;
        int candidates;
        if (!setup.options.isEmpty()) {
            var e = setup.options.entrySet().iterator().next();
            log("I am trying to find fixed points by brentq optimization along %s ...", e.getKey());
            byPoint = alongCurve(e.getKey(), e.getValue(), pg, points);
            candidates = points;
        } else {
            log("I am filtering out fixed point candidates with auxiliary function ...");
            Object[] ar = auxRank(pg, points, numRank);
            double[][] cand = (double[][]) ar[0];
            candidates = cand[0].length;
            log("I am trying to find fixed points by optimization ...");
            log("\tThere are %d candidates", candidates);
            log("I am trying to filter out duplicate fixed points ...");
            byPoint = refine(cand, (int[]) ar[1], pg, points, tolAux, tolUnique);
        }
        List<FixedPoint> all = new ArrayList<>();
        byPoint.forEach(all::addAll);
        log("\tFound %d fixed points.", all.size());
        int[] sizes = setup.targetParNames().stream().mapToInt(p -> setup.grid(p).length).toArray();
        List<Bifurcation> bif = Detector.scan(byPoint, pg, sizes);
        return new Result(all, bif, candidates, pg, byPoint);
    }

    /**
     * Limit cycles by simulation (codimension 1): from each unstable fixed point offset by {@code offset} in every
     * variable, RK4 for {@code duration} with step {@code dt}; a cycle is kept where the trajectory returns within
     * {@code tol}. The cycles' minima and maxima are the diagram's limit-cycle branches.
     */
    public List<Cycle> limitCyclesBySim(Result r, double duration, double dt, double tol, double offset) {
        if (setup.targetPars.size() != 1) throw new IllegalArgumentException(name + ".limitCyclesBySim: defined for one target parameter; got " + setup.targetPars.keySet());
        if (!(duration > 0) || !(dt > 0) || !(tol > 0)) throw new IllegalArgumentException(name + ".limitCyclesBySim: need duration, dt, tol > 0");
        log("I am plotting the limit cycle ...");
        List<FixedPoint> starts = r.fixedPoints().stream().filter(p -> !p.stable() && !p.stability().equals(Stability.SADDLE_NODE)).toList();
        int n = starts.size(), steps = (int) Math.round(duration / dt);
        List<Cycle> out = new ArrayList<>();
        if (n == 0) return out;
        double[][] x0 = new double[2][n], pv = new double[1][n];
        for (int k = 0; k < n; k++) {
            x0[0][k] = starts.get(k).x()[0] + offset;
            x0[1][k] = starts.get(k).x()[1] + offset;
            pv[0][k] = starts.get(k).pars()[0];
        }
        double[][][] tr = Integrate.rk4(x -> f(x, pv), x0, dt, steps);
        for (int k = 0; k < n; k++) {
            LimitCycle lc = Integrate.limitCycle(new double[][] {tr[0][k], tr[1][k]}, dt, tol);
            if (lc != null) out.add(new Cycle(starts.get(k).pars(), lc));
        }
        log("\tFound %d limit cycles.", out.size());
        return out;
    }
}
