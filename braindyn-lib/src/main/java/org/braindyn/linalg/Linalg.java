package org.braindyn.linalg;

import java.util.Arrays;
import java.util.function.UnaryOperator;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.ejml.data.Complex_F64;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.SingularOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.QRDecomposition;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Dense linear algebra on tensors ({@code bm.linalg} / {@code numpy.linalg}), computed in float64 with EJML and
 * returned in the input's float dtype (integers give the default float). {@link #solve}, {@link #inv} and
 * {@link #det} accept stacks of matrices ({@code (..., n, n)}); the decompositions take one matrix.
 * <pre>{@code
 * Tensor x = Linalg.solve(a, b);          // a @ x == b
 * Linalg.Svd s = Linalg.svd(a);           // a == s.u() @ diag(s.s()) @ s.vt()
 * Linalg.Eig e = Linalg.eig(a);           // complex eigenvalues as (real, imag) tensors
 * }</pre>
 */
public final class Linalg {
    private Linalg() {}

    /** Singular value decomposition {@code a = u · diag(s) · vt}, reduced, singular values descending. */
    public record Svd(Tensor u, Tensor s, Tensor vt) {}

    /** Symmetric eigendecomposition: ascending eigenvalues {@code w}, orthonormal eigenvectors in the columns of {@code v}. */
    public record Eigh(Tensor w, Tensor v) {}

    /**
     * General eigendecomposition with complex results: eigenvalue {@code k} is {@code wReal[k] + i·wImag[k]},
     * its unit eigenvector the column {@code vReal[:, k] + i·vImag[:, k]}.
     */
    public record Eig(Tensor wReal, Tensor wImag, Tensor vReal, Tensor vImag) {}

    /** Reduced QR: {@code a = q · r}, {@code q} with orthonormal columns, {@code r} upper triangular. */
    public record Qr(Tensor q, Tensor r) {}

    /** Least squares: the solution, the residual sum of squares per column (empty unless full rank and m > n), the rank and the singular values. */
    public record Lstsq(Tensor x, Tensor residuals, int rank, Tensor singularValues) {}

    // ---- conversion ----

    static DType outType(Tensor t) { return t.dtype().isFloating() ? t.dtype() : Config.defaultFloat(); }

    static DMatrixRMaj matrix(Tensor t, String who) {
        if (t.ndim() != 2) throw new IllegalArgumentException("linalg." + who + ": needs a matrix; got shape " + t.shape());
        return new DMatrixRMaj(t.dim(0), t.dim(1), true, t.toDoubleArray());
    }

    static Tensor tensor(DMatrixRMaj m, DType dt) {
        return BM.array(Arrays.copyOf(m.data, m.numRows * m.numCols), m.numRows, m.numCols).astype(dt);
    }

    static Tensor vector(double[] v, DType dt) { return BM.array(v.clone()).astype(dt); }

    static void square(Tensor t, String who) {
        if (t.ndim() < 2 || t.dim(-1) != t.dim(-2))
            throw new IllegalArgumentException("linalg." + who + ": needs square matrices (..., n, n); got shape " + t.shape());
    }

    /** Applies {@code f} to each matrix of a stack {@code (..., m, n)}. */
    static Tensor eachMatrix(Tensor t, UnaryOperator<Tensor> f) {
        if (t.ndim() == 2) return f.apply(t);
        int m = t.dim(-2), n = t.dim(-1), batch = t.size() / Math.max(1, m * n);
        Tensor flat = t.reshape(batch, m, n);
        Tensor[] outs = new Tensor[batch];
        for (int i = 0; i < batch; i++) outs[i] = f.apply(flat.get(org.braindyn.tensor.Index.at(i)));
        Tensor st = BM.stack(outs);
        int[] lead = Arrays.copyOf(t.shape().toArray(), t.ndim() - 2);
        int[] shape = new int[lead.length + st.ndim() - 1];
        System.arraycopy(lead, 0, shape, 0, lead.length);
        for (int i = 1; i < st.ndim(); i++) shape[lead.length + i - 1] = st.dim(i);
        return st.reshape(shape);
    }

    // ---- solvers ----

    /** Solves {@code a · x = b} for square {@code a}; {@code b} is a vector or a matrix of right-hand sides. */
    public static Tensor solve(Tensor a, Tensor b) {
        square(a, "solve");
        if (a.ndim() > 2) {
            Tensor[] as = BM.split(a.reshape(-1, a.dim(-2), a.dim(-1)), a.size() / (a.dim(-1) * a.dim(-1)), 0);
            Tensor bs = b.reshape(as.length, -1, b.ndim() == a.ndim() ? b.dim(-1) : 1);
            Tensor[] xs = new Tensor[as.length];
            for (int i = 0; i < as.length; i++) xs[i] = solve(as[i].squeeze(0), bs.get(org.braindyn.tensor.Index.at(i)));
            return BM.stack(xs).reshape(b.shape().toArray());
        }
        boolean vec = b.ndim() == 1;
        Tensor b2 = vec ? b.reshape(-1, 1) : b;
        if (b2.dim(0) != a.dim(0))
            throw new IllegalArgumentException("linalg.solve: a is " + a.shape() + " but b has " + b2.dim(0) + " rows; expected " + a.dim(0));
        DMatrixRMaj x = new DMatrixRMaj(a.dim(1), b2.dim(1));
        DMatrixRMaj am = matrix(a, "solve");
        if (!CommonOps_DDRM.solve(am, matrix(b2, "solve"), x) || !allFinite(x))
            throw new ArithmeticException("linalg.solve: singular matrix of shape " + a.shape());
        Tensor r = tensor(x, DType.promote(outType(a), outType(b)));
        return vec ? r.reshape(-1) : r;
    }

    private static boolean allFinite(DMatrixRMaj m) {
        for (int i = 0; i < m.numRows * m.numCols; i++) if (!Double.isFinite(m.data[i])) return false;
        return true;
    }

    /** Inverse of each square matrix; singular matrices are an error. */
    public static Tensor inv(Tensor a) {
        square(a, "inv");
        return eachMatrix(a, m -> {
            DMatrixRMaj x = matrix(m, "inv");
            if (!CommonOps_DDRM.invert(x) || !allFinite(x)) throw new ArithmeticException("linalg.inv: singular matrix");
            return tensor(x, outType(a));
        });
    }

    /** Moore–Penrose pseudo-inverse (via SVD). */
    public static Tensor pinv(Tensor a) {
        DMatrixRMaj out = new DMatrixRMaj(a.dim(1), a.dim(0));
        CommonOps_DDRM.pinv(matrix(a, "pinv"), out);
        return tensor(out, outType(a));
    }

    /** Determinant of each square matrix. */
    public static Tensor det(Tensor a) {
        square(a, "det");
        return eachMatrix(a, m -> BM.scalar(CommonOps_DDRM.det(matrix(m, "det")), outType(a)));
    }

    /** Least squares {@code min ‖a·x − b‖₂} via SVD; singular values below {@code rcond·max(s)} count as zero (NumPy default {@code eps·max(m, n)}). */
    public static Lstsq lstsq(Tensor a, Tensor b) {
        int m = a.dim(0), n = a.dim(1);
        double rcond = Math.ulp(1.0) * Math.max(m, n);
        Svd s = svd(a.astype(DType.F64), false);
        double[] sv = s.s().toDoubleArray();
        double cut = rcond * (sv.length == 0 ? 0 : sv[0]);
        int rank = 0;
        double[] inv = new double[sv.length];
        for (int i = 0; i < sv.length; i++) if (sv[i] > cut) { inv[i] = 1 / sv[i]; rank++; }
        Tensor b2 = b.ndim() == 1 ? b.reshape(-1, 1) : b;
        Tensor utb = BM.matmul(s.u().T(), b2.astype(DType.F64));
        Tensor x = BM.matmul(s.vt().T(), utb.mul(BM.array(inv).reshape(-1, 1)));
        Tensor res = BM.zeros(Shape.of(0), DType.F64);
        if (rank == n && m > n) res = BM.sum(BM.square(BM.matmul(a.astype(DType.F64), x).sub(b2.astype(DType.F64))), 0);
        DType dt = outType(a);
        return new Lstsq((b.ndim() == 1 ? x.reshape(-1) : x).astype(dt), res.astype(dt), rank, s.s().astype(dt));
    }

    // ---- decompositions ----

    /** Reduced SVD. */
    public static Svd svd(Tensor a) { return svd(a, false); }

    /** SVD, full ({@code u} m×m, {@code vt} n×n) or reduced. */
    public static Svd svd(Tensor a, boolean full) {
        DMatrixRMaj m = matrix(a, "svd");
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(m.numRows, m.numCols, true, true, !full);
        if (!d.decompose(m)) throw new ArithmeticException("linalg.svd: did not converge for shape " + a.shape());
        DMatrixRMaj u = d.getU(null, false), w = d.getW(null), vt = d.getV(null, true);
        SingularOps_DDRM.descendingOrder(u, false, w, vt, true);
        int k = Math.min(w.numRows, w.numCols);
        double[] s = new double[k];
        for (int i = 0; i < k; i++) s[i] = w.get(i, i);
        DType dt = outType(a);
        return new Svd(tensor(u, dt), vector(s, dt), tensor(vt, dt));
    }

    /** Eigendecomposition of a symmetric matrix (only the lower triangle is trusted, as NumPy). */
    public static Eigh eigh(Tensor a) {
        square(a, "eigh");
        DMatrixRMaj m = matrix(a, "eigh");
        int n = m.numRows;
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) m.set(i, j, m.get(j, i));
        EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(n, true, true);
        if (!d.decompose(m)) throw new ArithmeticException("linalg.eigh: did not converge");
        Integer[] order = new Integer[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) { order[i] = i; w[i] = d.getEigenvalue(i).real; }
        Arrays.sort(order, (x, y) -> Double.compare(w[x], w[y]));
        double[] ws = new double[n], v = new double[n * n];
        for (int c = 0; c < n; c++) {
            ws[c] = w[order[c]];
            DMatrixRMaj vec = d.getEigenVector(order[c]);
            double norm = Math.sqrt(CommonOps_DDRM.dot(vec, vec));
            for (int r = 0; r < n; r++) v[r * n + c] = vec.get(r) / norm;
        }
        DType dt = outType(a);
        return new Eigh(vector(ws, dt), BM.array(v, n, n).astype(dt));
    }

    /** Eigenvalues of a general square matrix, without eigenvectors (NumPy's {@code eigvals}): {@code {real, imag}}. */
    public static Tensor[] eigvals(Tensor a) {
        square(a, "eigvals");
        DMatrixRMaj m = matrix(a, "eigvals");
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(n, false, false);
        if (!d.decompose(m.copy())) throw new ArithmeticException("linalg.eigvals: did not converge");
        double[] wr = new double[n], wi = new double[n];
        for (int k = 0; k < n; k++) { wr[k] = d.getEigenvalue(k).real; wi[k] = d.getEigenvalue(k).imaginary; }
        return new Tensor[] {BM.array(wr), BM.array(wi)};
    }

    /**
     * Eigendecomposition of a general square matrix. Complex eigenvectors are found as the null vector of
     * the real {@code 2n × 2n} embedding of {@code A − λI}, normalised to unit length.
     */
    public static Eig eig(Tensor a) {
        square(a, "eig");
        DMatrixRMaj m = matrix(a, "eig");
        int n = m.numRows;
        EigenDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.eig(n, true, false);
        if (!d.decompose(m.copy())) throw new ArithmeticException("linalg.eig: did not converge");
        double[] wr = new double[n], wi = new double[n], vr = new double[n * n], vi = new double[n * n];
        for (int k = 0; k < n; k++) {
            Complex_F64 lam = d.getEigenvalue(k);
            wr[k] = lam.real;
            wi[k] = lam.imaginary;
            double[][] v = lam.imaginary == 0 && d.getEigenVector(k) != null
                    ? new double[][] {d.getEigenVector(k).data.clone(), new double[n]}
                    : complexNullVector(m, lam.real, lam.imaginary);
            double norm = 0;
            for (int r = 0; r < n; r++) norm += v[0][r] * v[0][r] + v[1][r] * v[1][r];
            norm = Math.sqrt(norm);
            for (int r = 0; r < n; r++) { vr[r * n + k] = v[0][r] / norm; vi[r * n + k] = v[1][r] / norm; }
        }
        DType dt = outType(a);
        return new Eig(vector(wr, dt), vector(wi, dt), BM.array(vr, n, n).astype(dt), BM.array(vi, n, n).astype(dt));
    }

    private static double[][] complexNullVector(DMatrixRMaj a, double re, double im) {
        int n = a.numRows;
        DMatrixRMaj big = new DMatrixRMaj(2 * n, 2 * n);
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) {
            double v = a.get(i, j) - (i == j ? re : 0);
            big.set(i, j, v);
            big.set(n + i, n + j, v);
        }
        for (int i = 0; i < n; i++) { big.set(i, n + i, im); big.set(n + i, i, -im); }
        SingularValueDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.svd(2 * n, 2 * n, false, true, false);
        if (!d.decompose(big)) throw new ArithmeticException("linalg.eig: eigenvector computation did not converge");
        DMatrixRMaj nv = SingularOps_DDRM.nullVector(d, true, null);
        double[][] out = new double[2][n];
        for (int r = 0; r < n; r++) { out[0][r] = nv.get(r); out[1][r] = nv.get(n + r); }
        return out;
    }

    /** Lower-triangular Cholesky factor {@code l} with {@code a = l · lᵀ}; non-positive-definite input is an error. */
    public static Tensor cholesky(Tensor a) {
        square(a, "cholesky");
        DMatrixRMaj m = matrix(a, "cholesky");
        CholeskyDecomposition_F64<DMatrixRMaj> d = DecompositionFactory_DDRM.chol(m.numRows, true);
        if (!d.decompose(m)) throw new ArithmeticException("linalg.cholesky: matrix is not positive definite");
        DMatrixRMaj l = d.getT(null);
        for (int i = 0; i < l.numRows; i++) for (int j = i + 1; j < l.numCols; j++) l.set(i, j, 0);
        return tensor(l, outType(a));
    }

    /** Reduced QR decomposition. */
    public static Qr qr(Tensor a) {
        DMatrixRMaj m = matrix(a, "qr");
        QRDecomposition<DMatrixRMaj> d = DecompositionFactory_DDRM.qr(m.numRows, m.numCols);
        if (!d.decompose(m)) throw new ArithmeticException("linalg.qr: failed for shape " + a.shape());
        DType dt = outType(a);
        return new Qr(tensor(d.getQ(null, true), dt), tensor(d.getR(null, true), dt));
    }

    // ---- norms ----

    /** 2-norm of a vector, Frobenius norm of a matrix (NumPy default). */
    public static Tensor norm(Tensor x) {
        Tensor f = x.dtype().isFloating() ? x : x.astype(Config.defaultFloat());
        return BM.sqrt(BM.sum(BM.square(f)));
    }

    /**
     * Vector norms {@code ord} = any p, {@code ±∞}, 0 (count of non-zeros); matrix norms {@code "fro"},
     * {@code "nuc"}, 1, -1, 2, -2, ∞, -∞ given as {@code "1","-1","2","-2","inf","-inf"}.
     */
    public static Tensor norm(Tensor x, String ord) {
        DType dt = outType(x);
        Tensor a = BM.abs(x.astype(dt));
        if (x.ndim() == 1) {
            return switch (ord) {
                case "inf" -> BM.max(a);
                case "-inf" -> BM.min(a);
                case "0" -> BM.sum(x.ne(0)).astype(dt);
                default -> {
                    double p = Double.parseDouble(ord);
                    yield BM.power(BM.sum(BM.power(a, p)), 1 / p);
                }
            };
        }
        if (x.ndim() != 2) throw new IllegalArgumentException("linalg.norm: needs a vector or a matrix; got shape " + x.shape());
        return switch (ord) {
            case "fro" -> norm(x);
            case "nuc" -> BM.sum(svd(x).s());
            case "1" -> BM.max(BM.sum(a, 0));
            case "-1" -> BM.min(BM.sum(a, 0));
            case "inf" -> BM.max(BM.sum(a, 1));
            case "-inf" -> BM.min(BM.sum(a, 1));
            case "2" -> BM.max(svd(x).s());
            case "-2" -> BM.min(svd(x).s());
            default -> throw new IllegalArgumentException("linalg.norm: unknown matrix norm '" + ord
                    + "'; expected fro, nuc, 1, -1, 2, -2, inf or -inf");
        };
    }
}
