package org.braindyn.random;

import org.braindyn.tensor.Tensor;

/**
 * Module-level random functions on the global {@link #DEFAULT} state (BrainPy's {@code bm.random.seed},
 * {@code bm.random.normal}, …). For reproducible components, give each its own {@link RandomState} instead.
 * <pre>{@code
 * Random.seed(654321);                 // DEFAULT's key becomes [0, 654321]
 * Tensor tau = Random.randn(6).mul(2).add(20);
 * }</pre>
 */
public final class Random {
    /** The global default state, seeded with 0 until {@link #seed} is called. */
    public static final RandomState DEFAULT = new RandomState(Key.of(0), "random.DEFAULT");

    private Random() {}

    /** Re-seeds {@link #DEFAULT} to key {@code [0, seed]}. */
    public static void seed(int seed) { DEFAULT.seed(seed); }

    /** A fresh key from {@link #DEFAULT}. */
    public static Key splitKey() { return DEFAULT.splitKey(); }

    /** See {@link Sampler#random}. */ public static Tensor random(int... shape) { return DEFAULT.random(shape); }
    /** See {@link Sampler#rand}. */ public static Tensor rand(int... shape) { return DEFAULT.rand(shape); }
    /** See {@link Sampler#uniform}. */ public static Tensor uniform(double low, double high, int... shape) { return DEFAULT.uniform(low, high, shape); }
    /** See {@link Sampler#randn}. */ public static Tensor randn(int... shape) { return DEFAULT.randn(shape); }
    /** See {@link Sampler#normal}. */ public static Tensor normal(double loc, double scale, int... shape) { return DEFAULT.normal(loc, scale, shape); }
    /** See {@link Sampler#randint}. */ public static Tensor randint(int low, int high, int... shape) { return DEFAULT.randint(low, high, shape); }
    /** See {@link Sampler#bernoulli}. */ public static Tensor bernoulli(double p, int... shape) { return DEFAULT.bernoulli(p, shape); }
    /** See {@link Sampler#exponential}. */ public static Tensor exponential(double scale, int... shape) { return DEFAULT.exponential(scale, shape); }
    /** See {@link Sampler#gamma}. */ public static Tensor gamma(double k, double scale, int... shape) { return DEFAULT.gamma(k, scale, shape); }
    /** See {@link Sampler#beta}. */ public static Tensor beta(double a, double b, int... shape) { return DEFAULT.beta(a, b, shape); }
    /** See {@link Sampler#poisson}. */ public static Tensor poisson(double lam, int... shape) { return DEFAULT.poisson(lam, shape); }
    /** See {@link Sampler#binomial}. */ public static Tensor binomial(int n, double p, int... shape) { return DEFAULT.binomial(n, p, shape); }
    /** See {@link Sampler#lognormal}. */ public static Tensor lognormal(double mean, double sigma, int... shape) { return DEFAULT.lognormal(mean, sigma, shape); }
    /** See {@link Sampler#laplace}. */ public static Tensor laplace(double loc, double scale, int... shape) { return DEFAULT.laplace(loc, scale, shape); }
    /** See {@link Sampler#logistic}. */ public static Tensor logistic(double loc, double scale, int... shape) { return DEFAULT.logistic(loc, scale, shape); }
    /** See {@link Sampler#gumbel}. */ public static Tensor gumbel(double loc, double scale, int... shape) { return DEFAULT.gumbel(loc, scale, shape); }
    /** See {@link Sampler#pareto}. */ public static Tensor pareto(double a, int... shape) { return DEFAULT.pareto(a, shape); }
    /** See {@link Sampler#standardT}. */ public static Tensor standardT(double df, int... shape) { return DEFAULT.standardT(df, shape); }
    /** See {@link Sampler#cauchy}. */ public static Tensor cauchy(double loc, double scale, int... shape) { return DEFAULT.cauchy(loc, scale, shape); }
    /** See {@link Sampler#truncatedNormal}. */ public static Tensor truncatedNormal(double lower, double upper, int... shape) { return DEFAULT.truncatedNormal(lower, upper, shape); }
    /** See {@link Sampler#permutation(int)}. */ public static Tensor permutation(int n) { return DEFAULT.permutation(n); }
    /** See {@link Sampler#shuffle}. */ public static Tensor shuffle(Tensor x) { return DEFAULT.shuffle(x); }
    /** See {@link Sampler#choice(int, int, boolean, Tensor)}. */ public static Tensor choice(int n, int size, boolean replace, Tensor p) { return DEFAULT.choice(n, size, replace, p); }
}
