package org.braindyn.analysis;

import java.util.List;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.integrators.Derivative;
import org.braindyn.integrators.OdeIntegrator;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * An autonomous vector field {@code dx/dt = f(x; p)} with named state variables and parameters, as the analysers see
 * a model (BrainPy's analysers read the names from the integrated function's signature: variables before {@code t},
 * parameters after it). The right-hand side is evaluated on many points at once: every variable and parameter is a
 * float64 array of the same length, so a whole grid, or thousands of candidate points, cost one call. Time is 0 (the
 * analysers require autonomous systems, as BrainPy's do).
 * <pre>{@code
 * Derivative fhn = (y, t, p) -> new Tensor[] {
 *         y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]),            // dV/dt = V − V³/3 − w + I
 *         y[0].add(0.7).sub(y[1].mul(0.8)).div(12.5)};                  // dw/dt = (V + a − b·w)/τ
 * VectorField field = VectorField.of(fhn, List.of("V", "w"), List.of("Iext"));
 * }</pre>
 */
public final class VectorField {
    private final Derivative f;
    private final List<String> variables, parameters;

    private VectorField(Derivative f, List<String> variables, List<String> parameters) {
        if (f == null) throw new IllegalArgumentException("VectorField: the derivative function is null");
        if (variables == null || variables.isEmpty()) throw new IllegalArgumentException("VectorField: at least one variable name is required");
        if (variables.stream().distinct().count() != variables.size() || parameters.stream().distinct().count() != parameters.size())
            throw new IllegalArgumentException("VectorField: variable and parameter names must be distinct; got " + variables + " and " + parameters);
        for (String v : variables) if (parameters.contains(v))
            throw new IllegalArgumentException("VectorField: '" + v + "' is both a variable and a parameter");
        this.f = f;
        this.variables = List.copyOf(variables);
        this.parameters = List.copyOf(parameters);
    }

    /** A field from a derivative function; {@code variables} and {@code parameters} name its arguments in order. */
    public static VectorField of(Derivative f, List<String> variables, List<String> parameters) {
        return new VectorField(f, variables, parameters == null ? List.of() : parameters);
    }

    /** The field of an integrator ({@code Odeint.odeint(...)}, also of a {@code JointEq}). */
    public static VectorField of(OdeIntegrator integrator, List<String> variables, List<String> parameters) {
        if (integrator == null) throw new IllegalArgumentException("VectorField: the integrator is null");
        return of(integrator.derivative(), variables, parameters);
    }

    /** The state variables' names, in the derivative's order. */
    public List<String> variables() { return variables; }

    /** The parameters' names, in the derivative's order. */
    public List<String> parameters() { return parameters; }

    /** The dimension (number of state variables). */
    public int dim() { return variables.size(); }

    /** The derivative function. */
    public Derivative derivative() { return f; }

    /**
     * {@code f} at {@code n} points: {@code x[i]} holds variable i at every point, {@code p[j]} parameter j (length n
     * or 1). Returns {@code [dim][n]}.
     */
    public double[][] eval(double[][] x, double[][] p) {
        Tensor[] out = apply(tensors(x), tensors(p));
        double[][] r = new double[out.length][];
        int n = points(x, p);
        for (int i = 0; i < out.length; i++) r[i] = BM.broadcastTo(out[i].astype(DType.F64), n).toDoubleArray();
        return r;
    }

    private Tensor[] apply(Tensor[] x, Tensor[] p) {
        Tensor[] out = f.apply(x, 0.0, p);
        if (out == null || out.length != variables.size())
            throw new IllegalStateException("VectorField " + variables + ": the derivative returned " + (out == null ? "null" : out.length + " values")
                    + "; expected one per variable (" + variables.size() + ")");
        return out;
    }

    /**
     * The Jacobian {@code ∂fᵢ/∂xⱼ} at each of {@code n} points, by reverse-mode autodiff: one pullback per output
     * component serves every point at once, because each point's derivative depends on that point only.
     * Returns {@code [n][dim][dim]}.
     */
    public double[][][] jacobians(double[][] x, double[][] p) {
        int d = variables.size(), n = points(x, p);
        Tensor[] xt = tensors(x), pt = tensors(p);
        double[][][] jac = new double[n][d][d];
        for (int i = 0; i < d; i++) {
            final int comp = i;
            var vjp = Autodiff.vjp(args -> apply(args, pt)[comp].astype(DType.F64).add(BM.zeros(n).astype(DType.F64)), xt);
            Tensor[] rows = vjp.pullback().apply(BM.ones(n).astype(DType.F64));
            for (int j = 0; j < d; j++) {
                double[] g = rows[j] == null ? new double[n] : BM.broadcastTo(rows[j].astype(DType.F64), n).toDoubleArray();
                for (int k = 0; k < n; k++) jac[k][i][j] = g[k];
            }
        }
        return jac;
    }

    /** The number of points: the longest argument (the others have length n or 1). */
    private static int points(double[][] x, double[][] p) {
        int n = 1;
        for (double[] a : x) n = Math.max(n, a.length);
        for (double[] a : p) n = Math.max(n, a.length);
        return n;
    }

    static Tensor[] tensors(double[][] a) {
        Tensor[] t = new Tensor[a.length];
        for (int i = 0; i < a.length; i++) t[i] = a[i].length == 1 ? BM.scalar(a[i][0], DType.F64) : BM.array(a[i]);
        return t;
    }

    @Override public String toString() { return "VectorField(" + String.join(", ", variables) + "; " + String.join(", ", parameters) + ")"; }
}
