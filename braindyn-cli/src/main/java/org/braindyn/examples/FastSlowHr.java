package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.FastSlow2D;
import org.braindyn.analysis.Models;
import org.braindyn.plot.BifurcationFigure;

/**
 * Fast–slow analysis of the Hindmarsh–Rose burster as in SPEC R6 (fast x ∈ [−3, 3], y ∈ [−10, 5]; slow z ∈ [−5, 5]
 * at resolution 0.01, numRank 20: 20,000 candidates), at {@code Isyn = 2}, where the full system bursts (R6's
 * {@code Isyn = 0.5} is checked in the tests): the fast subsystem's fixed points over z, its fold at
 * {@code z = 1 + Isyn − x³ − 2x²} at {@code x = −4/3} (the lower knee, z ≈ 1.81) and Hopf point, and the bursting trajectory drawn over
 * them in the (z, x) plane: a hysteresis loop between the lower knee and the end of the spiking branch.
 */
public final class FastSlowHr implements Example {
    @Override public String name() { return "fast-slow-hr"; }

    @Override public String description() { return "Hindmarsh–Rose bursting: fast subsystem against the slow variable, with a trajectory"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        long t0 = System.nanoTime();
        LinkedHashMap<String, double[]> fast = new LinkedHashMap<>(), slow = new LinkedHashMap<>();
        fast.put("x", new double[] {-3, 3});
        fast.put("y", new double[] {-10, 5});
        slow.put("z", new double[] {-5, 5});
        FastSlow2D fs = new FastSlow2D(Models.hindmarshRose(), fast, slow, Map.of("Isyn", 2.0), Map.of("z", 0.01), o.json() ? null : log);
        Bifurcation2D.Result r = fs.bifurcation(20);
        double[][] tr = fs.trajectory(new double[] {-1.6, -10, 2}, 2000, 0.05, Map.of("Isyn", 2.0));
        double secs = (System.nanoTime() - t0) / 1e9;
        int skip = tr[0].length / 4;   // drop the transient
        double[] z = java.util.Arrays.copyOfRange(tr[2], skip, tr[2].length), x = java.util.Arrays.copyOfRange(tr[0], skip, tr[0].length);
        for (String ext : new String[] {"png", "svg"})
            BifurcationFigure.titled("Hindmarsh–Rose (Isyn = 2): fast subsystem (x, y) against slow z, with a bursting trajectory")
                    .axes("z (slow variable, dimensionless)", "x (membrane variable, dimensionless)").trajectory("trajectory of the full system", z, x)
                    .fixedPoints(r.fixedPoints(), 0, 0).bifurcations(r.bifurcations(), 0, 0).save(out.resolve("hr_fast_slow." + ext));
        if (o.json()) {
            log.println("{\"candidates\":" + r.candidates() + ",\"fixed_point_count\":" + r.fixedPoints().size() + ",\"bifurcations\":"
                    + AnalysisJson.bifurcations(r.bifurcations()) + ",\"seconds\":" + AnalysisJson.num(secs) + "}");
            return;
        }
        log.printf("  %d candidates, %d fixed points, %d bifurcation points (%.2f s)%n", r.candidates(), r.fixedPoints().size(), r.bifurcations().size(), secs);
        log.println("  wrote " + out.resolve("hr_fast_slow.png") + " (and .svg)");
    }
}
