package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.braindyn.analysis.Bifurcation;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.Models;
import org.braindyn.analysis.Setup;
import org.braindyn.plot.BifurcationFigure;

/**
 * SPEC R5: FitzHugh–Nagumo bifurcations. Codimension 1 over {@code Iext ∈ [0, 1]} (resolution 0.002, numRank 10:
 * 5,000 candidates): one fixed point per current, a Hopf bifurcation near 0.331 and the limit cycle beyond it.
 * Codimension 2 over {@code a ∈ [0.5, 1] × Iext ∈ [0, 1]} (resolution 0.01, tolAux 1e-9: 50,000 candidates): the
 * Hopf curve in the parameter plane.
 */
public final class BifurcationFhn implements Example {
    @Override public String name() { return "bifurcation-fhn"; }

    @Override public String description() { return "FitzHugh–Nagumo: Hopf bifurcation over Iext (codim 1) and the Hopf curve over (a, Iext) (codim 2)"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        PrintStream quiet = o.json() ? null : log;
        long t0 = System.nanoTime();
        Setup one = Setup.of(Models.fhn()).targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("Iext", 0, 1).resolution("Iext", 0.002)
                .par("a", 0.7).par("b", 0.8).par("tau", 12.5).log(quiet).build();
        Bifurcation2D b1 = new Bifurcation2D(one);
        Bifurcation2D.Result r1 = b1.compute(10, 1e-8, 1e-2);
        List<Bifurcation2D.Cycle> cycles = b1.limitCyclesBySim(r1, 300, 0.05, 0.01, 0.1);
        double codim1 = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Setup two = Setup.of(Models.fhn()).targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("a", 0.5, 1).targetPar("Iext", 0, 1)
                .resolution("a", 0.01).resolution("Iext", 0.01).par("b", 0.8).par("tau", 12.5).log(quiet).build();
        Bifurcation2D.Result r2 = new Bifurcation2D(two).compute(10, 1e-9, 1e-2);
        double codim2 = (System.nanoTime() - t1) / 1e9;
        for (String ext : new String[] {"png", "svg"}) {
            BifurcationFigure.titled("FitzHugh–Nagumo: fixed points and limit cycles against Iext (a = 0.7)").axes("Iext (dimensionless)", "V (dimensionless)")
                    .fixedPoints(r1.fixedPoints(), 0, 0).limitCycles(cycles, 0).bifurcations(r1.bifurcations(), 0, 0).save(out.resolve("fhn_bifurcation_codim1." + ext));
            BifurcationFigure.titled("FitzHugh–Nagumo: Hopf curve in the (a, Iext) plane").axes("a (dimensionless)", "Iext (dimensionless)")
                    .parameterPlane(r2.bifurcations()).save(out.resolve("fhn_bifurcation_codim2." + ext));
        }
        List<Bifurcation> hopf2 = r2.bifurcations().stream().filter(b -> b.kind().equals("hopf")).toList();
        if (o.json()) {
            log.println("{\"bifurcations\":" + AnalysisJson.bifurcations(r1.bifurcations()) + ",\"codim1_candidates\":" + r1.candidates()
                    + ",\"codim1_fixed_points\":" + r1.fixedPoints().size() + ",\"limit_cycles\":" + cycles.size() + ",\"codim1_seconds\":" + AnalysisJson.num(codim1)
                    + ",\"codim2_candidates\":" + r2.candidates() + ",\"codim2_fixed_points\":" + r2.fixedPoints().size() + ",\"codim2_hopf_points\":" + hopf2.size()
                    + ",\"codim2_seconds\":" + AnalysisJson.num(codim2) + "}");
            return;
        }
        r1.bifurcations().forEach(b -> log.printf("  codim 1: %s at Iext = %.4f, V = %.4f%n", b.kind(), b.pars()[0], b.x()[0]));
        log.printf("  codim 1: %d candidates, %d fixed points, %d limit cycles (%.2f s); codim 2: %d candidates, %d fixed points, %d Hopf points (%.2f s)%n",
                r1.candidates(), r1.fixedPoints().size(), cycles.size(), codim1, r2.candidates(), r2.fixedPoints().size(), hopf2.size(), codim2);
        log.println("  wrote " + out.resolve("fhn_bifurcation_codim1.png") + " and " + out.resolve("fhn_bifurcation_codim2.png") + " (and .svg)");
    }
}
