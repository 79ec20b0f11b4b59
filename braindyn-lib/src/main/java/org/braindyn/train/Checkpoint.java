package org.braindyn.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.io.States;
import org.braindyn.optim.Optimizer;
import org.braindyn.state.Module;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;

/**
 * A training run on disk: the model's states, the optimizer's (moments, step) and the epoch, in one atomically
 * written {@code .npz} (model states by relative name, optimizer states under {@code optimizer.}, the epoch under
 * {@code epoch}). Loading into a freshly built model and optimizer continues the run bit for bit.
 * <pre>{@code
 * Checkpoint.save(Path.of("run.npz"), model, opt, epoch);
 * int next = Checkpoint.load(Path.of("run.npz"), model, opt) + 1;
 * }</pre>
 */
public final class Checkpoint {
    private Checkpoint() {}

    private static Map<String, Variable> all(Module model, Optimizer opt, Variable epoch) {
        Map<String, Variable> m = new LinkedHashMap<>(model.vars(Module.Scheme.RELATIVE).unique().asMap());
        opt.states().forEach((k, v) -> m.put("optimizer." + k, v));
        m.put("epoch", epoch);
        return m;
    }

    /** Writes the model, the optimizer and the epoch. */
    public static void save(Path file, Module model, Optimizer opt, int epoch) throws IOException {
        States.save(all(model, opt, new Variable(BM.scalar(epoch, DType.I32), "epoch")), file);
    }

    /** Restores the model and the optimizer (all or nothing) and returns the saved epoch. */
    public static int load(Path file, Module model, Optimizer opt) throws IOException {
        Variable epoch = new Variable(BM.scalar(-1, DType.I32), "epoch");
        States.Report r = States.load(all(model, opt, epoch), file, false, null);
        if (!r.missing().isEmpty()) throw new IllegalArgumentException("Checkpoint.load: " + file + " has no value for " + String.join(", ", r.missing()));
        return (int) epoch.value().item();
    }
}
