package org.braindyn.connect;

/**
 * Squared Euclidean distance between two neurons of a population laid out on a grid (row-major flat indices), with
 * optional periodic (torus) boundaries. Shared by distance-dependent connectors ({@link GaussianProb}) and
 * initializers ({@code DecayInit}).
 * <pre>{@code
 * GridDistance g = new GridDistance(new int[] {10, 10}, true);
 * double d2 = g.squared(0, 99);        // (0,0) to (9,9) on a torus: 1² + 1² = 2
 * }</pre>
 */
public final class GridDistance {
    private final int[] dims;
    private final boolean periodic;
    private final int[] ci, cj;

    /** @param dims the grid's shape; @param periodic wrap around each axis */
    public GridDistance(int[] dims, boolean periodic) {
        this.dims = dims.clone();
        this.periodic = periodic;
        this.ci = new int[dims.length];
        this.cj = new int[dims.length];
    }

    /** Squared distance between flat indices {@code i} and {@code j} (not thread-safe: reuses coordinate buffers). */
    public double squared(int i, int j) {
        unravel(i, ci);
        unravel(j, cj);
        double d2 = 0;
        for (int k = 0; k < dims.length; k++) {
            double diff = Math.abs(ci[k] - cj[k]);
            if (periodic) diff = Math.min(diff, dims[k] - diff);
            d2 += diff * diff;
        }
        return d2;
    }

    private void unravel(int f, int[] out) {
        for (int k = dims.length - 1; k >= 0; k--) { out[k] = f % dims[k]; f /= dims[k]; }
    }
}
