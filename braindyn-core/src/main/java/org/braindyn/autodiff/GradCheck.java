package org.braindyn.autodiff;

import java.util.SplittableRandom;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Finite-difference checks of gradients, in float64: for random directions {@code v} (and random output cotangents
 * {@code u}), the reverse-mode value {@code ⟨vjp(u), v⟩} and the forward-mode value {@code ⟨u, jvp(v)⟩} are compared
 * with the central difference {@code ⟨u, f(x+hv) − f(x−hv)⟩ / 2h}. Order 2 repeats the check on the function
 * {@code x ↦ ⟨∇⟨u, f⟩(x), w⟩}, i.e. differentiates the reverse pass itself.
 * <pre>{@code
 * GradCheck.Report r = GradCheck.check(a -> BM.tanh(a[0]).sum(), new Tensor[] {x}, 2, GradCheck.Mode.values());
 * assert r.maxRelError() < 1e-6;
 * }</pre>
 */
public final class GradCheck {
    /** Which derivative to check. */
    public enum Mode { REVERSE, FORWARD }

    /** The worst relative error found, and how many directional checks ran. */
    public record Report(double maxRelError, int checks) {}

    private GradCheck() {}

    /** Checks {@code f} at {@code args} up to {@code order} (1 or 2; order 2 applies to reverse mode). */
    public static Report check(Autodiff.Fn f, Tensor[] args, int order, Mode... modes) { return check(f, args, order, 1e-6, modes); }

    /** As {@link #check(Autodiff.Fn, Tensor[], int, Mode...)} with finite-difference step {@code h}. */
    public static Report check(Autodiff.Fn f, Tensor[] args, int order, double h, Mode... modes) {
        Tensor[] x = new Tensor[args.length];
        for (int i = 0; i < x.length; i++) x[i] = args[i].astype(DType.F64);
        SplittableRandom rnd = new SplittableRandom(17);
        double worst = 0;
        int checks = 0;
        for (int trial = 0; trial < 3; trial++) {
            Tensor y = f.apply(x);
            Tensor u = random(rnd, y);
            Autodiff.Fn s = a -> BM.sum(f.apply(a).mul(u));
            Tensor[] v = new Tensor[x.length];
            for (int i = 0; i < v.length; i++) v[i] = random(rnd, x[i]);
            double numeric = directional(s, x, v, h);
            for (Mode m : modes) {
                double analytic = switch (m) {
                    case REVERSE -> dot(Autodiff.vjp(f, x).pullback().apply(u), v);
                    case FORWARD -> BM.sum(Autodiff.jvp(f, x, v)[1].mul(u)).item();
                };
                worst = Math.max(worst, rel(analytic, numeric));
                checks++;
            }
            if (order >= 2) {
                Tensor[] w = new Tensor[x.length];
                for (int i = 0; i < w.length; i++) w[i] = random(rnd, x[i]);
                Autodiff.Fn gs = a -> {
                    Tensor[] g = Autodiff.vjp(s, a).pullback().apply(BM.scalar(1, DType.F64));
                    Tensor acc = BM.scalar(0, DType.F64);
                    for (int i = 0; i < g.length; i++) acc = acc.add(BM.sum(g[i].mul(w[i])));
                    return acc;
                };
                double num2 = directional(gs, x, v, h);
                double an2 = dot(Autodiff.vjp(gs, x).pullback().apply(BM.scalar(1, DType.F64)), v);
                worst = Math.max(worst, rel(an2, num2));
                checks++;
            }
        }
        return new Report(worst, checks);
    }

    private static double directional(Autodiff.Fn s, Tensor[] x, Tensor[] v, double h) {
        Tensor[] p = new Tensor[x.length], m = new Tensor[x.length];
        for (int i = 0; i < x.length; i++) {
            p[i] = x[i].add(v[i].mul(h));
            m[i] = x[i].sub(v[i].mul(h));
        }
        return (s.apply(p).item() - s.apply(m).item()) / (2 * h);
    }

    private static double dot(Tensor[] g, Tensor[] v) {
        double d = 0;
        for (int i = 0; i < g.length; i++) d += BM.sum(g[i].astype(DType.F64).mul(v[i])).item();
        return d;
    }

    private static double rel(double a, double b) { return Math.abs(a - b) / Math.max(1e-3, Math.max(Math.abs(a), Math.abs(b))); }

    private static Tensor random(SplittableRandom rnd, Tensor like) {
        double[] d = new double[like.size()];
        for (int i = 0; i < d.length; i++) d[i] = rnd.nextGaussian();
        return BM.array(d).reshape(like.shape().toArray());
    }
}
