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

    /**
     * The times at which {@code y[0]} rises through {@code threshold} (the end of the step where it first is at or
     * above it), integrating from {@code y0} with step {@code h} for {@code duration}.
     */
    public static java.util.List<Double> crossings(UnaryOperator<double[]> f, double[] y0, double h, double duration, double threshold) {
        java.util.List<Double> out = new java.util.ArrayList<>();
        double[] y = y0.clone();
        for (int s = 1; s <= Math.round(duration / h); s++) {
            double before = y[0];
            y = step(f, y, h);
            if (before < threshold && y[0] >= threshold) out.add(s * h);
        }
        return out;
    }
}
