package org.braindyn.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.braindyn.examples.Example;
import org.braindyn.examples.Examples;
import org.braindyn.examples.RunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ./braindyn run NAME [options]}: one example; {@code --list} shows them all. Every option given is either
 * honoured by the example or refused (exit code 2) with the options that example takes; impossible values are refused
 * with the option, the value and what is allowed.
 */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one example (see --list).")
final class RunCommand implements Callable<Integer> {
    /** Options every example takes. */
    private static final List<String> COMMON = List.of("--out", "--list", "--help", "--version");

    @Spec CommandSpec spec;

    @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "Example name.")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    Path out;

    @Option(names = "--neurons", description = "coba/cuba: number of neurons, 80%% excitatory (default 4000).")
    Integer neurons;

    @Option(names = "--duration", description = "coba/cuba: simulated time in ms (default 1000).")
    Double duration;

    @Option(names = "--seed", description = "Random seed of the network or reservoir (coba/cuba default 42; see each example).")
    Long seed;

    @Option(names = "--threads", description = "coba/cuba/coba-hh: threads for the compiled step (neuron updates of 16,384+ neurons split by ranges) and large eager kernels; 1 keeps everything on one thread (spikes do not depend on it).")
    Integer threads;

    @Option(names = "--jit", description = "coba/cuba: regenerate the random connectivity from its seed every step instead of storing it (JitComm).")
    boolean jit;

    @Option(names = "--eager", description = "coba/cuba: run step by step instead of as a compiled loop.")
    boolean eager;

    @Option(names = "--json", description = "Print one JSON line of the example's metrics (coba/cuba: rate_hz, spikes, build_s, run_s) and nothing else on stdout.")
    boolean json;

    @Option(names = "--epochs", description = "Training examples: passes over the training data.")
    Integer epochs;

    @Option(names = "--coherence", description = "decision-making: the stimulus' evidence for choice A in %% (−100 … 100; default 25.6).")
    Double coherence;

    @Option(names = "--profile", description = "coba/cuba: then profile the compiled step of a second run with the same seed (500 ms of warm-up, then the duration, at most 1000 ms): microseconds per step of every kernel and of the executor (--json: profile_us_per_step, kernel_us_per_step, executor_us_per_step).")
    boolean profile;

    @Option(names = "--save-spikes", description = "coba/cuba: write spike times (ms) and neuron indices to this .npz (default OUT/NAME/NAME_spikes.npz).")
    Path saveSpikes;

    @Override public Integer call() throws Exception {
        if (list || name == null) {
            System.out.println("Examples (./braindyn run NAME):");
            for (Example e : Examples.all()) {
                String opts = e.options().isEmpty() ? "" : "  [" + String.join(" ", new TreeSet<>(e.options())) + "]";
                System.out.printf("  %-20s %s%s%n", e.name(), e.description(), opts);
            }
            return name == null && !list ? 2 : 0;
        }
        var found = Examples.find(name);
        if (found.isEmpty()) {
            System.err.println("braindyn run: unknown example '" + name + "'; known: "
                    + String.join(", ", Examples.all().stream().map(Example::name).toList()));
            return 2;
        }
        Example e = found.get();
        List<String> refused = new ArrayList<>();
        for (var matched : spec.commandLine().getParseResult().matchedOptions()) {
            String opt = matched.longestName();
            if (!COMMON.contains(opt) && !e.options().contains(opt)) refused.add(opt);
        }
        if (!refused.isEmpty()) {
            System.err.println("braindyn run " + e.name() + ": option" + (refused.size() > 1 ? "s " : " ") + String.join(", ", refused)
                    + " do" + (refused.size() > 1 ? "" : "es") + " not apply to this example; it takes "
                    + (e.options().isEmpty() ? "only --out" : String.join(", ", new TreeSet<>(e.options())) + " and --out"));
            return 2;
        }
        RunOptions options = new RunOptions(neurons, duration, seed, threads, jit, eager, json, saveSpikes, epochs, coherence, profile);
        try {
            options.validate();
        } catch (IllegalArgumentException ex) {
            System.err.println("braindyn run " + e.name() + ": " + ex.getMessage());
            return 2;
        }
        e.run(System.out, out.resolve(e.name()), options);
        return 0;
    }
}
