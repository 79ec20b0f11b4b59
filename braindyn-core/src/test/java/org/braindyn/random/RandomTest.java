package org.braindyn.random;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.braindyn.ops.Erf;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counter-based generator and every distribution: Philox known answers, keys and splitting,
 * reproducibility across thread counts, first two moments at fixed seeds, and Kolmogorov–Smirnov tests
 * against closed-form CDFs for the continuous distributions.
 */
class RandomTest {
    static final int N = 40_000;

    @BeforeEach void x64() { Config.enableX64(); }
    @AfterEach void x32() { Config.disableX64(); Config.setParallelKernels(true); }

    @Test
    void philoxKnownAnswers() {
        int[] out = new int[4];
        Philox.block(0, 0, 0, 0, 0, 0, out);
        assertArrayEquals(new int[] {0x6627e8d5, 0xe169c58d, 0xbc57ac4c, 0x9b00dbd8}, out);
        Philox.block(-1, -1, -1, -1, -1, -1, out);
        assertArrayEquals(new int[] {0x408f276d, 0x41c83b0e, 0xa20bc7c6, 0x6d5451fd}, out);
        Philox.block(0xa4093822, 0x299f31d0, 0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344, out);
        assertArrayEquals(new int[] {0xd16cfe09, 0x94fdcceb, 0x5001e420, 0x24126ea1}, out);
    }

    @Test
    void keysFollowBrainPyA7() {
        RandomState rs = new RandomState(1234);
        assertArrayEquals(new int[] {0, 1234}, rs.value().toIntArray());
        Random.seed(654321);
        assertArrayEquals(new int[] {0, 654321}, Random.DEFAULT.value().toIntArray());
        int[] before = rs.value().toIntArray();
        rs.normal(0, 1, 3);
        assertFalse(Arrays.equals(before, rs.value().toIntArray()), "each draw advances the key");
        assertEquals(DType.I32, rs.value().dtype());
        Key[] ks = rs.splitKeys(3);
        assertEquals(3, Arrays.stream(ks).distinct().count());
    }

    @Test
    void sameSeedSameNumbersWhateverTheThreadCount() {
        Tensor a = new RandomState(7).normal(0, 1, 200_000);
        Config.setParallelKernels(false);
        Tensor b = new RandomState(7).normal(0, 1, 200_000);
        assertEquals(a, b);
        Tensor g1 = new RandomState(9).gamma(0.7, 1, 50_000);
        Config.setParallelKernels(true);
        assertEquals(g1, new RandomState(9).gamma(0.7, 1, 50_000));
        assertNotEquals(a, new RandomState(8).normal(0, 1, 200_000));
    }

    @Test
    void splitKeysGiveIndependentStreams() {
        Key[] ks = Key.of(42).split(2);
        assertNotEquals(ks[0], ks[1]);
        RandomState r0 = new RandomState(ks[0], null), r1 = new RandomState(ks[1], null);
        double[] x = r0.randn(N).toDoubleArray(), y = r1.randn(N).toDoubleArray();
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < N; i++) { sxy += x[i] * y[i]; sxx += x[i] * x[i]; syy += y[i] * y[i]; }
        double corr = sxy / Math.sqrt(sxx * syy);
        assertTrue(Math.abs(corr) < 5 / Math.sqrt(N), "correlation of split streams " + corr);
        double[] lag = r0.randn(N).toDoubleArray();
        double s1 = 0;
        for (int i = 1; i < N; i++) s1 += lag[i] * lag[i - 1];
        assertTrue(Math.abs(s1 / N) < 5 / Math.sqrt(N), "lag-1 autocorrelation " + s1 / N);
        assertNotEquals(Key.of(42).foldIn(1), Key.of(42).foldIn(2));
    }

    static double phi(double x) { return 0.5 * Erf.erfc(-x / Math.sqrt(2)); }

    static double erlang(double x, int k, double scale) {
        if (x <= 0) return 0;
        double t = x / scale, term = 1, s = 0;
        for (int n = 0; n < k; n++) { s += term; term *= t / (n + 1); }
        return 1 - Math.exp(-t) * s;
    }

    static double betaInt(double x, int a, int b) {
        if (x <= 0) return 0;
        if (x >= 1) return 1;
        int n = a + b - 1;
        double s = 0;
        for (int j = a; j <= n; j++) s += Math.exp(Special.lgamma(n + 1) - Special.lgamma(j + 1) - Special.lgamma(n - j + 1) + j * Math.log(x) + (n - j) * Math.log1p(-x));
        return s;
    }

    record Cont(String name, java.util.function.Function<RandomState, Tensor> draw, DoubleUnaryOperator cdf, double mean, double var) {
        @Override public String toString() { return name; }
    }

    static Stream<Arguments> continuous() {
        double nan = Double.NaN;
        double tn = phi(2) - phi(-1);
        return Stream.of(
            new Cont("uniform", r -> r.uniform(-1, 3, N), x -> Math.min(1, Math.max(0, (x + 1) / 4)), 1, 16.0 / 12),
            new Cont("random", r -> r.random(N), x -> Math.min(1, Math.max(0, x)), 0.5, 1.0 / 12),
            new Cont("normal", r -> r.normal(2, 3, N), x -> phi((x - 2) / 3), 2, 9),
            new Cont("randn", r -> r.randn(N), RandomTest::phi, 0, 1),
            new Cont("exponential", r -> r.exponential(2, N), x -> x <= 0 ? 0 : 1 - Math.exp(-x / 2), 2, 4),
            new Cont("gamma(3,2)", r -> r.gamma(3, 2, N), x -> erlang(x, 3, 2), 6, 12),
            new Cont("gamma(0.5,2)", r -> r.gamma(0.5, 2, N), x -> x <= 0 ? 0 : Erf.erf(Math.sqrt(x / 2)), 1, 2),
            new Cont("chisquare(4)", r -> r.chisquare(4, N), x -> erlang(x, 2, 2), 4, 8),
            new Cont("beta(2,3)", r -> r.beta(2, 3, N), x -> betaInt(x, 2, 3), 0.4, 0.04),
            new Cont("lognormal", r -> r.lognormal(0.5, 0.4, N), x -> x <= 0 ? 0 : phi((Math.log(x) - 0.5) / 0.4), Math.exp(0.5 + 0.08), (Math.exp(0.16) - 1) * Math.exp(1 + 0.16)),
            new Cont("laplace", r -> r.laplace(1, 2, N), x -> x < 1 ? 0.5 * Math.exp((x - 1) / 2) : 1 - 0.5 * Math.exp(-(x - 1) / 2), 1, 8),
            new Cont("logistic", r -> r.logistic(1, 2, N), x -> 1 / (1 + Math.exp(-(x - 1) / 2)), 1, 4 * Math.PI * Math.PI / 3),
            new Cont("gumbel", r -> r.gumbel(1, 2, N), x -> Math.exp(-Math.exp(-(x - 1) / 2)), 1 + 2 * 0.5772156649015329, Math.PI * Math.PI / 6 * 4),
            new Cont("pareto(10)", r -> r.pareto(10, N), x -> x <= 0 ? 0 : 1 - Math.pow(1 + x, -10), 1.0 / 9, 10.0 / (81 * 8)),
            new Cont("pareto(2)", r -> r.pareto(2, N), x -> x <= 0 ? 0 : 1 - Math.pow(1 + x, -2), 1, nan),
            new Cont("weibull(2)", r -> r.weibull(2, N), x -> x <= 0 ? 0 : 1 - Math.exp(-x * x), Math.sqrt(Math.PI) / 2, 1 - Math.PI / 4),
            new Cont("standardT(2)", r -> r.standardT(2, N), x -> 0.5 + x / (2 * Math.sqrt(2 + x * x)), 0, nan),
            new Cont("standardT(1)=cauchy", r -> r.standardT(1, N), x -> 0.5 + Math.atan(x) / Math.PI, nan, nan),
            new Cont("cauchy", r -> r.cauchy(1, 2, N), x -> 0.5 + Math.atan((x - 1) / 2) / Math.PI, nan, nan),
            new Cont("truncatedNormal", r -> r.truncatedNormal(-1, 2, N), x -> x < -1 ? 0 : x > 2 ? 1 : (phi(x) - phi(-1)) / tn,
                    (Math.exp(-0.5) - Math.exp(-2)) / Math.sqrt(2 * Math.PI) / tn, nan),
            new Cont("truncatedNormal tail", r -> r.truncatedNormal(4, 6, N), x -> x < 4 ? 0 : x > 6 ? 1 : (Erf.erfc(4 / Math.sqrt(2)) - Erf.erfc(x / Math.sqrt(2))) / (Erf.erfc(4 / Math.sqrt(2)) - Erf.erfc(6 / Math.sqrt(2))), nan, nan)
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("continuous")
    void continuousDistributionsPassKsAndMoments(Cont c) {
        double[] x = c.draw().apply(new RandomState(2024)).toDoubleArray();
        assertEquals(N, x.length);
        double[] s = x.clone();
        Arrays.sort(s);
        double d = 0;
        for (int i = 0; i < N; i++) {
            double f = c.cdf().applyAsDouble(s[i]);
            d = Math.max(d, Math.max(f - (double) i / N, (i + 1.0) / N - f));
        }
        assertTrue(d < 1.95 / Math.sqrt(N), c + ": KS statistic " + d + " exceeds the 0.1% critical value " + 1.95 / Math.sqrt(N));
        checkMoments(c.name(), x, c.mean(), c.var());
    }

    static void checkMoments(String name, double[] x, double mean, double var) {
        double m = Arrays.stream(x).average().orElseThrow();
        double v = Arrays.stream(x).map(t -> (t - m) * (t - m)).sum() / x.length;
        if (!Double.isNaN(mean)) {
            double se = Math.sqrt((Double.isNaN(var) ? v : var) / x.length);
            assertEquals(mean, m, 5 * se + 1e-12, name + " mean");
        }
        if (!Double.isNaN(var)) assertEquals(var, v, 0.06 * var, name + " variance");
    }

    @Test
    void discreteDistributionsMatchMoments() {
        RandomState r = new RandomState(77);
        checkMoments("poisson(3)", r.poisson(3, N).toDoubleArray(), 3, 3);
        checkMoments("poisson(50)", r.poisson(50, N).toDoubleArray(), 50, 50);
        checkMoments("binomial(20,.3)", r.binomial(20, 0.3, N).toDoubleArray(), 6, 4.2);
        checkMoments("binomial(1000,.4)", r.binomial(1000, 0.4, N).toDoubleArray(), 400, 240);
        checkMoments("binomial(50,.9)", r.binomial(50, 0.9, N).toDoubleArray(), 45, 4.5);
        checkMoments("randint", r.randint(-3, 7, N).toDoubleArray(), 1.5, 8.25);
        checkMoments("geometric", r.geometric(0.25, N).toDoubleArray(), 4, 12);
        checkMoments("bernoulli", r.bernoulli(0.2, N).astype(DType.F64).toDoubleArray(), 0.2, 0.16);
        assertEquals(DType.I32, r.poisson(1, 3).dtype());
        assertEquals(DType.BOOL, r.bernoulli(0.5, 3).dtype());
        int[] ri = r.randint(-3, 7, 1000).toIntArray();
        assertTrue(Arrays.stream(ri).allMatch(v -> v >= -3 && v < 7));
    }

    @Test
    void permutationsShufflesAndChoice() {
        RandomState r = new RandomState(3);
        int[] p = r.permutation(1000).toIntArray();
        int[] sorted = p.clone();
        Arrays.sort(sorted);
        for (int i = 0; i < sorted.length; i++) assertEquals(i, sorted[i]);
        assertFalse(Arrays.equals(p, sorted));
        Tensor m = BM.arange(12).reshape(6, 2);
        Tensor sh = r.shuffle(m);
        assertEquals(BM.sum(m, 0), BM.sum(sh, 0));
        Key k = r.splitKey();
        Tensor xs = BM.arange(50), ys = BM.arange(50).mul(10);
        assertEquals(Sampler.shuffle(xs, k).mul(10), Sampler.shuffle(ys, k), "the same key shuffles inputs and labels alike");
        assertNotEquals(Sampler.shuffle(xs, k), xs);
        int[] noRep = r.choice(10, 10, false, null).toIntArray();
        assertEquals(10, Arrays.stream(noRep).distinct().count());
        Tensor w = BM.array(new double[] {0.1, 0.0, 0.6, 0.3});
        int[] c = r.choice(4, N, true, w).toIntArray();
        int[] counts = new int[4];
        for (int v : c) counts[v]++;
        assertEquals(0, counts[1]);
        assertEquals(0.6, counts[2] / (double) N, 0.015);
        int[] wNoRep = r.choice(4, 3, false, w).toIntArray();
        assertEquals(3, Arrays.stream(wNoRep).distinct().count());
        assertTrue(Arrays.stream(wNoRep).noneMatch(v -> v == 1), "zero-weight items are never chosen");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.choice(3, 5, false, null));
        assertTrue(e.getMessage().contains("without replacement"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.normal(0, -1, 3));
        assertThrows(IllegalArgumentException.class, () -> r.bernoulli(1.5, 3));
    }

    @Test
    void specialFunctions() {
        assertEquals(Math.log(24), Special.lgamma(5), 1e-13);
        assertEquals(0.5 * Math.log(Math.PI), Special.lgamma(0.5), 1e-13);
        for (double p : new double[] {1e-10, 0.001, 0.3, 0.5, 0.9, 0.999999})
            assertEquals(p, phi(Special.normalQuantile(p)), p * 1e-9);
    }
}
