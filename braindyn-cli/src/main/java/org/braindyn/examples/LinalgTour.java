package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import org.braindyn.linalg.Linalg;
import org.braindyn.tensor.Tensor;

/** Solves, decomposes and checks a few matrices, printing the residual of each identity. */
public final class LinalgTour implements Example {
    @Override public String name() { return "linalg"; }

    @Override public String description() { return "linear algebra: solve, inv, det, SVD, eig (complex), eigh, Cholesky, QR, lstsq"; }

    @Override public void run(PrintStream log, Path out, RunOptions options) {
        Tensor a = array(new double[][] {{4, 1, 2}, {1, 3, 0}, {2, 0, 5}});
        Tensor b = array(new double[] {1, 2, 3});
        Tensor x = Linalg.solve(a, b);
        log.println("a = " + a);
        log.println("solve(a, b) = " + x + "   |a·x − b| = " + Linalg.norm(matmul(a, x).sub(b)).item());
        log.println("det(a) = " + Linalg.det(a).item() + "   |a·inv(a) − I| = " + Linalg.norm(matmul(a, Linalg.inv(a)).sub(eye(3))).item());
        Linalg.Svd s = Linalg.svd(a);
        log.println("singular values = " + s.s());
        Linalg.Eig e = Linalg.eig(array(new double[][] {{0, -1}, {1, 0}}));
        log.println("eig([[0,-1],[1,0]]) = " + e.wReal() + " + i·" + e.wImag());
        Linalg.Eigh h = Linalg.eigh(a);
        log.println("eigh(a).w = " + h.w());
        Tensor l = Linalg.cholesky(a);
        log.println("|L·Lᵀ − a| = " + Linalg.norm(matmul(l, l.T()).sub(a)).item());
        Linalg.Lstsq ls = Linalg.lstsq(array(new double[][] {{1, 1}, {1, 2}, {1, 3}, {1, 4}}), array(new double[] {6, 5, 7, 10}));
        log.println("line fit through (1,6),(2,5),(3,7),(4,10): intercept, slope = " + ls.x());
    }
}
