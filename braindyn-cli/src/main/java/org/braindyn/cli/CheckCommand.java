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
 * reverse mode and order 1 in forward mode) and reports coverage and the worst relative error;
 * {@code ./braindyn check integrators [--json]} measures every ODE method's order of convergence.
 */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Self-tests: 'gradients' checks autodiff against finite differences; 'integrators' measures ODE orders.")
final class CheckCommand implements Callable<Integer> {
    enum What { gradients, integrators }

    @Parameters(paramLabel = "WHAT", description = "One of: ${COMPLETION-CANDIDATES}.")
    What what;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override public Integer call() {
        return what == What.gradients ? gradients() : integrators();
    }

    private Integer integrators() {
        int bad = 0;
        for (org.braindyn.integrators.Method m : org.braindyn.integrators.Method.values()) {
            double measured = org.braindyn.integrators.OrderCheck.measuredOrder(m);
            boolean ok = Math.abs(measured - m.order()) <= 0.1;
            if (!ok) bad++;
            if (json) System.out.printf(Locale.ROOT, "{\"method\":\"%s\",\"declared_order\":%d,\"measured_order\":%.3f}%n", m.keyword(), m.order(), measured);
            else System.out.printf(Locale.ROOT, "%-12s declared order %d, measured %.3f%s%n", m.keyword(), m.order(), measured, ok ? "" : "  MISMATCH");
        }
        return bad == 0 ? 0 : 1;
    }

    private Integer gradients() {
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
