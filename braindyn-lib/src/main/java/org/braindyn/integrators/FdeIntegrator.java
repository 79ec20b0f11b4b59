package org.braindyn.integrators;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.random.Special;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Integrators of Caputo fractional differential equations {@code D^α y = f(y, t, p)}, {@code 0 < α ≤ 1}, from
 * {@code y(0) = y₀} (BrainPy's {@code bp.fde}). They keep the history they need (the whole run, or a short-memory
 * window) and take one step per call:
 * <ul>
 * <li>{@link Scheme#CAPUTO_EULER}: {@code y_{n+1} = y₀ + dt^α/Γ(α+1)·Σⱼ [(n+1−j)^α − (n−j)^α]·f(y_j, t_j)}.</li>
 * <li>{@link Scheme#CAPUTO_L1}: the L1 discretisation {@code D^α y(t_{n+1}) ≈ dt^{−α}/Γ(2−α)·Σⱼ cⱼ(y_{n+1−j} − y_{n−j})},
 *     {@code cⱼ = (j+1)^{1−α} − j^{1−α}}, solved explicitly with {@code f(y_n, t_n)}.</li>
 * <li>{@link Scheme#GL_SHORT_MEMORY}: Grünwald–Letnikov on {@code y − y₀} with weights
 *     {@code w₀ = 1, wⱼ = (1 − (1+α)/j)·w_{j−1}}, truncated to the last {@code memory} steps (short-memory principle):
 *     {@code y_{n+1} = y₀ + dt^α·f(y_n, t_n) − Σ_{j=1}^{L} wⱼ·(y_{n+1−j} − y₀)}.</li>
 * </ul>
 * <pre>{@code
 * FdeIntegrator relax = Fdeint.fdeint((y, t, p) -> new Tensor[] {y[0].neg()}, new double[] {0.8},
 *         new Tensor[] {BM.scalar(1.0)}, FdeIntegrator.Scheme.CAPUTO_L1, 0.01, 1000);
 * for (int i = 0; i < 1000; i++) y = relax.step(i * 0.01);
 * }</pre>
 */
public final class FdeIntegrator {
    /** The discretisation. */
    public enum Scheme { CAPUTO_EULER, CAPUTO_L1, GL_SHORT_MEMORY }

    private final Derivative f;
    private final Scheme scheme;
    private final double[] alpha;
    private final double dt;
    private final int memory;
    private final Tensor[] y0;
    private final List<double[][]> ys = new ArrayList<>(), fs = new ArrayList<>();
    private final double[][] binomial;
    private Tensor[] current;
    private final java.util.Map<Integer, TimeDelay> stateDelays = new java.util.LinkedHashMap<>();

    /** Keeps {@code delay} updated with variable {@code var} after every step (BrainPy's {@code state_delays}). */
    public FdeIntegrator stateDelay(int var, TimeDelay delay) {
        if (Math.abs(delay.dt() - dt) > 1e-12)
            throw new IllegalArgumentException("fdeint: delay step " + delay.dt() + " ms differs from the integrator step " + dt + " ms");
        stateDelays.put(var, delay);
        return this;
    }

    FdeIntegrator(Derivative f, Scheme scheme, double[] alpha, Tensor[] inits, double dt, int memory) {
        this.f = f;
        this.scheme = scheme;
        this.alpha = alpha.clone();
        this.dt = dt;
        this.memory = memory;
        this.y0 = inits.clone();
        this.current = inits.clone();
        ys.add(flat(inits));
        binomial = new double[memory + 1][alpha.length];
        for (int v = 0; v < alpha.length; v++) {
            binomial[0][v] = 1;
            for (int j = 1; j <= memory; j++) binomial[j][v] = (1 - (1 + alpha[v]) / j) * binomial[j - 1][v];
        }
    }

    /** The Grünwald–Letnikov weights {@code w_j} for {@code j = 0 … memory}, one column per variable (BrainPy's {@code binomial_coef}). */
    public Tensor binomialCoef() { return BM.asarray(binomial).astype(DType.F64); }

    /** The fractional orders, one per variable. */
    public double[] alpha() { return alpha.clone(); }

    /** The current state. */
    public Tensor[] state() { return current.clone(); }

    /** Advances one step from time {@code t} and returns the new state. */
    public Tensor[] step(double t, Tensor... params) {
        Tensor[] fy = f.apply(current, t, params);
        if (fy == null || fy.length != current.length)
            throw new IllegalArgumentException("fdeint[" + scheme + "]: the derivative returned " + (fy == null ? "null" : fy.length + " values")
                    + " for " + current.length + " state variables");
        fs.add(flat(fy));
        int n = fs.size() - 1;                        // computing y_{n+1}
        double[][] y0f = ys.get(0), next = new double[current.length][];
        for (int v = 0; v < current.length; v++) {
            double a = alpha[v];
            int size = y0f[v].length;
            double[] out = new double[size];
            switch (scheme) {
                case CAPUTO_EULER -> {
                    double c = Math.pow(dt, a) / Math.exp(Special.lgamma(a + 1));
                    for (int j = 0; j <= n; j++) {
                        double b = Math.pow(n + 1 - j, a) - Math.pow(n - j, a);
                        double[] fj = fs.get(j)[v];
                        for (int i = 0; i < size; i++) out[i] += b * fj[i];
                    }
                    for (int i = 0; i < size; i++) out[i] = y0f[v][i] + c * out[i];
                }
                case CAPUTO_L1 -> {
                    double g = Math.exp(Special.lgamma(2 - a)) * Math.pow(dt, a);
                    double[] yn = ys.get(n)[v];
                    for (int i = 0; i < size; i++) out[i] = yn[i] + g * fs.get(n)[v][i];
                    for (int j = 1; j <= n; j++) {
                        double cj = Math.pow(j + 1, 1 - a) - Math.pow(j, 1 - a);
                        double[] hi = ys.get(n + 1 - j)[v], lo = ys.get(n - j)[v];
                        for (int i = 0; i < size; i++) out[i] -= cj * (hi[i] - lo[i]);
                    }
                }
                case GL_SHORT_MEMORY -> {
                    double h = Math.pow(dt, a);
                    double[] fn = fs.get(n)[v];
                    for (int i = 0; i < size; i++) out[i] = y0f[v][i] + h * fn[i];
                    for (int j = 1; j <= Math.min(memory, n + 1); j++) {
                        double[] yj = ys.get(n + 1 - j)[v];
                        for (int i = 0; i < size; i++) out[i] -= binomial[j][v] * (yj[i] - y0f[v][i]);
                    }
                }
            }
            next[v] = out;
        }
        ys.add(next);
        if (scheme == Scheme.GL_SHORT_MEMORY && ys.size() > memory + 2) { ys.set(ys.size() - memory - 2, null); fs.set(fs.size() - 2, null); }
        Tensor[] nt = new Tensor[current.length];
        for (int v = 0; v < nt.length; v++) nt[v] = BM.array(next[v]).reshape(y0[v].shape().toArray()).astype(y0[v].dtype());
        current = nt;
        for (var e : stateDelays.entrySet()) e.getValue().update(nt[e.getKey()]);
        return nt.clone();
    }

    private static double[][] flat(Tensor[] ts) {
        double[][] out = new double[ts.length][];
        for (int i = 0; i < ts.length; i++) out[i] = ts[i].toDoubleArray();
        return out;
    }

    /** The step in ms. */
    public double dt() { return dt; }

    /** The scheme. */
    public Scheme scheme() { return scheme; }
}
