package org.braindyn.cli;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.braindyn.autodiff.GradTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Self-tests users can run on their machine: {@code ./braindyn check gradients [--json]} runs the gradient
 * specification table (every differentiable primitive and composite, finite differences in float64, order 2 in
 * reverse mode and order 1 in forward mode) and reports coverage and the worst relative error.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Self-tests: 'gradients' checks autodiff against finite differences.")
final class CheckCommand implements Callable<Integer> {
    enum What { gradients }

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override public Integer call() {
        long t0 = System.nanoTime();
        GradTable.Summary s = GradTable.run();
        double secs = (System.nanoTime() - t0) / 1e9;
        if (json) {
            System.out.printf(Locale.ROOT, "{\"primitives\":%d,\"covered\":%d,\"max_rel_err\":%.3e,\"rows\":%d,\"failures\":%d}%n",
                    s.primitives(), s.covered(), s.maxRelError(), s.rows(), s.failures().size());
        } else {
            System.out.printf(Locale.ROOT, "gradient table: %d rows, %d of %d differentiable primitives covered, worst relative error %.3e (%.1f s)%n",
                    s.rows(), s.covered(), s.primitives(), s.maxRelError(), secs);
            for (String f : s.failures()) System.out.println("  FAILED: " + f);
        }
        return s.failures().isEmpty() && s.covered() == s.primitives() ? 0 : 1;
    }
}
