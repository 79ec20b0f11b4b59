package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.integrators.Derivative;
import org.braindyn.tensor.Tensor;

/**
 * Fast–slow (Rinzel) analysis with one fast variable (BrainPy's {@code FastSlow1D}): the slow variables act as
 * bifurcation parameters of the fast subsystem, whose fixed points and folds form the diagram over which a trajectory
 * of the full system is drawn.
 * <pre>{@code
 * FastSlow1D fs = new FastSlow1D(field, Map.of("x", new double[] {-3, 3}), Map.of("z", new double[] {-5, 5}),
 *         Map.of("I", 0.5), Map.of("z", 0.01), System.out);
 * }</pre>
 */
public final class FastSlow1D {
    private final VectorField full;
    private final Setup fastSetup;
    private final List<String> fast, slow;

    /** Builds the fast subsystem: the fast variables' equations, with the slow variables turned into parameters. */
    static VectorField fastSubsystem(VectorField full, List<String> fast, List<String> slow) {
        List<String> vars = full.variables();
        for (String v : fast) if (!vars.contains(v)) throw new IllegalArgumentException("FastSlow: fast variable '" + v + "' is not in the model; its variables are " + vars);
        for (String v : slow) if (!vars.contains(v)) throw new IllegalArgumentException("FastSlow: slow variable '" + v + "' is not in the model; its variables are " + vars);
        if (fast.size() + slow.size() != vars.size())
            throw new IllegalArgumentException("FastSlow: every variable must be fast or slow; got fast " + fast + ", slow " + slow + " for " + vars);
        List<String> pars = new ArrayList<>(slow);
        pars.addAll(full.parameters());
        int[] fastIdx = fast.stream().mapToInt(vars::indexOf).toArray(), slowIdx = slow.stream().mapToInt(vars::indexOf).toArray();
        int np = full.parameters().size();
        Derivative d = (y, t, p) -> {
            Tensor[] all = new Tensor[vars.size()];
            for (int i = 0; i < fastIdx.length; i++) all[fastIdx[i]] = y[i];
            for (int i = 0; i < slowIdx.length; i++) all[slowIdx[i]] = p[i];
            Tensor[] params = new Tensor[np];
            System.arraycopy(p, slowIdx.length, params, 0, np);
            Tensor[] out = full.derivative().apply(all, t, params), r = new Tensor[fastIdx.length];
            for (int i = 0; i < r.length; i++) r[i] = out[fastIdx[i]];
            return r;
        };
        return VectorField.of(d, fast, pars);
    }

    static Setup fastSetup(VectorField full, java.util.LinkedHashMap<String, double[]> fast, java.util.LinkedHashMap<String, double[]> slow,
                           java.util.Map<String, Double> pars, java.util.Map<String, Double> resolutions, java.io.PrintStream log) {
        Setup.Builder b = Setup.of(fastSubsystem(full, List.copyOf(fast.keySet()), List.copyOf(slow.keySet()))).log(log);
        fast.forEach((k, r) -> b.targetVar(k, r[0], r[1]));
        slow.forEach((k, r) -> b.targetPar(k, r[0], r[1]));
        pars.forEach(b::par);
        b.resolutions(0.1);                                             // BrainPy's default for fast–slow analysers
        if (resolutions != null) resolutions.forEach(b::resolution);
        return b.build();
    }

    /**
     * @param fastVars   the fast variable and its range
     * @param slowVars   the slow variables (one or two) and their ranges
     * @param pars       values of the model's parameters
     * @param resolutions grid resolution per variable (null or absent: 0.1, BrainPy's default for fast–slow analysers)
     */
    public FastSlow1D(VectorField full, java.util.LinkedHashMap<String, double[]> fastVars, java.util.LinkedHashMap<String, double[]> slowVars,
                      java.util.Map<String, Double> pars, java.util.Map<String, Double> resolutions, java.io.PrintStream log) {
        if (fastVars.size() != 1) throw new IllegalArgumentException("FastSlow1D: needs 1 fast variable; got " + fastVars.keySet());
        this.full = full;
        this.fast = List.copyOf(fastVars.keySet());
        this.slow = List.copyOf(slowVars.keySet());
        this.fastSetup = fastSetup(full, fastVars, slowVars, pars, resolutions, log);
    }

    /** The fast subsystem's fixed points over the slow variables, with its folds. */
    public Bifurcation1D.Result bifurcation() { return new Bifurcation1D(fastSetup).compute(); }

    /** A trajectory of the full system: {@code [variable in model order][step]}. */
    public double[][] trajectory(double[] initial, double duration, double dt, java.util.Map<String, Double> pars) {
        return FastSlow2D.simulate(full, initial, duration, dt, pars);
    }

    public List<String> fastVars() { return fast; }

    public List<String> slowVars() { return slow; }
}
