package org.braindyn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braindyn.examples.Example;
import org.braindyn.examples.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./braindyn run NAME}: one example; {@code --list} shows them all. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one example (see --list).")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "Example name.")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    Path out;

    @Option(names = "--neurons", description = "coba/cuba: number of neurons (80% excitatory).")
    Integer neurons;

    @Option(names = "--duration", description = "coba/cuba: simulated time in ms (default 1000).", defaultValue = "1000")
    double duration;

    @Option(names = "--seed", description = "coba/cuba: random seed (default ${DEFAULT-VALUE}).", defaultValue = "42")
    long seed;

    @Option(names = "--threads", description = "coba/cuba: 1 to keep every kernel on one thread (results do not depend on it).")
    Integer threads;

    @Option(names = "--jit", description = "coba/cuba: regenerate the random connectivity from its seed every step instead of storing it (JitComm).")
    boolean jit;

    @Option(names = "--eager", description = "coba/cuba: run step by step instead of as a compiled loop.")
    boolean eager;

    @Option(names = "--json", description = "coba/cuba: print one JSON line with rate_hz, spikes, build_s, run_s.")
    boolean json;

    @Option(names = "--save-spikes", description = "coba/cuba: write spike times (ms) and neuron indices to this .npz.")
    Path saveSpikes;

    @Override public Integer call() throws Exception {
        if (list || name == null) {
            System.out.println("Examples (./braindyn run NAME):");
            for (Example e : Examples.all()) System.out.printf("  %-14s %s%n", e.name(), e.description());
            return name == null && !list ? 2 : 0;
        }
        if (name.equalsIgnoreCase("coba") || name.equalsIgnoreCase("cuba")) {
            if (neurons != null || json || saveSpikes != null || name.equalsIgnoreCase("cuba") || threads != null || jit || eager) return benchmark(name.equalsIgnoreCase("cuba"));
        }
        var e = Examples.find(name);
        if (e.isEmpty()) {
            System.err.println("braindyn run: unknown example '" + name + "'; known: "
                    + String.join(", ", Examples.all().stream().map(Example::name).toList()));
            return 2;
        }
        e.get().run(System.out, out.resolve(e.get().name()));
        return 0;
    }

    private Integer benchmark(boolean cuba) throws Exception {
        if (threads != null) org.braindyn.tensor.Config.setParallelKernels(threads > 1);
        org.braindyn.examples.NetworkBenchmark.Result r = new org.braindyn.examples.CobaNetwork()
                .simulate(neurons == null ? 4000 : neurons, duration, seed, cuba, jit, !eager, json ? null : System.err);
        if (json) System.out.println(r.json());
        else System.out.printf(java.util.Locale.ROOT, "%s: %d neurons, %.0f ms, seed %d: %.2f Hz mean rate, %d spikes; built in %.2f s, ran in %.2f s%n",
                r.model(), r.neurons(), r.durationMs(), r.seed(), r.rateHz(), r.spikes(), r.buildS(), r.runS());
        if (saveSpikes != null) {
            java.util.Map<String, org.braindyn.tensor.Tensor> m = new java.util.LinkedHashMap<>();
            m.put("spike_times_ms", r.spikeTimesMs());
            m.put("spike_neurons", r.spikeNeurons());
            org.braindyn.io.Npz.write(saveSpikes, m);
        }
        return 0;
    }
}
