package org.braindyn.integrators;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * One ODE integrator (BrainPy's {@code bp.odeint(f, method=…, dt=…)}): {@link #step} advances all state variables
 * by {@code dt}. Explicit methods run the generic Runge–Kutta stepper over their {@link ButcherTableau}:
 * {@code kᵢ = f(y + dt·Σⱼ aᵢⱼkⱼ, t + cᵢdt)}, {@code y' = y + dt·Σᵢ bᵢkᵢ}. Adaptive tableaux also give
 * {@link #stepAdaptive} and {@link #integrate} with error control.
 * <pre>{@code
 * OdeIntegrator rk4 = Odeint.odeint(fhn, Method.RK4, 0.01);
 * Tensor[] y = {BM.scalar(-1), BM.scalar(1)};
 * for (int i = 0; i < 1000; i++) y = rk4.step(y, i * 0.01, BM.scalar(0.5));
 * }</pre>
 */
public class OdeIntegrator implements Stepper {
    private final Derivative f;
    private final ButcherTableau tableau;
    private final double dt;
    private final String label;

    OdeIntegrator(Derivative f, ButcherTableau tableau, double dt, String label) {
        this.f = f;
        this.tableau = tableau;
        this.dt = dt;
        this.label = label;
    }

    /** The derivative being integrated. */
    public Derivative derivative() { return f; }

    /** The method's tableau (null for exponential Euler). */
    public ButcherTableau tableau() { return tableau; }

    /** The step in ms. */
    @Override public double dt() { return dt; }

    /** The method's name. */
    public String methodName() { return label; }

    /** The state one step of {@link #dt()} later. */
    @Override public Tensor[] step(Tensor[] vars, double t, Tensor... params) { return rk(vars, t, dt, params)[0]; }

    /** One step for a single state variable. */
    public Tensor step(Tensor y, double t, Tensor... params) { return step(new Tensor[] {y}, t, params)[0]; }

    /** Result of an adaptive step: the new state (or the old one when rejected), the step taken and the next step to try. */
    public record AdaptiveStep(Tensor[] vars, double t, boolean accepted, double dtNext, double errorNorm) {}

    /**
     * One error-controlled step of size {@code dtTry}: accepted when {@code max|err|/(atol + rtol·|y|) ≤ 1}, the next
     * step scaled by {@code 0.9·norm^(−1/(q+1))} within [0.2, 5] ({@code q} the lower of the two orders).
     */
    public AdaptiveStep stepAdaptive(Tensor[] vars, double t, double dtTry, double atol, double rtol, Tensor... params) {
        if (tableau == null || !tableau.isAdaptive())
            throw new IllegalStateException("odeint[" + label + "]: stepAdaptive needs an adaptive method (rkf12, rkf45, rkdp, ck, bs, heun_euler)");
        Tensor[][] r = rk(vars, t, dtTry, params);
        double norm = 0;
        for (int v = 0; v < vars.length; v++) {
            Tensor scale = BM.abs(vars[v]).mul(rtol).add(atol);
            norm = Math.max(norm, BM.max(BM.abs(r[1][v]).div(scale)).item());
        }
        int q = Math.min(tableau.order(), tableau.errOrder());
        double factor = Double.isNaN(norm) ? 0.2 : norm == 0 ? 5 : Math.min(5, Math.max(0.2, 0.9 * Math.pow(norm, -1.0 / (q + 1))));
        boolean ok = norm <= 1;
        return new AdaptiveStep(ok ? r[0] : vars, ok ? t + dtTry : t, ok, dtTry * factor, norm);
    }

    /** Integrates from {@code t0} to {@code t1} with error control, starting from step {@link #dt()}; returns the state at {@code t1}. */
    public Tensor[] integrate(Tensor[] vars, double t0, double t1, double atol, double rtol, Tensor... params) {
        double t = t0, h = dt;
        Tensor[] y = vars;
        int guard = 0;
        while (t < t1 - 1e-14 * Math.max(1, Math.abs(t1))) {
            h = Math.min(h, t1 - t);
            AdaptiveStep s = stepAdaptive(y, t, h, atol, rtol, params);
            y = s.vars();
            t = s.t();
            h = s.dtNext();
            steps++;
            if (++guard > 10_000_000) throw new IllegalStateException("odeint[" + label + "]: more than 10^7 adaptive steps between " + t0 + " and " + t1 + "; is the problem stiff?");
        }
        return y;
    }

    private long steps;

    /** Adaptive steps attempted by {@link #integrate} so far (accepted and rejected). */
    public long attemptedSteps() { return steps; }

    /** {@code [y_next, error estimate]} (the estimate is null for fixed-step tableaux). */
    Tensor[][] rk(Tensor[] y, double t, double h, Tensor[] params) {
        int s = tableau.stages(), n = y.length;
        Tensor[][] k = new Tensor[s][];
        for (int i = 0; i < s; i++) {
            Tensor[] yi = y;
            if (i > 0) {
                yi = new Tensor[n];
                for (int v = 0; v < n; v++) yi[v] = combine(y[v], h, tableau.a()[i], k, v);
            }
            k[i] = check(f.apply(yi, t + tableau.c()[i] * h, params), y);
        }
        Tensor[] next = new Tensor[n], err = tableau.isAdaptive() ? new Tensor[n] : null;
        for (int v = 0; v < n; v++) {
            next[v] = combine(y[v], h, tableau.b(), k, v);
            if (err != null) {
                double[] d = new double[s];
                for (int i = 0; i < s; i++) d[i] = tableau.b()[i] - tableau.bErr()[i];
                err[v] = combine(BM.zerosLike(y[v]), h, d, k, v);
            }
        }
        return new Tensor[][] {next, err};
    }

    private static Tensor combine(Tensor y, double h, double[] w, Tensor[][] k, int v) {
        Tensor acc = y;
        for (int j = 0; j < w.length; j++) if (w[j] != 0) acc = acc.add(k[j][v].mul(h * w[j]));
        return acc;
    }

    Tensor[] check(Tensor[] d, Tensor[] y) {
        if (d == null || d.length != y.length)
            throw new IllegalArgumentException("odeint[" + label + "]: the derivative returned " + (d == null ? "null" : d.length + " values")
                    + " for " + y.length + " state variables; return one derivative per variable, in order");
        for (int v = 0; v < y.length; v++)
            if (!d[v].shape().equals(y[v].shape()) && !org.braindyn.tensor.Shape.broadcast(d[v].shape(), y[v].shape()).equals(y[v].shape()))
                throw new IllegalArgumentException("odeint[" + label + "]: derivative " + v + " has shape " + d[v].shape()
                        + " but the variable has shape " + y[v].shape());
        return d;
    }

    @Override public String toString() { return "OdeIntegrator(" + label + ", dt=" + dt + ")"; }

    /** The stepping scheme as text (BrainPy's {@code show_code}). */
    public String describe() { return tableau.describe(); }

    static void requireDt(double dt) {
        if (!(dt > 0) || Double.isInfinite(dt))
            throw new IllegalArgumentException("odeint: dt must be a positive number of ms; got " + dt + ". Pass e.g. dt = 0.1 or set Config.setDt.");
    }
}
