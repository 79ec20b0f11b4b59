package org.braindyn.connect;

import java.util.SplittableRandom;

/**
 * Each pre–post pair connected independently with probability {@code prob} (BrainPy's {@code FixedProb}). Built
 * row by row with geometric gaps between successive targets, so the cost is proportional to the number of synapses,
 * not to pre × post; each row has its own seeded generator, so the result does not depend on threads.
 */
public final class FixedProb extends Connector {
    private final double prob;
    private final boolean includeSelf;
    private final long seed;

    /**
     * @param prob        connection probability in [0, 1]
     * @param includeSelf allow {@code i → i}
     * @param seed        random seed
     */
    public FixedProb(double prob, boolean includeSelf, long seed) {
        if (!(prob >= 0 && prob <= 1)) throw new IllegalArgumentException("FixedProb.prob: must be in [0, 1]; got " + prob);
        this.prob = prob;
        this.includeSelf = includeSelf;
        this.seed = seed;
    }

    @Override protected Conn build(int[] pre, int[] post) {
        int n = count(pre), m = count(post);
        int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (long) (1.1 * prob * n * m) + 16));
        int[] indptr = new int[n + 1];
        int[] idx = new int[cap];
        int s = 0;
        double logq = Math.log1p(-prob);
        for (int r = 0; r < n; r++) {
            SplittableRandom rnd = rowRandom(seed, r);
            if (prob > 0) {
                long j = -1;
                while (true) {
                    j += prob >= 1 ? 1 : 1 + (long) Math.floor(Math.log(1 - rnd.nextDouble()) / logq);
                    if (j >= m) break;
                    if (!includeSelf && j == r) continue;
                    if (s == idx.length) idx = java.util.Arrays.copyOf(idx, (int) Math.min(Integer.MAX_VALUE - 8, idx.length * 2L));
                    idx[s++] = (int) j;
                }
            }
            indptr[r + 1] = s;
        }
        return Conn.fromCsr(n, m, java.util.Arrays.copyOf(idx, s), indptr);
    }
}
