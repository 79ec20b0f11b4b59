package org.braindyn.analysis;

/** Eigenvalues of a real 3×3 matrix from its characteristic cubic (closed form, float64). */
final class Eigen3 {
    private Eigen3() {}

    /** {@code {re[3], im[3]}}; a complex pair has exactly opposite imaginary parts, real eigenvalues exactly zero imaginary part. */
    static double[][] eigenvalues(double[][] m) {
        // λ³ − tr·λ² + c2·λ − det = 0
        double tr = m[0][0] + m[1][1] + m[2][2];
        double c2 = m[0][0] * m[1][1] - m[0][1] * m[1][0] + m[0][0] * m[2][2] - m[0][2] * m[2][0] + m[1][1] * m[2][2] - m[1][2] * m[2][1];
        double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
        // depressed cubic t³ + P t + Q with λ = t + tr/3
        double a = -tr, b = c2, c = -det, shift = -a / 3;
        double P = b - a * a / 3, Q = 2 * a * a * a / 27 - a * b / 3 + c;
        double disc = Q * Q / 4 + P * P * P / 27;
        double scale = Math.max(1, Math.abs(P) + Math.abs(Q));
        if (Math.abs(disc) <= 1e-14 * scale * scale) {                       // repeated roots, all real
            double u = Math.cbrt(-Q / 2);
            return new double[][] {{2 * u + shift, -u + shift, -u + shift}, {0, 0, 0}};
        }
        if (disc < 0) {                                                     // three distinct real roots
            double r = Math.sqrt(-P / 3), phi = Math.acos(Math.max(-1, Math.min(1, -Q / (2 * r * r * r))));
            return new double[][] {{2 * r * Math.cos(phi / 3) + shift, 2 * r * Math.cos((phi + 2 * Math.PI) / 3) + shift,
                    2 * r * Math.cos((phi + 4 * Math.PI) / 3) + shift}, {0, 0, 0}};
        }
        double sq = Math.sqrt(disc), u = Math.cbrt(-Q / 2 + sq), v = Math.cbrt(-Q / 2 - sq);   // one real root, a complex pair
        double realRoot = u + v + shift, pairRe = -(u + v) / 2 + shift, pairIm = Math.sqrt(3) / 2 * (u - v);
        return new double[][] {{realRoot, pairRe, pairRe}, {0, pairIm, -pairIm}};
    }
}
