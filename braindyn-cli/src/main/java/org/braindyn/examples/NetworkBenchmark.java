package org.braindyn.examples;

import java.io.PrintStream;
import org.braindyn.tensor.Tensor;

/** A network example that can run at any size, duration and seed and report what the benchmarks compare. */
public interface NetworkBenchmark {
    /**
     * What one run produced: mean rate over all neurons, spike count, wall times of building the network, of tracing
     * and compiling its step ({@code compileS}, 0 for eager runs) and of the simulation loop ({@code runS}: the steps
     * themselves, HotSpot's warm-up of the generated code included, compilation not), spike times (ms) and indices.
     */
    record Result(String model, int neurons, double durationMs, long seed, double rateHz, long spikes, double buildS, double compileS, double runS,
                  Tensor spikeTimesMs, Tensor spikeNeurons) {
        /** One JSON line. */
        public String json() {
            return String.format(java.util.Locale.ROOT,
                    "{\"model\":\"%s\",\"neurons\":%d,\"duration_ms\":%.1f,\"seed\":%d,\"rate_hz\":%.3f,\"spikes\":%d,\"build_s\":%.3f,\"compile_s\":%.3f,\"run_s\":%.3f}",
                    model, neurons, durationMs, seed, rateHz, spikes, buildS, compileS, runS);
        }
    }

    /** Runs the COBA (or, with {@code cuba}, the CUBA) network. */
    Result simulate(int neurons, double duration, long seed, boolean cuba, PrintStream progress);
}
