package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import java.util.List;
import org.braindyn.analysis.Bifurcation1D;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.Models;
import org.braindyn.analysis.PhasePlane1D;
import org.braindyn.analysis.Setup;
import org.braindyn.plot.BifurcationFigure;
import org.braindyn.plot.LineFigure;

/**
 * SPEC R3: the ExpIF neuron's subthreshold bifurcation over the input current (V_rest −65, V_T −59.9, Δ_T 1, R 1,
 * τ 10; V ∈ [−70, −55] mV, I_ext ∈ [0, 6] at resolution 0.01): a stable and an unstable branch meet in a fold at
 * {@code V = V_T}, {@code I = V_T − V_rest − Δ_T = 4.1}, above which the neuron fires. Also the phase line at
 * {@code I_ext = 2} ({@link PhasePlane1D}): the stable resting point and the unstable threshold.
 */
public final class BifurcationExpIf implements Example {
    @Override public String name() { return "bifurcation-expif"; }

    @Override public String description() { return "ExpIF neuron: fixed points against input current, the fold at I = 4.1"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        long t0 = System.nanoTime();
        Setup s = Setup.of(Models.expIf(-65, -59.9, 1, 1, 10)).targetVar("V", -70, -55).targetPar("I_ext", 0, 6).resolutions(0.01)
                .log(o.json() ? null : log).build();
        Bifurcation1D.Result r = new Bifurcation1D(s).compute();
        double secs = (System.nanoTime() - t0) / 1e9;
        PhasePlane1D line = new PhasePlane1D(Setup.of(Models.expIf(-65, -59.9, 1, 1, 10)).targetVar("V", -70, -55).par("I_ext", 2)
                .resolutions(0.01).log(o.json() ? null : log).build());
        PhasePlane1D.Field field = line.vectorField();
        List<FixedPoint> fps = line.fixedPoints();
        for (String ext : new String[] {"png", "svg"}) {
            LineFigure f = LineFigure.titled("ExpIF phase line at I_ext = 2: resting point and threshold").xLabel("V (mV)").yLabel("dV/dt (mV/ms)")
                    .series("dV/dt", field.x(), field.dxdt()).series("dV/dt = 0", new double[] {-70, -55}, new double[] {0, 0}).yRange(-0.4, 1.6);
            for (FixedPoint p : fps) f.points(p.stability() + String.format(java.util.Locale.ROOT, " (V = %.2f mV)", p.x()[0]), new double[] {p.x()[0]}, new double[] {0});
            f.save(out.resolve("expif_phase_line." + ext));
        }
        for (String ext : new String[] {"png", "svg"})
            BifurcationFigure.titled("ExpIF neuron (Δ_T = 1 mV): resting and threshold branches").axes("I_ext (input current)", "V (mV)")
                    .fixedPoints(r.fixedPoints(), 0, 0).bifurcations(r.bifurcations(), 0, 0).save(out.resolve("expif_bifurcation." + ext));
        if (o.json()) {
            log.println("{\"bifurcations\":" + AnalysisJson.bifurcations(r.bifurcations()) + ",\"fixed_point_count\":" + r.fixedPoints().size()
                    + ",\"seconds\":" + AnalysisJson.num(secs) + "}");
            return;
        }
        r.bifurcations().forEach(b -> log.printf("  %s at I_ext = %.3f, V = %.3f mV (closed form: 4.1, −59.9)%n", b.kind(), b.pars()[0], b.x()[0]));
        log.println("  wrote " + out.resolve("expif_bifurcation.png") + " and expif_phase_line.png (and .svg)");
    }
}
