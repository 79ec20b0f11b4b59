package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.braindyn.analysis.Bifurcation1D;
import org.braindyn.analysis.FastSlow1D;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.LimitCycle;
import org.braindyn.analysis.Models;
import org.braindyn.analysis.PhasePlane2D;
import org.braindyn.analysis.Setup;
import org.braindyn.plot.BifurcationFigure;
import org.braindyn.plot.PhasePlaneFigure;

/**
 * SPEC R4: the FitzHugh–Nagumo phase plane at {@code Iext = 0.8} (a 0.7, b 0.8, τ 12.5; V, w ∈ [−3, 3] at resolution
 * 0.01): nullclines, streamlines, the single fixed point (an unstable node near (−0.2729, 0.5339)), a trajectory from
 * (−2.8, −1.8) for 100 time units, and the limit cycle it converges to. Then the fast–slow view ({@link FastSlow1D}):
 * with {@code w} slow (τ = 12.5), the fast subsystem's fixed points in V over w form an S with folds at
 * {@code w = I ± 2/3}, and the relaxation oscillation jumps between its outer branches at those folds.
 */
public final class PhasePlaneFhn implements Example {
    @Override public String name() { return "phase-plane-fhn"; }

    @Override public String description() { return "FitzHugh–Nagumo phase plane: nullclines, streamlines, fixed point, trajectory, limit cycle"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        long t0 = System.nanoTime();
        Setup s = Setup.of(Models.fhn()).targetVar("V", -3, 3).targetVar("w", -3, 3)
                .par("Iext", 0.8).par("a", 0.7).par("b", 0.8).par("tau", 12.5).resolutions(0.01).log(o.json() ? null : log).build();
        PhasePlane2D pp = new PhasePlane2D(s);
        var nullclines = pp.nullclines();
        List<FixedPoint> fps = pp.fixedPoints();
        var field = new PhasePlane2D(Setup.of(Models.fhn()).targetVar("V", -3, 3).targetVar("w", -3, 3)
                .par("Iext", 0.8).par("a", 0.7).par("b", 0.8).par("tau", 12.5).resolutions(0.1).log(null).build()).vectorField();
        PhasePlane2D.Trajectory tr = pp.trajectory(new double[] {-2.8, -1.8}, 100, 0.01);
        LimitCycle lc = pp.limitCycleBySim(new double[] {-2.8, -1.8}, 300, 0.01, 0.01);
        var fast = new java.util.LinkedHashMap<String, double[]>();
        var slow = new java.util.LinkedHashMap<String, double[]>();
        fast.put("V", new double[] {-3, 3});
        slow.put("w", new double[] {-1, 2.5});
        java.util.Map<String, Double> pars = java.util.Map.of("Iext", 0.8, "a", 0.7, "b", 0.8, "tau", 12.5);
        FastSlow1D fs = new FastSlow1D(Models.fhn(), fast, slow, pars, java.util.Map.of("V", 0.01, "w", 0.005), o.json() ? null : log);
        Bifurcation1D.Result s1 = fs.bifurcation();
        double[][] full = fs.trajectory(new double[] {-2.8, -1.8}, 200, 0.01, pars);
        double secs = (System.nanoTime() - t0) / 1e9;
        for (String ext : new String[] {"png", "svg"})
            BifurcationFigure.titled("FitzHugh–Nagumo fast–slow view: V fixed points over slow w, with the oscillation").axes("w (slow variable, dimensionless)", "V (fast variable, dimensionless)")
                    .trajectory("trajectory from (−2.8, −1.8)", full[1], full[0]).fixedPoints(s1.fixedPoints(), 0, 0).bifurcations(s1.bifurcations(), 0, 0)
                    .save(out.resolve("fhn_fast_slow." + ext));
        for (String ext : new String[] {"png", "svg"})
            PhasePlaneFigure.titled("FitzHugh–Nagumo phase plane, Iext = 0.8").axes("V (dimensionless)", "w (dimensionless)")
                    .vectorField(field, PhasePlaneFigure.Style.STREAMLINES).nullclines(nullclines).trajectory("trajectory from (−2.8, −1.8)", tr)
                    .limitCycle("limit cycle", lc).fixedPoints(fps).save(out.resolve("fhn_phase_plane." + ext));
        if (o.json()) {
            log.println("{\"fixed_points\":" + AnalysisJson.fixedPoints(fps) + ",\"limit_cycle_period\":" + AnalysisJson.num(lc == null ? Double.NaN : lc.period())
                    + ",\"seconds\":" + AnalysisJson.num(secs) + "}");
            return;
        }
        log.printf("  limit cycle: %s; analysis took %.2f s%n", lc == null ? "none" : String.format("period %.2f, V in [%.2f, %.2f]", lc.period(), lc.min()[0], lc.max()[0]), secs);
        s1.bifurcations().forEach(b -> log.printf("  fast–slow: %s of the fast subsystem at w = %.4f (closed form Iext ± 2/3: 0.1333, 1.4667)%n", b.kind(), b.pars()[0]));
        log.println("  wrote " + out.resolve("fhn_phase_plane.png") + " and fhn_fast_slow.png (and .svg)");
    }
}
