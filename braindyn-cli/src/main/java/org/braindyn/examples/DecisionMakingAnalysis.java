package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.Models;
import org.braindyn.analysis.PhasePlane2D;
import org.braindyn.analysis.Setup;
import org.braindyn.plot.BifurcationFigure;
import org.braindyn.plot.PhasePlaneFigure;

/**
 * SPEC R7/R8: the reduced Wong–Wang decision model. Phase planes (s1, s2 ∈ [0, 1], resolution 0.001) without input
 * (five fixed points: three stable, two saddles) and with strong evidence ({@code mu = 30, coh = 1}: one stable
 * point, the decision); the bifurcation over {@code mu ∈ [−30, 90]} (resolution 0.2, coh 0, numRank 50).
 */
public final class DecisionMakingAnalysis implements Example {
    @Override public String name() { return "decision-making-analysis"; }

    @Override public String description() { return "Wong–Wang decision model: phase planes without and with evidence, bifurcation over the input mu"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    private static Setup plane(double coh, double mu, double res, PrintStream log) {
        return Setup.of(Models.decisionMaking()).targetVar("s1", 0, 1).targetVar("s2", 0, 1).par("coh", coh).par("mu", mu).resolutions(res).log(log).build();
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        PrintStream quiet = o.json() ? null : log;
        long t0 = System.nanoTime();
        List<List<FixedPoint>> planes = new ArrayList<>();
        double[][] cases = {{0.5, 0}, {0, 30}, {1, 30}};
        for (int k = 0; k < cases.length; k++) {
            if (quiet != null) quiet.printf("  coh = %.2f, mu = %.0f:%n", cases[k][0], cases[k][1]);
            PhasePlane2D pp = new PhasePlane2D(plane(cases[k][0], cases[k][1], 0.001, quiet));
            var ncs = pp.nullclines();
            List<FixedPoint> fps = pp.fixedPoints();
            planes.add(fps);
            var field = new PhasePlane2D(plane(cases[k][0], cases[k][1], 0.02, null)).vectorField();
            for (String ext : new String[] {"png", "svg"})
                PhasePlaneFigure.titled(String.format(java.util.Locale.ROOT, "Decision model phase plane, coh = %.2f, mu = %.0f", cases[k][0], cases[k][1]))
                        .axes("s1 (gating of population 1)", "s2 (gating of population 2)").vectorField(field, PhasePlaneFigure.Style.QUIVER)
                        .nullclines(ncs).fixedPoints(fps).save(out.resolve(String.format("dm_phase_plane_%d.%s", k, ext)));
        }
        Setup bif = Setup.of(Models.decisionMaking()).targetVar("s1", 0, 1).targetVar("s2", 0, 1).targetPar("mu", -30, 90).resolution("mu", 0.2)
                .par("coh", 0).log(quiet).build();
        Bifurcation2D.Result r = new Bifurcation2D(bif).compute(50, 1e-8, 1e-2);
        double secs = (System.nanoTime() - t0) / 1e9;
        for (String ext : new String[] {"png", "svg"})
            BifurcationFigure.titled("Decision model: fixed points against mu (coh = 0)").axes("mu (input strength, Hz)", "s1 (gating of population 1)")
                    .fixedPoints(r.fixedPoints(), 0, 0).bifurcations(r.bifurcations(), 0, 0).save(out.resolve("dm_bifurcation." + ext));
        if (o.json()) {
            log.println("{\"fixed_points\":" + AnalysisJson.fixedPoints(planes.get(0)) + ",\"fixed_points_mu30_coh1\":" + AnalysisJson.fixedPoints(planes.get(2))
                    + ",\"bifurcations\":" + AnalysisJson.bifurcations(r.bifurcations()) + ",\"bifurcation_candidates\":" + r.candidates()
                    + ",\"bifurcation_fixed_points\":" + r.fixedPoints().size() + ",\"seconds\":" + AnalysisJson.num(secs) + "}");
            return;
        }
        log.printf("  bifurcation over mu: %d candidates, %d fixed points, %d bifurcation points (%.2f s in all)%n", r.candidates(), r.fixedPoints().size(),
                r.bifurcations().size(), secs);
        log.println("  wrote " + out.resolve("dm_phase_plane_0.png") + " … _2.png and " + out.resolve("dm_bifurcation.png") + " (and .svg)");
    }
}
