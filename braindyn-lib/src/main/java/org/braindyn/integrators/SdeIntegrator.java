package org.braindyn.integrators;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * One SDE integrator ({@link Sdeint#sdeint}). {@link #step(Tensor[], double, Tensor...)} draws the Wiener
 * increments from its {@link RandomState}; {@link #stepWith} takes them explicitly, so convergence can be measured
 * against an exact solution driven by the same path. Schemes, with {@code ΔW ~ N(0, dt)}:
 * <ul>
 * <li>Euler–Maruyama (Itô): {@code y' = y + f·dt + g·ΔW}.</li>
 * <li>Euler–Heun (Stratonovich): {@code ŷ = y + g·ΔW}, {@code y' = y + f·dt + ½(g(y) + g(ŷ))·ΔW}.</li>
 * <li>Heun (Stratonovich): {@code ȳ = y + f·dt + g·ΔW}, {@code y' = y + ½(f + f(ȳ))·dt + ½(g + g(ȳ))·ΔW}.</li>
 * <li>Milstein, derivative-free: {@code Ŷ = y + f·dt + g·√dt},
 *     {@code y' = y + f·dt + g·ΔW + (g(Ŷ) − g)·(ΔW² − dt)/(2√dt)} (Itô; {@code ΔW²} without {@code − dt} for Stratonovich).</li>
 * <li>Exponential Euler (Itô): the drift advanced as in {@code exp_auto}, plus {@code g·ΔW}.</li>
 * </ul>
 */
public final class SdeIntegrator implements Stepper {
    private final Derivative f, g;
    private final SdeMethod method;
    private final Sdeint.IntgType type;
    private final Sdeint.WienerType wiener;
    private final double dt;
    private final RandomState rng;

    SdeIntegrator(Derivative f, Derivative g, SdeMethod method, Sdeint.IntgType type, Sdeint.WienerType wiener, double dt, RandomState rng) {
        this.f = f;
        this.g = g;
        this.method = method;
        this.type = type;
        this.wiener = wiener;
        this.dt = dt;
        this.rng = rng;
    }

    /** The step in ms. */
    @Override public double dt() { return dt; }

    /** One step with freshly drawn Wiener increments. */
    @Override public Tensor[] step(Tensor[] vars, double t, Tensor... params) { return stepWith(vars, t, increments(vars, t, params), params); }

    /** One step for a single variable. */
    public Tensor step(Tensor y, double t, Tensor... params) { return step(new Tensor[] {y}, t, params)[0]; }

    /** Wiener increments {@code N(0, dt)}: one per element of each variable (scalar noise) or one m-vector (vector noise). */
    public Tensor[] increments(Tensor[] vars, double t, Tensor[] params) {
        if (wiener == Sdeint.WienerType.SCALAR) {
            Tensor[] dw = new Tensor[vars.length];
            for (int v = 0; v < vars.length; v++) dw[v] = rng.normal(0, Math.sqrt(dt), vars[v].shape().toArray()).astype(vars[v].dtype());
            return dw;
        }
        Tensor[] gv = g.apply(vars, t, params);
        int m = gv[0].dim(-1);
        Tensor dw = rng.normal(0, Math.sqrt(dt), m).astype(vars[0].dtype());
        Tensor[] out = new Tensor[vars.length];
        java.util.Arrays.fill(out, dw);
        return out;
    }

    /** One step driven by the given Wiener increments (see {@link #increments}). */
    public Tensor[] stepWith(Tensor[] y, double t, Tensor[] dW, Tensor... params) {
        Tensor[] fy = check("drift", f.apply(y, t, params), y);
        Tensor[] gy = check("diffusion", g.apply(y, t, params), y);
        Tensor[] out = new Tensor[y.length];
        switch (method) {
            case EULER -> {
                if (type == Sdeint.IntgType.ITO) {
                    for (int v = 0; v < y.length; v++) out[v] = y[v].add(fy[v].mul(dt)).add(noise(gy[v], dW[v]));
                } else {
                    Tensor[] yh = new Tensor[y.length];
                    for (int v = 0; v < y.length; v++) yh[v] = y[v].add(noise(gy[v], dW[v]));
                    Tensor[] gh = check("diffusion", g.apply(yh, t, params), y);
                    for (int v = 0; v < y.length; v++) out[v] = y[v].add(fy[v].mul(dt)).add(noise(gy[v].add(gh[v]).mul(0.5), dW[v]));
                }
            }
            case HEUN -> {
                Tensor[] yb = new Tensor[y.length];
                for (int v = 0; v < y.length; v++) yb[v] = y[v].add(fy[v].mul(dt)).add(noise(gy[v], dW[v]));
                Tensor[] fb = check("drift", f.apply(yb, t + dt, params), y), gb = check("diffusion", g.apply(yb, t + dt, params), y);
                for (int v = 0; v < y.length; v++)
                    out[v] = y[v].add(fy[v].add(fb[v]).mul(0.5 * dt)).add(noise(gy[v].add(gb[v]).mul(0.5), dW[v]));
            }
            case MILSTEIN -> {
                double sq = Math.sqrt(dt);
                Tensor[] ys = new Tensor[y.length];
                for (int v = 0; v < y.length; v++) ys[v] = y[v].add(fy[v].mul(dt)).add(gy[v].mul(sq));
                Tensor[] gs = check("diffusion", g.apply(ys, t, params), y);
                for (int v = 0; v < y.length; v++) {
                    Tensor w2 = dW[v].square();
                    if (type == Sdeint.IntgType.ITO) w2 = w2.sub(dt);
                    out[v] = y[v].add(fy[v].mul(dt)).add(gy[v].mul(dW[v])).add(gs[v].sub(gy[v]).mul(w2).div(2 * sq));
                }
            }
            case EXP_EULER -> {
                Tensor[] drift = new ExpEulerIntegrator(f, dt, "exp_euler").step(y, t, params);
                for (int v = 0; v < y.length; v++) out[v] = drift[v].add(noise(gy[v], dW[v]));
            }
        }
        return out;
    }

    private Tensor noise(Tensor gv, Tensor dw) {
        return wiener == Sdeint.WienerType.SCALAR ? gv.mul(dw) : BM.matmul(gv, dw);
    }

    private Tensor[] check(String what, Tensor[] d, Tensor[] y) {
        if (d == null || d.length != y.length)
            throw new IllegalArgumentException("sdeint[" + method.keyword() + "]: the " + what + " returned " + (d == null ? "null" : d.length + " values")
                    + " for " + y.length + " state variables; return one per variable, in order");
        if (what.equals("diffusion") && wiener == Sdeint.WienerType.VECTOR)
            for (int v = 0; v < y.length; v++)
                if (d[v].ndim() != y[v].ndim() + 1)
                    throw new IllegalArgumentException("sdeint[" + method.keyword() + "]: with VECTOR noise the diffusion of variable " + v
                            + " needs shape " + y[v].shape() + " + (m,); got " + d[v].shape());
        return d;
    }

    /** Shape helper for tests and users: a zero diffusion of {@code m} noise sources for {@code y}. */
    public static Tensor zeroVectorNoise(Tensor y, int m) {
        int[] s = java.util.Arrays.copyOf(y.shape().toArray(), y.ndim() + 1);
        s[y.ndim()] = m;
        return BM.zeros(Shape.of(s), y.dtype());
    }
}
