package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * Bifurcation analysis of a one-variable system over one or two parameters (BrainPy's {@code Bifurcation1D}): the
 * fixed points at every point of the parameter grid, each classified, and the folds where pairs of fixed points meet
 * and vanish.
 * <pre>{@code
 * Setup s = Setup.of(expIf).targetVar("V", -70, -55).targetPar("I_ext", 0, 6).resolutions(0.01).build();
 * Bifurcation1D.Result r = new Bifurcation1D(s).compute();   // a fold near I_ext = 4.1, V = −59.9
 * }</pre>
 */
public final class Bifurcation1D extends LowDim {
    /** Every fixed point (with its parameter values) and every detected bifurcation. */
    public record Result(List<FixedPoint> fixedPoints, List<Bifurcation> bifurcations) {}

    public Bifurcation1D(Setup setup) {
        super("Bifurcation1D", setup);
        setup.requireShape(name, 1, 1, 2);
    }

    /** Computes the diagram ({@code plot_bifurcation(with_plot=False, with_return=True)}). */
    public Result compute() {
        log("I am making bifurcation analysis ...");
        double[][] pg = parameterGrid();
        List<List<FixedPoint>> byPoint = roots1D(pg);
        List<FixedPoint> all = new ArrayList<>();
        byPoint.forEach(all::addAll);
        int[] sizes = setup.targetParNames().stream().mapToInt(p -> setup.grid(p).length).toArray();
        List<Bifurcation> bif = Detector.scan(byPoint, pg, sizes);
        log("Found %d fixed points over %d parameter points; %d bifurcation point(s).", all.size(), pg[0].length, bif.size());
        return new Result(all, bif);
    }
}
