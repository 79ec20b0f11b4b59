package org.braindyn.plot;

/** Polylines packed into one series, separated by NaN (XChart breaks a line at NaN): arrows, streamlines. */
final class Segments {
    private double[] x = new double[256], y = new double[256];
    private int n;

    private void add(double a, double b) {
        if (n == x.length) { x = java.util.Arrays.copyOf(x, 2 * n); y = java.util.Arrays.copyOf(y, 2 * n); }
        x[n] = a;
        y[n++] = b;
    }

    /** A polyline through {@code (xs[i], ys[i])}. */
    void line(double[] xs, double[] ys) {
        if (n > 0) add(Double.NaN, Double.NaN);
        for (int i = 0; i < xs.length; i++) add(xs[i], ys[i]);
    }

    /**
     * An arrow from {@code (x0, y0)} along {@code (dx, dy)} with a head; {@code sx, sy} are the axis scales (data units
     * per unit of screen length) so that the head looks the same at any aspect ratio.
     */
    void arrow(double x0, double y0, double dx, double dy, double sx, double sy) {
        double x1 = x0 + dx, y1 = y0 + dy;
        line(new double[] {x0, x1}, new double[] {y0, y1});
        double ux = dx / sx, uy = dy / sy, len = Math.hypot(ux, uy);
        if (len == 0) return;
        ux /= len;
        uy /= len;
        double h = 0.35 * len, c = Math.cos(Math.toRadians(25)), s = Math.sin(Math.toRadians(25));
        double lx = -(ux * c - uy * s) * h, ly = -(ux * s + uy * c) * h, rx = -(ux * c + uy * s) * h, ry = -(-ux * s + uy * c) * h;
        line(new double[] {x1 + lx * sx, x1, x1 + rx * sx}, new double[] {y1 + ly * sy, y1, y1 + ry * sy});
    }

    boolean isEmpty() { return n == 0; }

    double[] xs() { return java.util.Arrays.copyOf(x, n); }

    double[] ys() { return java.util.Arrays.copyOf(y, n); }
}
