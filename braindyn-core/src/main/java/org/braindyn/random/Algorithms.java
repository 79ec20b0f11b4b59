package org.braindyn.random;

/** Per-element sampling algorithms on a {@link Stream}. */
final class Algorithms {
    private Algorithms() {}

    /** Gamma(shape, 1) by Marsaglia–Tsang (2000); shapes below 1 boosted by {@code U^{1/k}}. */
    static double gamma(Stream s, double k) {
        if (k <= 0) return 0;
        if (k < 1) return gamma(s, k + 1) * Math.pow(s.nextOpenDouble(), 1 / k);
        double d = k - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x, v;
            do {
                x = s.nextGaussian();
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = s.nextOpenDouble();
            if (u < 1 - 0.0331 * x * x * x * x) return d * v;
            if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
        }
    }

    /** Beta(a, b) as X/(X+Y) with X ~ Gamma(a), Y ~ Gamma(b). */
    static double beta(Stream s, double a, double b) {
        double x = gamma(s, a), y = gamma(s, b);
        return x / (x + y);
    }

    /** Poisson(λ): multiplication method below 10, Hörmann's PTRS transformed rejection above. */
    static double poisson(Stream s, double lam) {
        if (lam <= 0) return 0;
        if (lam < 10) {
            double l = Math.exp(-lam), p = 1;
            int k = 0;
            while (true) {
                p *= s.nextDouble();
                if (p <= l) return k;
                k++;
            }
        }
        double slam = Math.sqrt(lam), loglam = Math.log(lam);
        double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2);
        while (true) {
            double u = s.nextDouble() - 0.5, v = s.nextDouble(), us = 0.5 - Math.abs(u);
            double k = Math.floor((2 * a / us + b) * u + lam + 0.43);
            if (us >= 0.07 && v <= vr) return k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.log(v) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - Special.lgamma(k + 1)) return k;
        }
    }

    /** Binomial(n, p): sequential inversion for small means, exact beta splitting (Devroye) for large n. */
    static double binomial(Stream s, int n, double p) {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        if (p > 0.5) return n - binomial(s, n, 1 - p);
        if (n * p < 30 || n < 64) {
            // count successes by geometric jumps: O(np) draws
            double logq = Math.log1p(-p);
            int x = 0, sum = 0;
            while (true) {
                sum += (int) Math.floor(Math.log(s.nextOpenDouble()) / logq) + 1;
                if (sum > n) return x;
                x++;
            }
        }
        int a = 1 + n / 2, b = n + 1 - a;
        double y = beta(s, a, b);
        return y >= p ? binomial(s, a - 1, p / y) : a + binomial(s, b - 1, (p - y) / (1 - y));
    }

    /** Standard normal truncated to {@code [lo, hi]} by inversion of the CDF, mirrored into the accurate tail. */
    static double truncatedNormal(Stream s, double lo, double hi) {
        if (lo > 0) return -truncatedNormal(s, -hi, -lo);
        double a = Special.normalCdf(lo), b = Special.normalCdf(hi);
        double u = a + (b - a) * s.nextDouble();
        double x = Special.normalQuantile(Math.min(Math.max(u, Double.MIN_NORMAL), 1 - 1e-16));
        return Math.min(Math.max(x, lo), hi);
    }
}
