package org.braindyn.analysis;

import java.util.List;

/**
 * Phase plane of a one-variable system {@code dx/dt = f(x)} (BrainPy's {@code PhasePlane1D}): the vector field on the
 * grid and the fixed points, found where {@code f} changes sign on the grid and refined by bisection to float64
 * precision, classified by the sign of {@code f'} (autodiff).
 * <pre>{@code
 * Setup s = Setup.of(VectorField.of((y, t, p) -> new Tensor[] {y[0].sin().add(p[0])}, List.of("x"), List.of("Iext")))
 *         .targetVar("x", -10, 10).par("Iext", 0).resolutions(0.001).build();
 * List<FixedPoint> fps = new PhasePlane1D(s).fixedPoints();     // 7 points: −3π stable, −2π unstable, …
 * }</pre>
 */
public final class PhasePlane1D extends LowDim {
    /** The field on the grid: {@code x} and {@code dx/dt}. */
    public record Field(double[] x, double[] dxdt) {}

    public PhasePlane1D(Setup setup) {
        super("PhasePlane1D", setup);
        setup.requireShape(name, 1, 0, 0);
    }

    /** {@code dx/dt} on the grid of the target variable ({@code plot_vector_field}). */
    public Field vectorField() {
        log("I am creating the vector field ...");
        double[] x = setup.grid(setup.targetVarNames().get(0));
        return new Field(x, f(new double[][] {x}, new double[0][])[0]);
    }

    /** The fixed points in increasing order ({@code plot_fixed_point}), printed as BrainPy does. */
    public List<FixedPoint> fixedPoints() {
        log("I am searching fixed points ...");
        List<FixedPoint> fps = roots1D(new double[0][1]).get(0);
        for (int i = 0; i < fps.size(); i++)
            log("Fixed point #%d at %s is a %s.", i + 1, coords(fps.get(i).x()), fps.get(i).stability());
        return fps;
    }
}
