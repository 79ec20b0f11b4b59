package org.braindyn.analysis;

import java.util.List;
import java.util.Map;

/**
 * Fast–slow (Rinzel) analysis with two fast variables (BrainPy's {@code FastSlow2D}): the slow variable is the
 * bifurcation parameter of the two-variable fast subsystem ({@link Bifurcation2D}), and a trajectory of the full
 * system shows how the slow drift moves it along the branches (bursting as a hysteresis loop between a fold and a
 * Hopf/homoclinic point).
 * <pre>{@code
 * var fast = new LinkedHashMap<String, double[]>(); fast.put("x", new double[] {-3, 3}); fast.put("y", new double[] {-10, 5});
 * var slow = new LinkedHashMap<String, double[]>(); slow.put("z", new double[] {-5, 5});
 * FastSlow2D fs = new FastSlow2D(hindmarshRose, fast, slow, Map.of("Isyn", 0.5), Map.of("z", 0.01), System.out);
 * Bifurcation2D.Result r = fs.bifurcation(20);
 * }</pre>
 */
public final class FastSlow2D {
    private final VectorField full;
    private final Setup fastSetup;

    public FastSlow2D(VectorField full, java.util.LinkedHashMap<String, double[]> fastVars, java.util.LinkedHashMap<String, double[]> slowVars,
                      Map<String, Double> pars, Map<String, Double> resolutions, java.io.PrintStream log) {
        if (fastVars.size() != 2) throw new IllegalArgumentException("FastSlow2D: needs 2 fast variables; got " + fastVars.keySet());
        if (slowVars.size() != 1) throw new IllegalArgumentException("FastSlow2D: needs 1 slow variable; got " + slowVars.keySet());
        this.full = full;
        this.fastSetup = FastSlow1D.fastSetup(full, fastVars, slowVars, pars, resolutions, log);
    }

    /** The fast subsystem's bifurcation diagram over the slow variable, with {@code numRank} candidates per point. */
    public Bifurcation2D.Result bifurcation(int numRank) { return new Bifurcation2D("FastSlow2D", fastSetup).compute(numRank, 1e-8, 1e-2); }

    /** The setup of the fast subsystem (slow variable as target parameter). */
    public Setup fastSetup() { return fastSetup; }

    /** A trajectory of the full system: {@code [variable in model order][step]}. */
    public double[][] trajectory(double[] initial, double duration, double dt, Map<String, Double> pars) {
        return simulate(full, initial, duration, dt, pars);
    }

    static double[][] simulate(VectorField full, double[] initial, double duration, double dt, Map<String, Double> pars) {
        List<String> vars = full.variables();
        if (initial == null || initial.length != vars.size())
            throw new IllegalArgumentException("FastSlow: the initial state needs one value per variable " + vars);
        if (!(duration > 0) || !(dt > 0)) throw new IllegalArgumentException("FastSlow: need duration > 0 and dt > 0");
        double[][] p = new double[full.parameters().size()][];
        for (int i = 0; i < p.length; i++) {
            Double v = pars.get(full.parameters().get(i));
            if (v == null) throw new IllegalArgumentException("FastSlow: parameter '" + full.parameters().get(i) + "' has no value");
            p[i] = new double[] {v};
        }
        double[][] x0 = new double[vars.size()][];
        for (int i = 0; i < x0.length; i++) x0[i] = new double[] {initial[i]};
        double[][][] tr = Integrate.rk4(x -> full.eval(x, p), x0, dt, (int) Math.round(duration / dt));
        double[][] out = new double[vars.size()][];
        for (int i = 0; i < out.length; i++) out[i] = tr[i][0];
        return out;
    }
}
