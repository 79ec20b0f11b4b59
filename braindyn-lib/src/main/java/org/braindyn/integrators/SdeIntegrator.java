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
 * <li>SRK1W1 / SRK2W1: Rößler's stochastic Runge–Kutta methods of strong order 1.5 ({@link SriTableau}).</li>
 * <li>KlPl: Kloeden–Platen's derivative-free order-1 scheme, stepped as the Itô Milstein scheme above.</li>
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

    /** One step driven by the given Wiener increments (see {@link #increments}); SRK methods also draw their second normal {@code ΔV}. */
    public Tensor[] stepWith(Tensor[] y, double t, Tensor[] dW, Tensor... params) {
        if (method == SdeMethod.SRK1W1 || method == SdeMethod.SRK2W1) {
            Tensor[] dV = new Tensor[y.length];
            for (int v = 0; v < y.length; v++) dV[v] = rng.normal(0, Math.sqrt(dt), y[v].shape().toArray()).astype(y[v].dtype());
            Tensor[] i10 = new Tensor[y.length];
            for (int v = 0; v < y.length; v++) i10[v] = dW[v].add(dV[v].div(Math.sqrt(3))).mul(0.5 * dt);
            return stepSri(y, t, dW, i10, params);
        }
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
            case SRK1W1, SRK2W1 -> throw new IllegalStateException("unreachable");
            case MILSTEIN, KLPL -> {
                double sq = Math.sqrt(dt);
                if (wiener == Sdeint.WienerType.VECTOR) return milsteinVector(y, t, dW[0], fy, gy, params);
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

    /**
     * Vector-noise Milstein, derivative free: {@code y' = y + f·dt + Σₖ gₖΔWₖ + Σⱼₖ (gₖ(Ŷⱼ) − gₖ(y))/√dt · Iⱼₖ} with
     * the commutative-noise iterated integrals {@code Iⱼₖ = ½(ΔWⱼΔWₖ − δⱼₖ·dt)} (Itô; without {@code δⱼₖ·dt} for
     * Stratonovich), supporting values {@code Ŷⱼ = y + gⱼ√dt} ({@code + f·dt} on the diagonal, as the scalar scheme),
     * so diagonal noise steps exactly as scalar noise.
     */
    private Tensor[] milsteinVector(Tensor[] y, double t, Tensor dw, Tensor[] fy, Tensor[] gy, Tensor[] params) {
        int m = dw.size(), n = y.length;
        double sq = Math.sqrt(dt);
        double[] w = dw.toDoubleArray();
        Tensor[] out = new Tensor[n];
        for (int v = 0; v < n; v++) out[v] = y[v].add(fy[v].mul(dt)).add(BM.matmul(gy[v], dw));
        for (int j = 0; j < m; j++) {
            Tensor[] shifted = new Tensor[n], shiftedDrift = new Tensor[n];
            for (int v = 0; v < n; v++) {
                Tensor gjv = gy[v].get("..., " + j).mul(sq);
                shifted[v] = y[v].add(gjv);
                shiftedDrift[v] = y[v].add(fy[v].mul(dt)).add(gjv);
            }
            Tensor[] gj = check("diffusion", g.apply(shifted, t, params), y);
            Tensor[] gjj = check("diffusion", g.apply(shiftedDrift, t, params), y);
            for (int k = 0; k < m; k++) {
                double ijk = 0.5 * (w[j] * w[k] - (j == k && type == Sdeint.IntgType.ITO ? dt : 0));
                if (ijk == 0) continue;
                Tensor[] src = j == k ? gjj : gj;              // the diagonal term uses the scalar scheme's supporting value
                for (int v = 0; v < n; v++)
                    out[v] = out[v].add(src[v].get("..., " + k).sub(gy[v].get("..., " + k)).mul(ijk / sq));
            }
        }
        return out;
    }

    /** The drift. */
    public Derivative drift() { return f; }

    /**
     * One SRI step with explicit {@code ΔW} and {@code I₁₀ = ∫∫ dW ds} (to measure strong convergence against a path);
     * {@link #stepWith} draws {@code I₁₀} itself.
     */
    public Tensor[] stepSri(Tensor[] y, double t, Tensor[] dW, Tensor[] i10, Tensor... params) {
        SriTableau tb = method == SdeMethod.SRK1W1 ? SriTableau.SRI1W1 : method == SdeMethod.SRK2W1 ? SriTableau.SRI2W1 : null;
        if (tb == null) throw new IllegalStateException("sdeint[" + method.keyword() + "]: stepSri is for srk1w1 and srk2w1");
        int s = tb.alpha().length, n = y.length;
        double sq = Math.sqrt(dt);
        Tensor[][] fs = new Tensor[s][], gs = new Tensor[s][];
        for (int i = 0; i < s; i++) {
            Tensor[] h0 = new Tensor[n], h1 = new Tensor[n];
            for (int v = 0; v < n; v++) {
                Tensor a = y[v], b = y[v];
                for (int j = 0; j < i; j++) {
                    if (tb.a0()[i][j] != 0) a = a.add(fs[j][v].mul(tb.a0()[i][j] * dt));
                    if (tb.b0()[i][j] != 0) a = a.add(gs[j][v].mul(i10[v]).mul(tb.b0()[i][j] / dt));
                    if (tb.a1()[i][j] != 0) b = b.add(fs[j][v].mul(tb.a1()[i][j] * dt));
                    if (tb.b1()[i][j] != 0) b = b.add(gs[j][v].mul(tb.b1()[i][j] * sq));
                }
                h0[v] = a;
                h1[v] = b;
            }
            fs[i] = check("drift", f.apply(h0, t + tb.c0()[i] * dt, params), y);
            gs[i] = check("diffusion", g.apply(h1, t + tb.c1()[i] * dt, params), y);
        }
        Tensor[] out = new Tensor[n];
        for (int v = 0; v < n; v++) {
            Tensor i1 = dW[v], i11 = i1.square().sub(dt).mul(0.5), i111 = i1.pow(3).sub(i1.mul(3 * dt)).div(6);
            Tensor acc = y[v];
            for (int i = 0; i < s; i++) {
                if (tb.alpha()[i] != 0) acc = acc.add(fs[i][v].mul(tb.alpha()[i] * dt));
                Tensor w = i1.mul(tb.beta1()[i]).add(i11.mul(tb.beta2()[i] / sq)).add(i10[v].mul(tb.beta3()[i] / dt)).add(i111.mul(tb.beta4()[i] / dt));
                acc = acc.add(w.mul(gs[i][v]));
            }
            out[v] = acc;
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
