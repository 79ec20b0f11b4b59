package org.braindyn.examples;

import java.nio.file.Path;
import java.util.Locale;

/**
 * The options of {@code ./braindyn run NAME} that an example may take; {@code null} (or {@code false}) where the user
 * did not give one, so that the example's own default applies. {@link #validate()} refuses impossible values with a
 * message naming the option, the value and what is allowed.
 *
 * @param neurons    network size (COBA/CUBA: at least 2, one excitatory and one inhibitory)
 * @param durationMs simulated time in ms (at least one 0.1 ms step)
 * @param seed       random seed, 0 … 2³¹−1
 * @param threads    threads for the compiled step's kernels and large eager kernels; 1 keeps every kernel on one thread
 * @param jit        regenerate random connectivity every step instead of storing it
 * @param eager      run step by step instead of as a compiled loop
 * @param json       print one JSON line of results instead of text
 * @param saveSpikes where to write spike times and indices ({@code .npz})
 * @param epochs     training passes over the data (training examples), at least 1
 * @param coherence  the evidence for choice A over B in % (decision making), −100 … 100
 * @param profile    time every kernel of the compiled step (COBA/CUBA) and report where each step's time goes
 */
public record RunOptions(Integer neurons, Double durationMs, Long seed, Integer threads, boolean jit, boolean eager, boolean json, Path saveSpikes, Integer epochs,
                         Double coherence, boolean profile) {
    /** No option given: every example runs with its defaults. */
    public static final RunOptions NONE = new RunOptions(null, null, null, null, false, false, false, null, null);

    /** The options without a profile. */
    public RunOptions(Integer neurons, Double durationMs, Long seed, Integer threads, boolean jit, boolean eager, boolean json, Path saveSpikes, Integer epochs,
                      Double coherence) {
        this(neurons, durationMs, seed, threads, jit, eager, json, saveSpikes, epochs, coherence, false);
    }

    /** The options without a coherence. */
    public RunOptions(Integer neurons, Double durationMs, Long seed, Integer threads, boolean jit, boolean eager, boolean json, Path saveSpikes, Integer epochs) {
        this(neurons, durationMs, seed, threads, jit, eager, json, saveSpikes, epochs, null, false);
    }

    /** Throws {@link IllegalArgumentException} naming the first impossible value. */
    public RunOptions validate() {
        if (neurons != null && neurons < 2) throw bad("--neurons", neurons, "an integer ≥ 2 (at least one excitatory and one inhibitory neuron)");
        if (durationMs != null && !(Double.isFinite(durationMs) && durationMs >= 0.1))
            throw bad("--duration", durationMs, "a finite number of ms ≥ 0.1 (one time step)");
        if (seed != null && (seed < 0 || seed > Integer.MAX_VALUE)) throw bad("--seed", seed, "an integer in 0 … " + Integer.MAX_VALUE);
        if (threads != null && threads < 1) throw bad("--threads", threads, "an integer ≥ 1");
        if (saveSpikes != null && !saveSpikes.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".npz"))
            throw bad("--save-spikes", saveSpikes, "a file name ending in .npz");
        if (epochs != null && epochs < 1) throw bad("--epochs", epochs, "an integer ≥ 1");
        if (coherence != null && !(coherence >= -100 && coherence <= 100)) throw bad("--coherence", coherence, "a percentage in −100 … 100");
        return this;
    }

    private static IllegalArgumentException bad(String option, Object value, String allowed) {
        return new IllegalArgumentException("invalid value for option " + option + ": " + value + "; allowed: " + allowed);
    }

    int neurons(int dflt) { return neurons == null ? dflt : neurons; }

    double durationMs(double dflt) { return durationMs == null ? dflt : durationMs; }

    long seed(long dflt) { return seed == null ? dflt : seed; }

    int epochs(int dflt) { return epochs == null ? dflt : epochs; }

    double coherence(double dflt) { return coherence == null ? dflt : coherence; }
}
