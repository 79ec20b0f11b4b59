package org.braindyn.testing;

import java.util.function.UnaryOperator;

/** The tests' independent reference integrator: one classical RK4 step of {@code dy/dt = f(y)} in plain doubles. */
public final class Rk4 {
    private Rk4() {}

    /** {@code y} advanced by one step of {@code h}. */
    public static double[] step(UnaryOperator<double[]> f, double[] y, double h) {
        int n = y.length;
        double[] k1 = f.apply(y), a = new double[n], b = new double[n], c = new double[n], out = new double[n];
        for (int i = 0; i < n; i++) a[i] = y[i] + h / 2 * k1[i];
        double[] k2 = f.apply(a);
        for (int i = 0; i < n; i++) b[i] = y[i] + h / 2 * k2[i];
        double[] k3 = f.apply(b);
        for (int i = 0; i < n; i++) c[i] = y[i] + h * k3[i];
        double[] k4 = f.apply(c);
        for (int i = 0; i < n; i++) out[i] = y[i] + h / 6 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
        return out;
    }
}
