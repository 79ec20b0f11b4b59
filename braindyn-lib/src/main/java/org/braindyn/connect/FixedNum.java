package org.braindyn.connect;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A fixed number of distinct random partners (BrainPy's {@code FixedPostNum} and {@code FixedPreNum}): every pre
 * projects to exactly {@code num} posts, or every post receives exactly {@code num} pres. A fraction in (0, 1) means
 * that fraction of the other population. Sampling is Floyd's algorithm, O(num) per neuron.
 */
public final class FixedNum extends Connector {
    private final double num;
    private final boolean perPre, includeSelf;
    private final long seed;

    private FixedNum(double num, boolean perPre, boolean includeSelf, long seed) {
        String who = perPre ? "FixedPostNum" : "FixedPreNum";
        if (!(num >= 0) || Double.isInfinite(num)) throw new IllegalArgumentException(who + ".num: must be >= 0; got " + num);
        if (num >= 1 && num != Math.rint(num))
            throw new IllegalArgumentException(who + ".num: must be a whole number of partners (>= 1) or a fraction of the population in (0, 1); got " + num
                    + ". Use " + (long) Math.floor(num) + " or " + (long) Math.ceil(num) + ".");
        this.num = num;
        this.perPre = perPre;
        this.includeSelf = includeSelf;
        this.seed = seed;
    }

    /** Each pre projects to {@code num} posts (BrainPy's {@code FixedPostNum}). */
    public static FixedNum postNum(double num, boolean includeSelf, long seed) { return new FixedNum(num, true, includeSelf, seed); }

    /** Each post receives {@code num} pres (BrainPy's {@code FixedPreNum}). */
    public static FixedNum preNum(double num, boolean includeSelf, long seed) { return new FixedNum(num, false, includeSelf, seed); }

    @Override protected String name() { return perPre ? "FixedPostNum" : "FixedPreNum"; }

    @Override protected Conn build(int[] pre, int[] post) {
        int n = count(pre), m = count(post);
        int owners = perPre ? n : m, pool = perPre ? m : n;
        int k = num < 1 && num > 0 ? (int) Math.round(num * pool) : (int) num;
        int available = includeSelf ? pool : pool - 1;
        if (k > available)
            throw new IllegalArgumentException(name() + ": cannot pick " + k + " distinct partners out of " + available + (includeSelf ? "" : " (self excluded)"));
        int[] a = new int[owners * k], b = new int[owners * k];
        int s = 0;
        for (int o = 0; o < owners; o++) {
            SplittableRandom rnd = rowRandom(seed, o);
            int[] pick = floyd(rnd, pool, k, includeSelf || o >= pool ? -1 : o);
            Arrays.sort(pick);
            for (int p : pick) { a[s] = o; b[s++] = p; }
        }
        return perPre ? Conn.fromIJ(n, m, a, b) : Conn.fromIJ(n, m, b, a);
    }

    /** {@code k} distinct values in [0, n) avoiding {@code skip} (−1 for none). */
    private static int[] floyd(SplittableRandom rnd, int n, int k, int skip) {
        int range = skip >= 0 ? n - 1 : n;
        Set<Integer> chosen = new HashSet<>(k * 2);
        int[] out = new int[k];
        int c = 0;
        for (int j = range - k; j < range; j++) {
            int t = rnd.nextInt(j + 1);
            int v = chosen.add(t) ? t : j;
            if (v == j) chosen.add(j);
            out[c++] = skip >= 0 && v >= skip ? v + 1 : v;
        }
        return out;
    }
}
