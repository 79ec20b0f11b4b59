package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.braindyn.io.Npz;
import org.braindyn.random.Key;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** Draws from several distributions with a seeded {@link RandomState} and prints sample moments beside the exact ones. */
public final class RandomTour implements Example {
    @Override public String name() { return "random"; }

    @Override public String description() { return "counter-based random numbers: distributions, sample moments, split keys"; }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        RandomState rs = new RandomState(1234);
        log.println("RandomState(1234) key = " + rs.key());
        int n = 100_000;
        row(log, "normal(2, 3)", rs.normal(2, 3, n), 2, 9);
        row(log, "gamma(3, 2)", rs.gamma(3, 2, n), 6, 12);
        row(log, "beta(2, 3)", rs.beta(2, 3, n), 0.4, 0.04);
        row(log, "poisson(50)", rs.poisson(50, n), 50, 50);
        row(log, "binomial(1000, .4)", rs.binomial(1000, 0.4, n), 400, 240);
        row(log, "exponential(2)", rs.exponential(2, n), 2, 4);
        Key[] ks = rs.splitKeys(2);
        log.println("split keys: " + ks[0] + " and " + ks[1] + "; key now " + rs.key());
        Tensor perm = rs.permutation(10);
        log.println("permutation(10) = " + perm);
        Path p = out.resolve("random_samples.npz");
        Npz.write(p, Map.of("normal", new RandomState(7).normal(0, 1, 1000)));
        log.println("wrote " + p);
    }

    private static void row(PrintStream log, String name, Tensor x, double mean, double var) {
        log.printf("  %-20s mean %9.4f (exact %8.4f)   variance %9.4f (exact %8.4f)%n", name,
                BM.mean(x).item(), mean, BM.var(x).item(), var);
    }
}
