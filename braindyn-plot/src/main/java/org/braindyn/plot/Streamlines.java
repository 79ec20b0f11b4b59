package org.braindyn.plot;

import org.braindyn.analysis.PhasePlane2D;

/** Streamlines of a gridded 2-D field: from a regular set of seeds, traced both ways along the normalised field (RK2 on bilinear interpolation). */
final class Streamlines {
    private Streamlines() {}

    static Segments of(PhasePlane2D.Field f) {
        int nx = f.x().length, ny = f.y().length;
        double x0 = f.x()[0], x1 = f.x()[nx - 1], y0 = f.y()[0], y1 = f.y()[ny - 1], sx = (x1 - x0), sy = (y1 - y0);
        Segments seg = new Segments();
        int seeds = 14;
        for (int a = 0; a < seeds; a++)
            for (int b = 0; b < seeds; b++) {
                double px = x0 + (a + 0.5) / seeds * sx, py = y0 + (b + 0.5) / seeds * sy;
                double[][] back = trace(f, px, py, -1), fwd = trace(f, px, py, 1);
                int n = back[0].length + fwd[0].length - 1;
                double[] xs = new double[n], ys = new double[n];
                for (int k = 0; k < back[0].length; k++) { xs[k] = back[0][back[0].length - 1 - k]; ys[k] = back[1][back[0].length - 1 - k]; }
                for (int k = 1; k < fwd[0].length; k++) { xs[back[0].length - 1 + k] = fwd[0][k]; ys[back[0].length - 1 + k] = fwd[1][k]; }
                seg.line(xs, ys);
                if (fwd[0].length > 3) {   // a direction mark at the end of the forward half
                    int e = fwd[0].length - 1;
                    seg.arrow(fwd[0][e - 1], fwd[1][e - 1], fwd[0][e] - fwd[0][e - 1], fwd[1][e] - fwd[1][e - 1], sx / 60, sy / 60);
                }
            }
        return seg;
    }

    private static double[][] trace(PhasePlane2D.Field f, double px, double py, int dir) {
        int nx = f.x().length, ny = f.y().length;
        double sx = f.x()[nx - 1] - f.x()[0], sy = f.y()[ny - 1] - f.y()[0], h = 0.004;
        int max = 90;
        double[] xs = new double[max + 1], ys = new double[max + 1];
        xs[0] = px;
        ys[0] = py;
        int k = 0;
        while (k < max) {
            double[] v1 = dir(f, xs[k], ys[k], sx, sy);
            if (v1 == null) break;
            double mx = xs[k] + dir * 0.5 * h * v1[0] * sx, my = ys[k] + dir * 0.5 * h * v1[1] * sy;
            double[] v2 = dir(f, mx, my, sx, sy);
            if (v2 == null) break;
            double nxp = xs[k] + dir * h * v2[0] * sx, nyp = ys[k] + dir * h * v2[1] * sy;
            if (nxp < f.x()[0] || nxp > f.x()[nx - 1] || nyp < f.y()[0] || nyp > f.y()[ny - 1]) break;
            k++;
            xs[k] = nxp;
            ys[k] = nyp;
        }
        return new double[][] {java.util.Arrays.copyOf(xs, k + 1), java.util.Arrays.copyOf(ys, k + 1)};
    }

    /** The field at (x, y), bilinear, in axis-normalised units and of unit length; null where it vanishes or leaves the grid. */
    private static double[] dir(PhasePlane2D.Field f, double x, double y, double sx, double sy) {
        double[] gx = f.x(), gy = f.y();
        int i = Math.min(gx.length - 2, Math.max(0, java.util.Arrays.binarySearch(gx, x) < 0 ? -java.util.Arrays.binarySearch(gx, x) - 2 : java.util.Arrays.binarySearch(gx, x)));
        int j = Math.min(gy.length - 2, Math.max(0, java.util.Arrays.binarySearch(gy, y) < 0 ? -java.util.Arrays.binarySearch(gy, y) - 2 : java.util.Arrays.binarySearch(gy, y)));
        if (gx.length < 2 || gy.length < 2) return null;
        double tx = (x - gx[i]) / (gx[i + 1] - gx[i]), ty = (y - gy[j]) / (gy[j + 1] - gy[j]);
        double u = lerp(f.dx(), i, j, tx, ty) / sx, v = lerp(f.dy(), i, j, tx, ty) / sy, m = Math.hypot(u, v);
        if (!(m > 0) || !Double.isFinite(m)) return null;
        return new double[] {u / m, v / m};
    }

    private static double lerp(double[][] a, int i, int j, double tx, double ty) {
        return (1 - ty) * ((1 - tx) * a[j][i] + tx * a[j][i + 1]) + ty * ((1 - tx) * a[j + 1][i] + tx * a[j + 1][i + 1]);
    }
}
