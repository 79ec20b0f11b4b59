package org.braindyn.linalg;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Linear algebra against known decompositions and the identities that define them. */
class LinalgTest {
    static final Tensor A = array(new double[][] {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}});   // symmetric positive definite

    static void close(Tensor want, Tensor got, double tol) {
        assertEquals(want.shape(), got.shape());
        assertTrue(allclose(got, want, 0, tol), "expected " + want + " got " + got);
    }

    @Test
    void solveInvDet() {
        Tensor b = array(new double[] {1, 2, 3});
        Tensor x = Linalg.solve(A, b);
        close(b, matmul(A, x), 1e-12);
        close(eye(3).astype(DType.F64), matmul(A, Linalg.inv(A)), 1e-12);
        assertEquals(4 * 15 - 1 * 5 + 2 * (0 - 6), Linalg.det(A).item(), 1e-12);
        Tensor stack = stack(A, eye(3).astype(DType.F64).mul(2));
        close(array(new double[] {43, 8}), Linalg.det(stack), 1e-12);
        close(stack(Linalg.inv(A), eye(3).astype(DType.F64).mul(0.5)), Linalg.inv(stack), 1e-12);
        assertEquals(DType.F32, Linalg.inv(A.astype(DType.F32)).dtype());
        ArithmeticException e = assertThrows(ArithmeticException.class, () -> Linalg.inv(array(new double[][] {{1, 2}, {2, 4}})));
        assertTrue(e.getMessage().contains("singular"));
        assertThrows(IllegalArgumentException.class, () -> Linalg.det(ones(2, 3)));
    }

    @Test
    void pinvAndLstsq() {
        Tensor m = array(new double[][] {{1, 1}, {1, 2}, {1, 3}, {1, 4}});
        Tensor y = array(new double[] {6, 5, 7, 10});
        Linalg.Lstsq r = Linalg.lstsq(m, y);
        close(array(new double[] {3.5, 1.4}), r.x(), 1e-12);           // the textbook line fit
        assertEquals(2, r.rank());
        assertEquals(4.2, r.residuals().item(), 1e-12);
        close(r.x(), matmul(Linalg.pinv(m), y), 1e-12);
        Tensor rankDef = array(new double[][] {{1, 2}, {2, 4}});
        assertEquals(1, Linalg.lstsq(rankDef, array(new double[] {1, 2})).rank());
    }

    @Test
    void svdReconstructs() {
        Tensor m = array(new double[][] {{3, 2, 2}, {2, 3, -2}});
        Linalg.Svd s = Linalg.svd(m);
        close(array(new double[] {5, 3}), s.s(), 1e-12);                 // known singular values
        close(m, matmul(s.u().mul(s.s()), s.vt()), 1e-12);
        close(eye(2).astype(DType.F64), matmul(s.u().T(), s.u()), 1e-12);
        Linalg.Svd full = Linalg.svd(m, true);
        assertEquals(Shape.of(3, 3), full.vt().shape());
    }

    @Test
    void symmetricAndGeneralEigen() {
        Tensor sym = array(new double[][] {{2, 1}, {1, 2}});
        Linalg.Eigh e = Linalg.eigh(sym);
        close(array(new double[] {1, 3}), e.w(), 1e-12);
        close(matmul(sym, e.v()), e.v().mul(e.w()), 1e-12);
        Tensor rot = array(new double[][] {{0, -1}, {1, 0}});           // eigenvalues ±i
        Linalg.Eig g = Linalg.eig(rot);
        close(zeros(Shape.of(2), DType.F64), g.wReal(), 1e-12);
        double[] im = g.wImag().toDoubleArray();
        assertEquals(1.0, Math.abs(im[0]), 1e-12);
        assertEquals(-im[0], im[1], 1e-12);
        for (int k = 0; k < 2; k++) {                                  // A v = λ v in complex arithmetic
            Tensor vr = g.vReal().get(":, " + k), vi = g.vImag().get(":, " + k);
            double lr = g.wReal().getDouble(k), li = g.wImag().getDouble(k);
            close(vr.mul(lr).sub(vi.mul(li)), matmul(rot, vr), 1e-10);
            close(vr.mul(li).add(vi.mul(lr)), matmul(rot, vi), 1e-10);
            assertEquals(1.0, sum(vr.square().add(vi.square())).item(), 1e-12);
        }
        Linalg.Eig real = Linalg.eig(array(new double[][] {{2, 0}, {0, 3}}));
        close(zeros(Shape.of(2), DType.F64), real.wImag(), 0);
    }

    @Test
    void choleskyAndQr() {
        Tensor l = Linalg.cholesky(A);
        close(A, matmul(l, l.T()), 1e-12);
        assertEquals(0.0, l.getDouble(0, 2));
        assertThrows(ArithmeticException.class, () -> Linalg.cholesky(array(new double[][] {{1, 2}, {2, 1}})));
        Tensor m = array(new double[][] {{12, -51, 4}, {6, 167, -68}, {-4, 24, -41}});
        Linalg.Qr qr = Linalg.qr(m);
        close(m, matmul(qr.q(), qr.r()), 1e-10);
        close(eye(3).astype(DType.F64), matmul(qr.q().T(), qr.q()), 1e-12);
        assertEquals(14.0, Math.abs(qr.r().getDouble(0, 0)), 1e-12);   // the Householder textbook example
        assertEquals(0.0, qr.r().getDouble(2, 0), 1e-12);
    }

    @Test
    void norms() {
        Tensor v = array(new double[] {3, -4});
        assertEquals(5, Linalg.norm(v).item(), 1e-15);
        assertEquals(7, Linalg.norm(v, "1").item(), 1e-15);
        assertEquals(4, Linalg.norm(v, "inf").item(), 1e-15);
        assertEquals(2, Linalg.norm(v, "0").item(), 1e-15);
        Tensor m = array(new double[][] {{3, 2, 2}, {2, 3, -2}});
        assertEquals(Math.sqrt(34), Linalg.norm(m, "fro").item(), 1e-12);
        assertEquals(8, Linalg.norm(m, "nuc").item(), 1e-12);
        assertEquals(5, Linalg.norm(m, "2").item(), 1e-12);
        assertEquals(7, Linalg.norm(m, "inf").item(), 1e-12);
        assertEquals(5, Linalg.norm(m, "1").item(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Linalg.norm(m, "weird"));
    }
}
