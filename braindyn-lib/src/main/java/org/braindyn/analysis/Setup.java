package org.braindyn.analysis;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an analyser looks at (BrainPy's analyser arguments): the model's {@link VectorField}, the target variables
 * and their ranges ({@code target_vars}; their order makes x and y), the bifurcation parameters and their ranges
 * ({@code target_pars}), values for the other parameters ({@code pars_update}) and variables ({@code fixed_vars}),
 * grid resolutions ({@code resolutions}: default (max − min)/20 per name; one number for all; per name a number or
 * an explicit grid), BrainPy's {@code options} that reduce the 2-D fixed-point search to a 1-D root search along a
 * nullcline, and where console lines go. {@link Builder#build()} checks everything once, naming what is wrong.
 * <pre>{@code
 * Setup s = Setup.of(fhn).targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.01).build();
 * PhasePlane2D pp = new PhasePlane2D(s);
 * }</pre>
 */
public final class Setup {
    /** BrainPy's {@code bp.analysis.C} options: a variable as a function of the other on one nullcline. */
    public enum Option {
        /** On the fx-nullcline, x as a function of y. */ X_BY_Y_IN_FX,
        /** On the fx-nullcline, y as a function of x. */ Y_BY_X_IN_FX,
        /** On the fy-nullcline, x as a function of y. */ X_BY_Y_IN_FY,
        /** On the fy-nullcline, y as a function of x. */ Y_BY_X_IN_FY
    }

    /** A nullcline given in closed form: one variable from the other and the parameters at that point. */
    @FunctionalInterface
    public interface Curve { double value(double other, java.util.function.ToDoubleFunction<String> par); }

    final VectorField field;
    final LinkedHashMap<String, double[]> targetVars, targetPars;
    final Map<String, Double> fixedVars, pars;
    final Map<String, double[]> grids;
    final EnumMap<Option, Curve> options;
    final PrintStream log;

    private Setup(Builder b) {
        field = b.field;
        targetVars = new LinkedHashMap<>(b.targetVars);
        targetPars = new LinkedHashMap<>(b.targetPars);
        fixedVars = Map.copyOf(b.fixedVars);
        pars = Map.copyOf(b.pars);
        options = new EnumMap<>(b.options);
        log = b.log;
        grids = new LinkedHashMap<>();
        for (var e : targetVars.entrySet()) grids.put(e.getKey(), grid(e.getKey(), e.getValue(), b));
        for (var e : targetPars.entrySet()) grids.put(e.getKey(), grid(e.getKey(), e.getValue(), b));
    }

    /** Starts a setup for {@code field}. */
    public static Builder of(VectorField field) {
        if (field == null) throw new IllegalArgumentException("Setup.of: the model (VectorField) is null");
        return new Builder(field);
    }

    /** Starts a setup for a model's own dynamics ({@link Analyzable#vectorField()}). */
    public static Builder of(Analyzable model) {
        if (model == null) throw new IllegalArgumentException("Setup.of: the model is null");
        return of(model.vectorField());
    }

    /** The model. */
    public VectorField field() { return field; }

    /** Target variable names, in order (x, y, …). */
    public List<String> targetVarNames() { return List.copyOf(targetVars.keySet()); }

    /** Bifurcation parameter names, in order. */
    public List<String> targetParNames() { return List.copyOf(targetPars.keySet()); }

    /** The range {@code [lo, hi]} of a target variable or parameter. */
    public double[] range(String name) {
        double[] r = targetVars.containsKey(name) ? targetVars.get(name) : targetPars.get(name);
        if (r == null) throw new IllegalArgumentException("Setup: '" + name + "' is neither a target variable nor a target parameter; known: " + grids.keySet());
        return r.clone();
    }

    /** The grid of a target variable or parameter ({@code arange(lo, hi, resolution)} or the explicit one given). */
    public double[] grid(String name) {
        double[] g = grids.get(name);
        if (g == null) throw new IllegalArgumentException("Setup: '" + name + "' has no grid; known: " + grids.keySet());
        return g.clone();
    }

    /** Requires exactly {@code vars} target variables and {@code pars} target parameters (−1: any number ≥ 1). */
    void requireShape(String analyser, int vars, int parsMin, int parsMax) {
        if (targetVars.size() != vars)
            throw new IllegalArgumentException(analyser + ": needs " + vars + " target variable" + (vars > 1 ? "s" : "") + "; got "
                    + targetVars.size() + " " + targetVars.keySet() + " (the model " + field + " has " + field.dim() + ")");
        if (targetPars.size() < parsMin || targetPars.size() > parsMax)
            throw new IllegalArgumentException(analyser + ": needs " + (parsMin == parsMax ? String.valueOf(parsMin) : parsMin + " to " + parsMax)
                    + " target parameter(s); got " + targetPars.size() + " " + targetPars.keySet());
    }

    /**
     * The arguments of the field for {@code n} points: target variables from {@code varValues} (by target order),
     * fixed variables as constants; bifurcation parameters from {@code parValues} (by target order), others from
     * {@code pars_update}.
     */
    double[][] varArgs(double[][] varValues, int n) {
        List<String> tv = targetVarNames();
        double[][] out = new double[field.dim()][];
        for (int i = 0; i < field.dim(); i++) {
            String v = field.variables().get(i);
            int k = tv.indexOf(v);
            out[i] = k >= 0 ? varValues[k] : constant(fixedVars.get(v), n);
        }
        return out;
    }

    double[][] parArgs(double[][] parValues, int n) {
        List<String> tp = targetParNames();
        double[][] out = new double[field.parameters().size()][];
        for (int i = 0; i < out.length; i++) {
            String p = field.parameters().get(i);
            int k = tp.indexOf(p);
            out[i] = k >= 0 ? parValues[k] : new double[] {pars.get(p)};
        }
        return out;
    }

    /** The value of every parameter at point {@code i} (for option curves). */
    java.util.function.ToDoubleFunction<String> parLookup(double[][] parValues, int i) {
        List<String> tp = targetParNames();
        return name -> {
            int k = tp.indexOf(name);
            if (k >= 0) return parValues[k].length == 1 ? parValues[k][0] : parValues[k][i];
            Double v = pars.get(name);
            if (v == null) throw new IllegalArgumentException("Setup: an option asked for parameter '" + name + "'; known: " + field.parameters());
            return v;
        };
    }

    private static double[] constant(double v, int n) { return new double[] {v}; }

    private static double[] grid(String name, double[] range, Builder b) {
        if (b.explicit.containsKey(name)) return b.explicit.get(name).clone();
        double res = b.resolution.containsKey(name) ? b.resolution.get(name) : b.allResolution != null ? b.allResolution : (range[1] - range[0]) / 20;
        int n = (int) Math.ceil((range[1] - range[0]) / res - 1e-9);
        double[] g = new double[n];
        for (int i = 0; i < n; i++) g[i] = range[0] + i * res;
        return g;
    }

    /** Collects the setup; {@link #build()} validates it. */
    public static final class Builder {
        private final VectorField field;
        private final LinkedHashMap<String, double[]> targetVars = new LinkedHashMap<>(), targetPars = new LinkedHashMap<>();
        private final Map<String, Double> fixedVars = new LinkedHashMap<>(), pars = new LinkedHashMap<>(), resolution = new LinkedHashMap<>();
        private final Map<String, double[]> explicit = new LinkedHashMap<>();
        private final EnumMap<Option, Curve> options = new EnumMap<>(Option.class);
        private Double allResolution;
        private PrintStream log = System.out;

        private Builder(VectorField field) { this.field = field; }

        /** A target variable and its range (BrainPy {@code target_vars={'V': [lo, hi]}}); the order gives x, y. */
        public Builder targetVar(String name, double lo, double hi) { targetVars.put(name, new double[] {lo, hi}); return this; }

        /** A bifurcation parameter and its range ({@code target_pars}). */
        public Builder targetPar(String name, double lo, double hi) { targetPars.put(name, new double[] {lo, hi}); return this; }

        /** A variable held at {@code value} ({@code fixed_vars}). */
        public Builder fixedVar(String name, double value) { fixedVars.put(name, value); return this; }

        /** A parameter's value ({@code pars_update}). */
        public Builder par(String name, double value) { pars.put(name, value); return this; }

        /** One resolution for every target ({@code resolutions=0.01}). */
        public Builder resolutions(double res) { allResolution = res; return this; }

        /** The resolution of one target ({@code resolutions={'V': 0.01}}). */
        public Builder resolution(String name, double res) { resolution.put(name, res); return this; }

        /** An explicit (possibly non-uniform) grid for one target. */
        public Builder resolution(String name, double[] grid) { explicit.put(name, grid == null ? null : grid.clone()); return this; }

        /** BrainPy's {@code options={C.y_by_x_in_fy: lambda V, a, b: (V + a) / b}}. */
        public Builder option(Option option, Curve curve) { options.put(option, curve); return this; }

        /** Where console lines go (default {@code System.out}; null for silence). */
        public Builder log(PrintStream out) { this.log = out; return this; }

        /** Validates names, ranges, resolutions and that every variable and parameter has a value. */
        public Setup build() {
            String who = "Setup(" + field + ")";
            if (targetVars.isEmpty()) throw new IllegalArgumentException(who + ": no target variable; add targetVar(name, lo, hi) with one of " + field.variables());
            List<String> problems = new ArrayList<>();
            for (var e : targetVars.entrySet()) {
                if (!field.variables().contains(e.getKey()))
                    problems.add("target variable '" + e.getKey() + "' is not in the model; its variables are " + field.variables());
                checkRange("target variable", e.getKey(), e.getValue(), problems);
            }
            for (var e : targetPars.entrySet()) {
                if (!field.parameters().contains(e.getKey()))
                    problems.add("target parameter '" + e.getKey() + "' is not in the model; its parameters are " + field.parameters());
                checkRange("target parameter", e.getKey(), e.getValue(), problems);
            }
            for (String v : fixedVars.keySet()) {
                if (!field.variables().contains(v)) problems.add("fixed variable '" + v + "' is not in the model; its variables are " + field.variables());
                if (targetVars.containsKey(v)) problems.add("'" + v + "' is both a target and a fixed variable");
            }
            for (String p : pars.keySet()) {
                if (!field.parameters().contains(p)) problems.add("parameter '" + p + "' (pars_update) is not in the model; its parameters are " + field.parameters());
                if (targetPars.containsKey(p)) problems.add("'" + p + "' is both a target parameter and in pars_update");
            }
            for (String v : field.variables())
                if (!targetVars.containsKey(v) && !fixedVars.containsKey(v) && !targetPars.containsKey(v))
                    problems.add("variable '" + v + "' has no role: make it a target variable or give it a value with fixedVar");
            for (String p : field.parameters())
                if (!targetPars.containsKey(p) && !pars.containsKey(p))
                    problems.add("parameter '" + p + "' has no value: give it with par(\"" + p + "\", value) or make it a target parameter");
            if (allResolution != null && !(allResolution > 0)) problems.add("resolutions must be > 0; got " + allResolution);
            resolution.forEach((k, r) -> {
                if (!targetVars.containsKey(k) && !targetPars.containsKey(k)) problems.add("resolution for '" + k + "', which is not a target");
                if (!(r > 0)) problems.add("resolution of '" + k + "' must be > 0; got " + r);
            });
            explicit.forEach((k, g) -> {
                if (g == null || g.length == 0) problems.add("the explicit grid of '" + k + "' is empty");
                if (!targetVars.containsKey(k) && !targetPars.containsKey(k)) problems.add("grid for '" + k + "', which is not a target");
            });
            for (var e : options.entrySet()) if (e.getValue() == null) problems.add("option " + e.getKey() + " has no function");
            if (!problems.isEmpty()) throw new IllegalArgumentException(who + ": " + String.join("; ", problems));
            return new Setup(this);
        }

        private static void checkRange(String kind, String name, double[] r, List<String> problems) {
            if (!Double.isFinite(r[0]) || !Double.isFinite(r[1])) problems.add(kind + " '" + name + "': range must be finite; got [" + r[0] + ", " + r[1] + "]");
            else if (!(r[0] < r[1])) problems.add(kind + " '" + name + "': range [" + r[0] + ", " + r[1] + "] is empty or inverted; expected lo < hi");
        }
    }
}
