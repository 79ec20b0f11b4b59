package org.braindyn.connect;

import java.util.SplittableRandom;

/**
 * Distance-dependent random connectivity within one population on a grid (BrainPy's {@code GaussianProb}): neurons
 * {@code i, j} connect with probability {@code exp(−|pᵢ − pⱼ|²/(2σ²))} over their grid positions (distances wrap
 * around each axis with {@code periodicBoundary}). Evaluates every pair: O(N²).
 */
public final class GaussianProb extends Connector {
    private final double sigma;
    private final boolean periodicBoundary, includeSelf;
    private final long seed;

    /** @param sigma width in grid units (> 0) */
    public GaussianProb(double sigma, boolean periodicBoundary, boolean includeSelf, long seed) {
        if (!(sigma > 0)) throw new IllegalArgumentException("GaussianProb.sigma: must be > 0; got " + sigma);
        this.sigma = sigma;
        this.periodicBoundary = periodicBoundary;
        this.includeSelf = includeSelf;
        this.seed = seed;
    }

    @Override protected Conn build(int[] pre, int[] post) {
        if (!java.util.Arrays.equals(pre, post)) throw new IllegalArgumentException("GaussianProb: connects one population; use connectWithin(geometry)");
        int n = count(pre);
        java.util.List<int[]> syn = new java.util.ArrayList<>();
        GridDistance grid = new GridDistance(pre, periodicBoundary);
        for (int i = 0; i < n; i++) {
            SplittableRandom rnd = rowRandom(seed, i);
            for (int j = 0; j < n; j++) {
                double d2 = grid.squared(i, j);
                double p = Math.exp(-d2 / (2 * sigma * sigma));
                if (i == j) p = includeSelf ? 1 : 0;
                if (rnd.nextDouble() < p) syn.add(new int[] {i, j});
            }
        }
        int[] a = new int[syn.size()], b = new int[syn.size()];
        for (int s = 0; s < a.length; s++) { a[s] = syn.get(s)[0]; b[s] = syn.get(s)[1]; }
        return Conn.fromIJ(n, n, a, b);
    }
}
