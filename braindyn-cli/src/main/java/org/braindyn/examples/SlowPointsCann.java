package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.braindyn.analysis.Models;
import org.braindyn.analysis.SlowPointFinder;
import org.braindyn.linalg.Linalg;
import org.braindyn.plot.Animation;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * SPEC R10: the fixed points of a continuous-attractor network (CANN1D, 512 neurons, k 0.1, A 30): 629 noisy bumps
 * (stimuli at positions −π … π in steps of 0.01, plus N(0, 0.01²)) as candidates, the quasi-Newton solver, then
 * {@code filterLoss(1e-6)} and {@code keepUnique(0.025)}. The fixed points form a ring in the plane of their first
 * two principal components (a line attractor), and each Jacobian has an eigenvalue near 0 (the direction along the
 * ring). Also writes an animated GIF of a bump relaxing onto the attractor.
 */
public final class SlowPointsCann implements Example {
    @Override public String name() { return "slow-points-cann"; }

    @Override public String description() { return "CANN1D fixed points by the slow-point finder: a ring attractor (PCA), Jacobian spectra, a bump animation"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        PrintStream quiet = o.json() ? null : log;
        Models.Cann1D cann = new Models.Cann1D(512, 1, 0.1, 0.5, 30, 4);
        int nc = (int) Math.ceil(2 * Math.PI / 0.01);
        double[] pos = new double[nc];
        for (int i = 0; i < nc; i++) pos[i] = -Math.PI + 0.01 * i;
        Tensor cand = cann.stimulus(pos).add(new RandomState(0).normal(0, 0.01, nc, 512).astype(DType.F64));
        long t0 = System.nanoTime();
        SlowPointFinder finder = new SlowPointFinder(cann::cell, SlowPointFinder.Type.CONTINUOUS, quiet);
        finder.findFpsWithOptSolver(cand);
        finder.filterLoss(1e-6);
        finder.keepUnique(0.025);
        double secs = (System.nanoTime() - t0) / 1e9;
        Tensor fps = finder.fixedPoints();
        int k = fps.dim(0);
        // PCA of the fixed points: project the centred points on the two leading right singular vectors
        Tensor centred = fps.sub(mean(fps, 0));
        Tensor vt = Linalg.svd(centred, false).vt();
        Tensor pcs = matmul(centred, vt.get("0:2").transpose());
        double[] pc1 = pcs.get(":, 0").toDoubleArray(), pc2 = pcs.get(":, 1").toDoubleArray();
        Tensor jac = finder.computeJacobians(fps.get("0:" + Math.min(4, k)));
        List<SlowPointFinder.Eigen> eig = SlowPointFinder.decomposeEigenvalues(jac, "real");
        double leading = eig.get(0).re()[0];
        for (String ext : new String[] {"png", "svg"}) {
            LineFigure.titled("CANN1D fixed points in principal-component space (" + k + " points)").xLabel("PC 1").yLabel("PC 2")
                    .points("fixed points", pc1, pc2).save(out.resolve("cann_fixed_points_pca." + ext));
            double imMax = java.util.Arrays.stream(eig.get(0).im()).map(Math::abs).max().orElse(0);
            LineFigure.titled("Jacobian eigenvalues at the first fixed point (512 of them)").xLabel("real part (1/ms)").yLabel("imaginary part (1/ms)")
                    .points("eigenvalues", eig.get(0).re(), eig.get(0).im()).yRange(-Math.max(0.5, 1.2 * imMax), Math.max(0.5, 1.2 * imMax))
                    .save(out.resolve("cann_eigenvalues." + ext));
        }
        // a noisy, shifted bump relaxing onto the attractor, as an animation
        Tensor u = cann.stimulus(new double[] {0.5}).add(new RandomState(1).normal(0, 2, 1, 512).astype(DType.F64));
        int steps = 400;
        double[][] frames = new double[steps][];
        for (int s = 0; s < steps; s++) {
            frames[s] = u.reshape(-1).toDoubleArray();
            u = u.add(cann.cell(u).mul(0.05));
        }
        Animation.animate1D(frames, cann.positions(), 0.05, "CANN1D bump relaxing onto the attractor", "preferred position (rad)", "u (synaptic input)", 8, 60,
                out.resolve("cann_bump.gif"));
        if (o.json()) {
            log.println("{\"candidates\":" + nc + ",\"fixed_points_kept\":" + k + ",\"leading_eigenvalue\":" + AnalysisJson.num(leading)
                    + ",\"seconds\":" + AnalysisJson.num(secs) + "}");
            return;
        }
        log.printf("  %d of %d candidates kept in %.2f s; the leading Jacobian eigenvalue at the first point is %.2e (≈ 0: the direction along the ring)%n",
                k, nc, secs, leading);
        log.println("  wrote " + out.resolve("cann_fixed_points_pca.png") + ", cann_eigenvalues.png (and .svg), cann_bump.gif");
    }
}
