package org.braindyn.random;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * NumPy's random distributions on top of a source of fresh {@link Key}s (BrainPy's {@code bm.random} API). Every
 * call consumes one key, and element {@code i} of the result is a function of that key and {@code i} only, so the
 * numbers do not depend on the thread count. Float results have the default float dtype, counts are int32,
 * Bernoulli draws are bool. Shapes come last: {@code normal(0, 2, 100, 3)} is a (100, 3) sample.
 */
public interface Sampler {
    /** A fresh key for one draw; advances the source. */
    Key nextKey();

    private static DType f() { return Config.defaultFloat(); }

    /** Uniform on [0, 1). */
    default Tensor random(int... shape) { return Draw.fill(nextKey(), shape, f(), Stream::nextDouble); }
    /** Alias of {@link #random}. */ default Tensor rand(int... shape) { return random(shape); }
    /** Alias of {@link #random}. */ default Tensor randomSample(int... shape) { return random(shape); }
    /** Alias of {@link #random}. */ default Tensor ranf(int... shape) { return random(shape); }
    /** Alias of {@link #random}. */ default Tensor sample(int... shape) { return random(shape); }

    /** Uniform on [low, high). */
    default Tensor uniform(double low, double high, int... shape) {
        if (!(high >= low)) throw new IllegalArgumentException("random.uniform: high (" + high + ") must be >= low (" + low + ")");
        return Draw.fill(nextKey(), shape, f(), s -> low + (high - low) * s.nextDouble());
    }

    /** Standard normal. */
    default Tensor randn(int... shape) { return Draw.fill(nextKey(), shape, f(), Stream::nextGaussian); }
    /** Alias of {@link #randn}. */ default Tensor standardNormal(int... shape) { return randn(shape); }

    /** Normal with mean {@code loc} and standard deviation {@code scale}. */
    default Tensor normal(double loc, double scale, int... shape) {
        if (!(scale >= 0)) throw new IllegalArgumentException("random.normal: scale must be >= 0; got " + scale);
        return Draw.fill(nextKey(), shape, f(), s -> loc + scale * s.nextGaussian());
    }

    /** Integers uniform on [low, high). */
    default Tensor randint(int low, int high, int... shape) {
        if (high <= low) throw new IllegalArgumentException("random.randint: high (" + high + ") must be > low (" + low + ")");
        long range = (long) high - low;
        if (range > Integer.MAX_VALUE) throw new IllegalArgumentException("random.randint: range " + range + " exceeds 2^31-1");
        return Draw.fill(nextKey(), shape, DType.I32, s -> low + s.nextInt((int) range));
    }

    /** True with probability {@code p}. */
    default Tensor bernoulli(double p, int... shape) {
        Draw.checkProbability("bernoulli", p);
        return Draw.fill(nextKey(), shape, DType.BOOL, s -> s.nextDouble() < p ? 1 : 0);
    }

    /** Exponential with mean {@code scale}. */
    default Tensor exponential(double scale, int... shape) {
        Draw.checkPositive("exponential", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> -scale * Math.log(s.nextOpenDouble()));
    }
    /** Exponential with mean 1. */ default Tensor standardExponential(int... shape) { return exponential(1, shape); }

    /** Gamma with shape {@code k} and {@code scale}. */
    default Tensor gamma(double k, double scale, int... shape) {
        Draw.checkPositive("gamma", "shape", k);
        Draw.checkPositive("gamma", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> scale * Algorithms.gamma(s, k));
    }
    /** Gamma with scale 1. */ default Tensor standardGamma(double k, int... shape) { return gamma(k, 1, shape); }

    /** Beta(a, b). */
    default Tensor beta(double a, double b, int... shape) {
        Draw.checkPositive("beta", "a", a);
        Draw.checkPositive("beta", "b", b);
        return Draw.fill(nextKey(), shape, f(), s -> Algorithms.beta(s, a, b));
    }

    /** Chi-square with {@code df} degrees of freedom. */
    default Tensor chisquare(double df, int... shape) {
        Draw.checkPositive("chisquare", "df", df);
        return Draw.fill(nextKey(), shape, f(), s -> 2 * Algorithms.gamma(s, df / 2));
    }

    /** Student's t with {@code df} degrees of freedom. */
    default Tensor standardT(double df, int... shape) {
        Draw.checkPositive("standardT", "df", df);
        return Draw.fill(nextKey(), shape, f(), s -> s.nextGaussian() / Math.sqrt(2 * Algorithms.gamma(s, df / 2) / df));
    }

    /** Standard Cauchy. */
    default Tensor standardCauchy(int... shape) { return cauchy(0, 1, shape); }

    /** Cauchy with location and scale. */
    default Tensor cauchy(double loc, double scale, int... shape) {
        Draw.checkPositive("cauchy", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> loc + scale * Math.tan(Math.PI * (s.nextDouble() - 0.5)));
    }

    /** Poisson with mean {@code lam} (int32). */
    default Tensor poisson(double lam, int... shape) {
        if (!(lam >= 0) || lam > 1e9) throw new IllegalArgumentException("random.poisson: lam must be in [0, 1e9]; got " + lam);
        return Draw.fill(nextKey(), shape, DType.I32, s -> Algorithms.poisson(s, lam));
    }

    /** Binomial with {@code n} trials of probability {@code p} (int32). */
    default Tensor binomial(int n, double p, int... shape) {
        if (n < 0) throw new IllegalArgumentException("random.binomial: n must be >= 0; got " + n);
        Draw.checkProbability("binomial", p);
        return Draw.fill(nextKey(), shape, DType.I32, s -> Algorithms.binomial(s, n, p));
    }

    /** Trials until the first success (≥ 1), success probability {@code p} (int32). */
    default Tensor geometric(double p, int... shape) {
        if (!(p > 0 && p <= 1)) throw new IllegalArgumentException("random.geometric: p must be in (0, 1]; got " + p);
        return Draw.fill(nextKey(), shape, DType.I32, s -> p == 1 ? 1 : Math.floor(Math.log(s.nextOpenDouble()) / Math.log1p(-p)) + 1);
    }

    /** {@code exp(N(mean, sigma²))}. */
    default Tensor lognormal(double mean, double sigma, int... shape) {
        if (!(sigma >= 0)) throw new IllegalArgumentException("random.lognormal: sigma must be >= 0; got " + sigma);
        return Draw.fill(nextKey(), shape, f(), s -> Math.exp(mean + sigma * s.nextGaussian()));
    }

    /** Laplace (double exponential). */
    default Tensor laplace(double loc, double scale, int... shape) {
        Draw.checkPositive("laplace", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> {
            double u = s.nextDouble() - 0.5;
            return loc - scale * Math.signum(u) * Math.log1p(-2 * Math.abs(u));
        });
    }

    /** Logistic. */
    default Tensor logistic(double loc, double scale, int... shape) {
        Draw.checkPositive("logistic", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> {
            double u = s.nextOpenDouble();
            return loc + scale * Math.log(u / (1 - u + 0x1.0p-54));
        });
    }

    /** Gumbel (type I extreme value). */
    default Tensor gumbel(double loc, double scale, int... shape) {
        Draw.checkPositive("gumbel", "scale", scale);
        return Draw.fill(nextKey(), shape, f(), s -> loc - scale * Math.log(-Math.log(s.nextOpenDouble() * (1 - 0x1.0p-53))));
    }

    /** Pareto II / Lomax with shape {@code a}, as NumPy's {@code pareto}: {@code (1−U)^{−1/a} − 1}. */
    default Tensor pareto(double a, int... shape) {
        Draw.checkPositive("pareto", "a", a);
        return Draw.fill(nextKey(), shape, f(), s -> Math.expm1(-Math.log(s.nextOpenDouble()) / a));
    }

    /** Weibull with shape {@code a}: {@code (−ln U)^{1/a}}. */
    default Tensor weibull(double a, int... shape) {
        Draw.checkPositive("weibull", "a", a);
        return Draw.fill(nextKey(), shape, f(), s -> Math.pow(-Math.log(s.nextOpenDouble()), 1 / a));
    }

    /** Standard normal truncated to {@code [lower, upper]} (inverse-CDF sampling). */
    default Tensor truncatedNormal(double lower, double upper, int... shape) {
        if (!(upper > lower)) throw new IllegalArgumentException("random.truncatedNormal: upper (" + upper + ") must exceed lower (" + lower + ")");
        return Draw.fill(nextKey(), shape, f(), s -> Algorithms.truncatedNormal(s, lower, upper));
    }

    /** A random permutation of {@code 0 … n−1} (int32), Fisher–Yates on one stream. */
    default Tensor permutation(int n) { return permutation(n, nextKey()); }

    /**
     * The permutation of {@code 0 … n−1} that {@code key} determines, without advancing anything: shuffling
     * inputs and labels with the same key keeps them paired (BrainPy's {@code shuffle(X, key=key)}).
     */
    static Tensor permutation(int n, Key key) {
        if (n < 0) throw new IllegalArgumentException("random.permutation: n must be >= 0; got " + n);
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        Stream s = new Stream(key, 0);
        for (int i = n - 1; i > 0; i--) {
            int j = s.nextInt(i + 1), t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return Tensor.wrap(DType.I32, Shape.of(n), p);
    }

    /** {@code x} with its first axis randomly permuted. */
    default Tensor permutation(Tensor x) { return BM.take(x, permutation(x.dim(0)), 0); }

    /** Alias of {@link #permutation(Tensor)} (NumPy's {@code shuffle}, returning the shuffled value). */
    default Tensor shuffle(Tensor x) { return permutation(x); }

    /** {@code x}'s first axis permuted by the permutation of {@code key}: the same key shuffles several tensors alike. */
    static Tensor shuffle(Tensor x, Key key) { return BM.take(x, permutation(x.dim(0), key), 0); }

    /** {@code size} indices from {@code 0 … n−1}, with or without replacement, optionally weighted by {@code p} (may be null). */
    default Tensor choice(int n, int size, boolean replace, Tensor p) {
        if (n <= 0) throw new IllegalArgumentException("random.choice: n must be > 0; got " + n);
        if (!replace && size > n) throw new IllegalArgumentException("random.choice: cannot take " + size + " samples from " + n + " without replacement");
        double[] w = p == null ? null : p.toDoubleArray();
        if (w != null && w.length != n) throw new IllegalArgumentException("random.choice: p has " + w.length + " entries; expected " + n);
        double[] cum = null;
        if (w != null) {
            cum = new double[n];
            double acc = 0;
            for (int i = 0; i < n; i++) {
                if (!(w[i] >= 0)) throw new IllegalArgumentException("random.choice: p[" + i + "] = " + w[i] + " is negative");
                acc += w[i];
                cum[i] = acc;
            }
            if (Math.abs(acc - 1) > 1e-6) throw new IllegalArgumentException("random.choice: p sums to " + acc + "; expected 1");
        }
        if (replace) {
            double[] c = cum;
            return Draw.fill(nextKey(), new int[] {size}, DType.I32, s -> {
                if (c == null) return s.nextInt(n);
                double u = s.nextDouble() * c[n - 1];
                int lo = 0, hi = n - 1;
                while (lo < hi) { int mid = (lo + hi) >>> 1; if (c[mid] > u) hi = mid; else lo = mid + 1; }
                return lo;
            });
        }
        if (w == null) return BM.sliceAxis(permutation(n), 0, 0, size, 1);
        // weighted without replacement: the top-`size` of log(p) + Gumbel noise (Gumbel-top-k)
        Tensor g = gumbel(0, 1, n);
        double[] key = g.toDoubleArray();
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) { order[i] = i; key[i] = w[i] > 0 ? Math.log(w[i]) + key[i] : Double.NEGATIVE_INFINITY; }
        java.util.Arrays.sort(order, (x, y) -> Double.compare(key[y], key[x]));
        int[] out = new int[size];
        for (int i = 0; i < size; i++) out[i] = order[i];
        return Tensor.wrap(DType.I32, Shape.of(size), out);
    }

    /** Uniform choice of {@code size} elements of {@code a} (first axis), with replacement. */
    default Tensor choice(Tensor a, int size) { return BM.take(a, choice(a.dim(0), size, true, null), 0); }
}
