package org.braindyn.io;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.state.Module;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Saving and restoring every state of a model (BrainPy's {@code save_states}/{@code load_states}) as an {@code .npz}
 * keyed by relative variable paths ({@code E.V}), written atomically (temporary file, then rename), so a crash
 * mid-write leaves the previous file intact.
 * <pre>{@code
 * States.save(net, Path.of("net.npz"));
 * States.Report r = States.load(net, Path.of("net.npz"), true, System.out);   // r.missing(): states the file lacks
 * }</pre>
 */
public final class States {
    private States() {}

    /** What a load found: model states absent from the file, and file entries the model does not have. */
    public record Report(List<String> missing, List<String> unexpected) {}

    /** Writes every variable of {@code model} (relative names). */
    public static void save(Module model, Path file) throws IOException { save(model.vars(Module.Scheme.RELATIVE).unique().asMap(), file); }

    /** Writes {@code vars} under their keys (e.g. a model's states together with its optimizer's). */
    public static void save(Map<String, ? extends Variable> vars, Path file) throws IOException {
        Map<String, Tensor> m = new LinkedHashMap<>();
        vars.forEach((k, v) -> m.put(k, v.value()));
        Npz.write(file, m);
    }

    /**
     * Restores the variables found in {@code file}. The load is all or nothing: every value is first checked against
     * its variable (dtype, shape, constraints, {@link Variable#check}) and only when all pass are they assigned, so a
     * bad file leaves the model exactly as it was. With {@code checkMissing}, model states absent from the file are
     * reported on {@code log}; {@code log} (may be null) also receives one "Loading NAME ..." line per state.
     *
     * @throws IllegalArgumentException naming the file and every state that does not fit, when any does not
     */
    public static Report load(Module model, Path file, boolean checkMissing, PrintStream log) throws IOException {
        return load(model.vars(Module.Scheme.RELATIVE).unique().asMap(), file, checkMissing, log);
    }

    /** {@link #load(Module, Path, boolean, PrintStream)} into the variables of {@code vars}, by key. */
    public static Report load(Map<String, ? extends Variable> target, Path file, boolean checkMissing, PrintStream log) throws IOException {
        Map<String, Tensor> data = Npz.read(file);
        Map<String, Variable> vars = new LinkedHashMap<>(target);
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), problems = new ArrayList<>();
        for (var e : vars.entrySet()) {
            Tensor t = data.get(e.getKey());
            if (t == null) { missing.add(e.getKey()); continue; }
            try {
                e.getValue().check(t);
            } catch (RuntimeException bad) {
                problems.add(e.getKey() + ": " + bad.getMessage());
            }
        }
        if (!problems.isEmpty())
            throw new IllegalArgumentException("States.load: " + file + " does not fit the model; nothing was loaded:\n  " + String.join("\n  ", problems));
        for (var e : vars.entrySet()) {
            Tensor t = data.get(e.getKey());
            if (t == null) continue;
            if (log != null) log.println("Loading " + e.getKey() + " ...");
            e.getValue().set(t);
        }
        for (String k : data.keySet()) if (!vars.containsKey(k)) unexpected.add(k);
        if (checkMissing && !missing.isEmpty() && log != null)
            log.println("States.load: the file " + file.getFileName() + " has no value for " + String.join(", ", missing));
        return new Report(missing, unexpected);
    }
}
