package org.braindyn.train;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The solvers behind {@link OfflineMethod}, in float64. {@link #solve(OfflineMethod, Gram)} works from blocked
 * normal-equation sums; {@link #fit(OfflineMethod, Tensor, Tensor, boolean)} takes whole design and target matrices
 * (any method, polynomial ones included) and returns a fit that predicts.
 * <pre>{@code
 * Regression.Fit f = Regression.fit(new OfflineMethod.Ridge(1e-6), x, y, true);   // x (n, p), y (n, q)
 * Tensor yHat = f.predict(xNew);
 * }</pre>
 */
public final class Regression {
    private Regression() {}

    /** Weights {@code (p', q)} over the (possibly expanded) features; row 0 is the intercept when {@code intercept}. */
    public record Fit(OfflineMethod method, Tensor weights, boolean intercept, int degree) {
        /** Predictions {@code (n, q)} for raw features {@code x} {@code (n, p)}. */
        public Tensor predict(Tensor x) { return org.braindyn.tensor.BM.matmul(design(x.astype(DType.F64), intercept, degree), weights); }
    }

    /** Fits {@code y ≈ f(x)} with {@code method}; {@code intercept} adds the constant column first. */
    public static Fit fit(OfflineMethod method, Tensor x, Tensor y, boolean intercept) {
        if (x.ndim() != 2 || y.ndim() != 2 || x.dim(0) != y.dim(0))
            throw new IllegalArgumentException("Regression.fit: needs x (n, p) and y (n, q) with the same n; got " + x.shape() + " and " + y.shape());
        int degree = method instanceof OfflineMethod.Polynomial pm ? pm.degree() : method instanceof OfflineMethod.PolynomialRidge pr ? pr.degree() : 1;
        Tensor d = design(x.astype(DType.F64), intercept, degree);
        Tensor yd = y.astype(DType.F64);
        Tensor w;
        if (method instanceof OfflineMethod.Logistic lg) w = logistic(lg, d, yd, intercept);
        else {
            Gram g = new Gram(d.dim(1), yd.dim(1));
            g.add(d, yd);
            w = solve(method, g, intercept);
        }
        return new Fit(method, w, intercept, degree);
    }

    /** The design matrix: an optional constant column, then all monomials of degree 1…{@code degree} of x's columns. */
    static Tensor design(Tensor x, boolean intercept, int degree) {
        int n = x.dim(0), p = x.dim(1);
        List<int[]> terms = new ArrayList<>();
        for (int deg = 1; deg <= degree; deg++) terms.addAll(org.braindyn.nn.NVAR.combinationsOf(p, deg));
        if (degree > 1 && terms.size() > 50_000)
            throw new IllegalArgumentException("Regression: degree " + degree + " on " + p + " features makes " + terms.size() + " monomials; expected at most 50000. Lower the degree or reduce the features");
        int cols = terms.size() + (intercept ? 1 : 0);
        double[] v = x.contiguous().toDoubleArray(), out = new double[n * cols];
        for (int i = 0; i < n; i++) {
            int o = i * cols, c = 0;
            if (intercept) out[o + c++] = 1;
            for (int[] t : terms) {
                double m = 1;
                for (int k : t) m *= v[i * p + k];
                out[o + c++] = m;
            }
        }
        return Tensor.wrap(DType.F64, Shape.of(n, cols), out);
    }

    /** Solves from blocked sums (every method but logistic); the constant column, if any, is column 0. */
    public static Tensor solve(OfflineMethod method, Gram g, boolean intercept) {
        return switch (method) {
            case OfflineMethod.Ridge r -> ridge(g, r.beta());
            case OfflineMethod.Linear l -> pinvSolve(g);
            case OfflineMethod.Polynomial p -> pinvSolve(g);
            case OfflineMethod.PolynomialRidge p -> ridge(g, p.beta());
            case OfflineMethod.Lasso l -> coordinateDescent(g, l.alpha(), 1.0, l.maxIter(), intercept);
            case OfflineMethod.ElasticNet e -> coordinateDescent(g, e.alpha(), e.l1Ratio(), e.maxIter(), intercept);
            case OfflineMethod.Logistic lg -> throw new IllegalArgumentException("Regression.solve: logistic regression needs the design rows, not their sums; use Regression.fit");
        };
    }

    /**
     * {@code (G + βI)⁻¹ R} by Cholesky ({@link Cholesky}); when {@code G + βI} is not positive definite,
     * {@code pinv(G + βI) R}.
     */
    static Tensor ridge(Gram g, double beta) {
        int p = g.p(), q = g.q();
        double[] l = g.xtx().toDoubleArray(), w = g.xty().toDoubleArray();
        for (int i = 0; i < p; i++) l[i * p + i] += beta;
        if (Cholesky.factor(l, p)) {
            Cholesky.solve(l, p, w, q);
            boolean finite = true;
            for (double v : w) finite &= Double.isFinite(v);
            if (finite) return Tensor.wrap(DType.F64, Shape.of(p, q), w);
        }
        DMatrixRMaj a = matrix(g.xtx());
        for (int i = 0; i < p; i++) a.add(i, i, beta);
        DMatrixRMaj b = matrix(g.xty()), x = new DMatrixRMaj(p, q);
        DMatrixRMaj ai = new DMatrixRMaj(p, p);
        CommonOps_DDRM.pinv(a, ai);
        CommonOps_DDRM.mult(ai, b, x);
        return tensor(x);
    }

    private static Tensor pinvSolve(Gram g) {
        DMatrixRMaj a = matrix(g.xtx()), ai = new DMatrixRMaj(g.p(), g.p()), x = new DMatrixRMaj(g.p(), g.q());
        CommonOps_DDRM.pinv(a, ai);
        CommonOps_DDRM.mult(ai, matrix(g.xty()), x);
        return tensor(x);
    }

    /**
     * Cyclic coordinate descent on {@code ½wᵀGw − Rᵀw + n·α·ρ·‖w‖₁ + n·α·(1 − ρ)·‖w‖²/2} for each target column,
     * the intercept (column 0 when present) unpenalised; stops when no weight moves by more than 1e-10 relative.
     */
    static Tensor coordinateDescent(Gram g, double alpha, double l1Ratio, int maxIter, boolean intercept) {
        int p = g.p(), q = g.q();
        double[] gm = g.xtx().toDoubleArray(), r = g.xty().toDoubleArray(), w = new double[p * q];
        double n = g.rows(), l1 = n * alpha * l1Ratio, l2 = n * alpha * (1 - l1Ratio);
        for (int c = 0; c < q; c++) {
            for (int it = 0; it < maxIter; it++) {
                double maxMove = 0, maxW = 0;
                for (int j = 0; j < p; j++) {
                    if (gm[j * p + j] == 0) continue;
                    double rho = r[j * q + c];
                    for (int k = 0; k < p; k++) if (k != j) rho -= gm[j * p + k] * w[k * q + c];
                    boolean free = intercept && j == 0;
                    double nw = free ? rho / gm[j * p + j] : Math.signum(rho) * Math.max(Math.abs(rho) - l1, 0) / (gm[j * p + j] + l2);
                    maxMove = Math.max(maxMove, Math.abs(nw - w[j * q + c]));
                    maxW = Math.max(maxW, Math.abs(nw));
                    w[j * q + c] = nw;
                }
                if (maxMove <= 1e-10 * Math.max(1, maxW)) break;
            }
        }
        return Tensor.wrap(DType.F64, Shape.of(p, q), w);
    }

    /** Newton's method on the penalised logistic loss, one target column at a time. */
    static Tensor logistic(OfflineMethod.Logistic m, Tensor x, Tensor y, boolean intercept) {
        int n = x.dim(0), p = x.dim(1), q = y.dim(1);
        double[] xv = x.contiguous().toDoubleArray(), yv = y.contiguous().toDoubleArray(), w = new double[p * q];
        for (int c = 0; c < q; c++) {
            for (int i = 0; i < n; i++) {
                double t = yv[i * q + c];
                if (!(t >= 0 && t <= 1)) throw new IllegalArgumentException("Logistic: targets must lie in [0, 1]; got " + t + " at row " + i);
            }
            double[] wc = new double[p];
            for (int it = 0; it < m.maxIter(); it++) {
                DMatrixRMaj h = new DMatrixRMaj(p, p), grad = new DMatrixRMaj(p, 1);
                for (int i = 0; i < n; i++) {
                    double z = 0;
                    for (int k = 0; k < p; k++) z += xv[i * p + k] * wc[k];
                    double pr = 1 / (1 + Math.exp(-z)), s = Math.max(pr * (1 - pr), 1e-12), e = pr - yv[i * q + c];
                    for (int a = 0; a < p; a++) {
                        double xa = xv[i * p + a];
                        grad.data[a] += xa * e;
                        for (int b = a; b < p; b++) h.data[a * p + b] += s * xa * xv[i * p + b];
                    }
                }
                for (int a = 0; a < p; a++) {
                    for (int b = 0; b < a; b++) h.data[a * p + b] = h.data[b * p + a];
                    boolean free = intercept && a == 0;
                    if (!free) { h.data[a * p + a] += m.lambda(); grad.data[a] += m.lambda() * wc[a]; }
                    h.data[a * p + a] += 1e-10;
                }
                DMatrixRMaj step = new DMatrixRMaj(p, 1);
                if (!CommonOps_DDRM.solve(h, grad, step)) throw new ArithmeticException("Logistic: singular Hessian");
                double move = 0;
                for (int a = 0; a < p; a++) { wc[a] -= step.data[a]; move = Math.max(move, Math.abs(step.data[a])); }
                if (move < 1e-10) break;
            }
            for (int a = 0; a < p; a++) w[a * q + c] = wc[a];
        }
        return Tensor.wrap(DType.F64, Shape.of(p, q), w);
    }

    private static DMatrixRMaj matrix(Tensor t) { return new DMatrixRMaj(t.dim(0), t.dim(1), true, t.astype(DType.F64).contiguous().toDoubleArray()); }

    private static Tensor tensor(DMatrixRMaj m) { return Tensor.wrap(DType.F64, Shape.of(m.numRows, m.numCols), m.data.clone()); }
}
