package org.braindyn.analysis;

import java.util.ArrayList;
import java.util.List;

/** Batched classical RK4 of the analysed subsystem, and limit-cycle detection on a simulated trajectory. */
final class Integrate {
    private Integrate() {}

    /** {@code x[var][n]} ↦ derivative {@code [var][n]}. */
    interface Rhs { double[][] eval(double[][] x); }

    /** Integrates from {@code x0[var][n]} for {@code steps} steps of {@code dt}; returns {@code [var][n][steps + 1]}. */
    static double[][][] rk4(Rhs f, double[][] x0, double dt, int steps) {
        int d = x0.length, n = x0[0].length;
        double[][][] out = new double[d][n][steps + 1];
        double[][] x = new double[d][];
        for (int i = 0; i < d; i++) { x[i] = x0[i].clone(); for (int k = 0; k < n; k++) out[i][k][0] = x[i][k]; }
        for (int s = 1; s <= steps; s++) {
            double[][] k1 = f.eval(x), k2 = f.eval(axpy(x, k1, dt / 2)), k3 = f.eval(axpy(x, k2, dt / 2)), k4 = f.eval(axpy(x, k3, dt));
            for (int i = 0; i < d; i++)
                for (int k = 0; k < n; k++) {
                    x[i][k] += dt / 6 * (k1[i][k] + 2 * k2[i][k] + 2 * k3[i][k] + k4[i][k]);
                    out[i][k][s] = x[i][k];
                }
        }
        return out;
    }

    private static double[][] axpy(double[][] x, double[][] k, double h) {
        double[][] r = new double[x.length][x[0].length];
        for (int i = 0; i < x.length; i++) for (int j = 0; j < x[0].length; j++) r[i][j] = x[i][j] + h * k[i][j];
        return r;
    }

    /**
     * The last full period of a trajectory {@code traj[var][step]}, or null: successive local maxima of the first
     * variable (above its mean over the second half) at which every variable returns to within {@code tol}.
     */
    static LimitCycle limitCycle(double[][] traj, double dt, double tol) {
        int d = traj.length, len = traj[0].length, half = len / 2;
        double mean = 0;
        for (int s = half; s < len; s++) mean += traj[0][s];
        mean /= (len - half);
        List<Integer> maxima = new ArrayList<>();
        for (int s = Math.max(1, half); s < len - 1; s++)
            if (traj[0][s] > mean && traj[0][s] >= traj[0][s - 1] && traj[0][s] > traj[0][s + 1]) maxima.add(s);
        for (int m = maxima.size() - 1; m >= 1; m--) {
            int a = maxima.get(m - 1), b = maxima.get(m);
            boolean back = true;
            for (int i = 0; i < d; i++) if (Math.abs(traj[i][a] - traj[i][b]) > tol) { back = false; break; }
            double amplitude = 0;
            for (int s = a; s <= b; s++) amplitude = Math.max(amplitude, Math.abs(traj[0][s] - traj[0][a]));
            if (back && amplitude > tol) {
                double[][] pts = new double[d][b - a + 1];
                double[] min = new double[d], max = new double[d];
                for (int i = 0; i < d; i++) {
                    System.arraycopy(traj[i], a, pts[i], 0, b - a + 1);
                    min[i] = java.util.Arrays.stream(pts[i]).min().orElse(Double.NaN);
                    max[i] = java.util.Arrays.stream(pts[i]).max().orElse(Double.NaN);
                }
                return new LimitCycle(pts, (b - a) * dt, min, max);
            }
        }
        return null;
    }
}
