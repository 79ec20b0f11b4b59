package org.braindyn.datasets;

import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.integrators.DelayedOde;
import org.braindyn.integrators.Derivative;
import org.braindyn.integrators.IntegratorRunner;
import org.braindyn.integrators.Method;
import org.braindyn.integrators.Odeint;
import org.braindyn.integrators.OdeIntegrator;
import org.braindyn.integrators.TimeDelay;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Chaotic time series for reservoir computing and forecasting benchmarks (BrainPy's {@code bp.datasets}), integrated
 * with BrainDyn's own integrators in float64. Each returns the times and one {@code (T, 1)} trace per variable,
 * sampled after each step, as BrainPy does. Defaults are BrainPy's.
 * <pre>{@code
 * ChaoticSeries.Series s = ChaoticSeries.lorenz(100, 0.01);   // s.get("x") has shape (10000, 1)
 * }</pre>
 */
public final class ChaoticSeries {
    private ChaoticSeries() {}

    /** Times and traces. */
    public record Series(Tensor ts, Map<String, Tensor> traces) {
        /** The trace of {@code name} ({@code (T, 1)}). */
        public Tensor get(String name) {
            Tensor t = traces.get(name);
            if (t == null) throw new IllegalArgumentException("Series: no variable '" + name + "'; known: " + String.join(", ", traces.keySet()));
            return t;
        }
    }

    private static Tensor s(double v) { return BM.scalar(v, DType.F64); }

    private static Series run(Derivative f, Method m, double dt, double duration, String[] names, double... inits) {
        OdeIntegrator integ = Odeint.odeint(f, m, dt);
        Tensor[] y0 = new Tensor[inits.length];
        for (int i = 0; i < y0.length; i++) y0[i] = s(inits[i]);
        IntegratorRunner.Traces tr = new IntegratorRunner(integ, names).run(y0, 0, duration);
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : names) out.put(n, tr.get(n).reshape(-1, 1));
        return new Series(tr.ts(), out);
    }

    /** Lorenz: {@code x' = σ(y − x), y' = x(ρ − z) − y, z' = xy − βz} (σ 10, β 8/3, ρ 28), from (8, 1, 1), RK4. */
    public static Series lorenz(double duration, double dt) { return lorenz(duration, dt, 10, 8.0 / 3, 28, Method.RK4); }

    /** Lorenz with parameters. */
    public static Series lorenz(double duration, double dt, double sigma, double beta, double rho, Method m) {
        return lorenz(duration, dt, sigma, beta, rho, m, 8, 1, 1);
    }

    /** Lorenz with BrainPy's parameters from the initial state {@code (x0, y0, z0)} (BrainPy's {@code inits}). */
    public static Series lorenz(double duration, double dt, double x0, double y0, double z0) {
        return lorenz(duration, dt, 10, 8.0 / 3, 28, Method.RK4, x0, y0, z0);
    }

    private static Series lorenz(double duration, double dt, double sigma, double beta, double rho, Method m, double... inits) {
        return run((y, t, p) -> new Tensor[] {y[1].sub(y[0]).mul(sigma), y[0].mul(subtractFrom(rho, y[2])).sub(y[1]), y[0].mul(y[1]).sub(y[2].mul(beta))},
                m, dt, duration, new String[] {"x", "y", "z"}, inits);
    }

    /** Rössler: {@code x' = −y − z, y' = x + ay, z' = b + z(x − c)} (a 0.2, b 0.2, c 5.7), RK4. */
    public static Series rossler(double duration, double dt) {
        double a = 0.2, b = 0.2, c = 5.7;
        return run((y, t, p) -> new Tensor[] {y[1].neg().sub(y[2]), y[0].add(y[1].mul(a)), y[2].mul(y[0].sub(c)).add(b)},
                Method.RK4, dt, duration, new String[] {"x", "y", "z"}, 1, 1, 1);
    }

    /** Chen: {@code x' = a(y − x), y' = (c − a)x − xz + cy, z' = xy − bz} (a 40, b 3, c 28), Euler as in BrainPy. */
    public static Series chen(double duration, double dt) {
        double a = 40, b = 3, c = 28;
        return run((y, t, p) -> new Tensor[] {y[1].sub(y[0]).mul(a), y[0].mul(c - a).sub(y[0].mul(y[2])).add(y[1].mul(c)), y[0].mul(y[1]).sub(y[2].mul(b))},
                Method.EULER, dt, duration, new String[] {"x", "y", "z"}, -0.1, 0.5, -0.6);
    }

    /** Lü–Chen unified system {@code x' = a(y − x), y' = x − xz + cy + u, z' = xy − bz} (a 36, c 20, b 3, u −15.15), RK4. */
    public static Series luChen(double duration, double dt) {
        double a = 36, c = 20, b = 3, u = -15.15;
        return run((y, t, p) -> new Tensor[] {y[1].sub(y[0]).mul(a), y[0].sub(y[0].mul(y[2])).add(y[1].mul(c)).add(u), y[0].mul(y[1]).sub(y[2].mul(b))},
                Method.RK4, dt, duration, new String[] {"x", "y", "z"}, 0.1, 0.3, -0.6);
    }

    /** Rabinovich–Fabrikant {@code x' = y(z − 1 + x²) + γx, y' = x(3z + 1 − x²) + γy, z' = −2z(α + xy)} (α 1.1, γ 0.803), RK4. */
    public static Series rabinovichFabrikant(double duration, double dt) {
        double alpha = 1.1, gamma = 0.803;
        return run((y, t, p) -> new Tensor[] {
                y[1].mul(y[2].sub(1).add(y[0].square())).add(y[0].mul(gamma)),
                y[0].mul(y[2].mul(3).add(1).sub(y[0].square())).add(y[1].mul(gamma)),
                y[2].mul(-2).mul(y[0].mul(y[1]).add(alpha))}, Method.RK4, dt, duration, new String[] {"x", "y", "z"}, -1, 0, 0.5);
    }

    /** Chua's circuit with the piecewise-linear diode (α 10, β 14.514, γ 0, a −1.197, b −0.646), RK4. */
    public static Series chua(double duration, double dt) {
        double alpha = 10, beta = 14.514, gamma = 0, a = -1.197, b = -0.646;
        return run((y, t, p) -> {
            Tensor fx = y[0].mul(b).add(BM.abs(y[0].add(1)).sub(BM.abs(y[0].sub(1))).mul(0.5 * (a - b)));
            return new Tensor[] {y[1].sub(y[0]).sub(fx).mul(alpha), y[0].sub(y[1]).add(y[2]), y[1].mul(-beta).sub(y[2].mul(gamma))};
        }, Method.RK4, dt, duration, new String[] {"x", "y", "z"}, 0.001, 0, 0);
    }

    /** The double-scroll circuit (R1 1.2, R2 3.44, R4 0.193, β 11.6, Ir 4.5e-5), RK4, dt default 0.01. */
    public static Series doubleScroll(double duration, double dt) {
        double r1 = 1.2, r2 = 3.44, r4 = 0.193, beta = 11.6, ir = 4.5e-5;
        return run((y, t, p) -> {
            Tensor dv = y[0].sub(y[1]);
            Tensor i = BM.sinh(dv.mul(beta)).mul(2 * ir);      // diode current 2·Ir·sinh(β·ΔV)
            return new Tensor[] {y[0].div(r1).neg().add(dv.div(r2).neg()).sub(i), dv.div(r2).add(i).sub(y[2]), y[1].sub(y[2].mul(r4))};
        }, Method.RK4, dt, duration, new String[] {"x", "y", "z"}, 0.37926545, 0.058339, -0.08167691);
    }

    /** Mackey–Glass {@code x' = βx(t−τ)/(1 + x(t−τ)ⁿ) − γx} (β 2, γ 1, τ 2, n 9.65), RK4, dt default 0.1, history 1.2. */
    public static Series mackeyGlass(double duration, double dt) { return mackeyGlass(duration, dt, 2, 1, 2, 9.65); }

    /** Mackey–Glass with parameters. */
    public static Series mackeyGlass(double duration, double dt, double beta, double gamma, double tau, double n) {
        TimeDelay xd = new TimeDelay(s(1.2), tau, dt, 0, t -> s(1.2), TimeDelay.Interp.LINEAR);
        DelayedOde mg = new DelayedOde(Odeint.odeint((y, t, p) -> {
            Tensor xt = xd.at(t - tau);
            return new Tensor[] {xt.mul(beta).div(xt.pow(n).add(1)).sub(y[0].mul(gamma))};
        }, Method.RK4, dt)).stateDelay(0, xd);
        int steps = (int) Math.round(duration / dt);
        Tensor[] y = {s(1.2)};
        double[] x = new double[steps], ts = new double[steps];
        for (int i = 0; i < steps; i++) {
            y = mg.step(y, i * dt);
            x[i] = y[0].item();
            ts[i] = (i + 1) * dt;
        }
        return new Series(BM.array(ts), Map.of("x", BM.array(x).reshape(-1, 1)));
    }

    /** Hénon map {@code x' = 1 − a x² + y, y' = b x} (a 1.4, b 0.3) from (0, 0). */
    public static Series henon(int numStep) {
        double a = 1.4, b = 0.3, x = 0, y = 0;
        double[] xs = new double[numStep], ys = new double[numStep], ts = new double[numStep];
        for (int i = 0; i < numStep; i++) {
            double nx = 1 - a * x * x + y;
            y = b * x;
            x = nx;
            xs[i] = x;
            ys[i] = y;
            ts[i] = i;
        }
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("x", BM.array(xs).reshape(-1, 1));
        m.put("y", BM.array(ys).reshape(-1, 1));
        return new Series(BM.array(ts), m);
    }

    /** Logistic map {@code x' = μx(1 − x)} (μ 3) from 0.2; chaotic for μ ≈ 3.57 … 4. */
    public static Series logistic(int numStep, double mu) {
        double x = 0.2;
        double[] xs = new double[numStep], ts = new double[numStep];
        for (int i = 0; i < numStep; i++) {
            x = mu * x * (1 - x);
            xs[i] = x;
            ts[i] = i;
        }
        return new Series(BM.array(ts), Map.of("x", BM.array(xs).reshape(-1, 1)));
    }

    private static Tensor subtractFrom(double c, Tensor x) { return BM.subtract(c, x); }
}
