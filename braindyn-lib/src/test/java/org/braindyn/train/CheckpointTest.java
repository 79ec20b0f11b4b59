package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LstmCell;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving a training run (model + Adam + epoch) and resuming it in fresh objects continues bit for bit. */
class CheckpointTest {
    @AfterEach void back() { Naming.clearNameCache(); }

    record Run(Sequential model, Adam opt, BPTT trainer) {}

    static Run build(int seed) {
        LstmCell c = LstmCell.builder(3, 8).trainable(true).name("rec").wiInit(new org.braindyn.init.Normal(0, 0.3, new RandomState(seed))).build();
        Dense d = Dense.builder(8, 2).trainable(true).name("out").build();
        Sequential m = Sequential.named("net", c, d);
        Adam opt = new Adam(0.01, m.trainVars().values());
        return new Run(m, opt, new BPTT(m, (y, t) -> Losses.crossEntropy(y.get(":, -1"), t), opt).log(null));
    }

    @Test
    void resumingFromACheckpointContinuesExactly(@TempDir Path dir) throws Exception {
        RandomState rng = new RandomState(2);
        Tensor x = rng.normal(0, 1, 16, 5, 3);
        Tensor y = greater(sum(x, 1, 2), 0).astype(DType.I32);
        List<BPTT.Batch> data = List.of(new BPTT.Batch(x, y));
        Run a = build(1);
        a.trainer().fit(() -> data, null, 3);
        Path f = dir.resolve("run.npz");
        Checkpoint.save(f, a.model(), a.opt(), 2);
        a.trainer().fit(() -> data, null, 2);
        Naming.clearNameCache();
        Run b = build(99);                                              // different initial weights, then loaded
        assertEquals(2, Checkpoint.load(f, b.model(), b.opt()));
        b.trainer().fit(() -> data, null, 2);
        var wa = a.model().vars().asMap();
        var wb = b.model().vars().asMap();
        assertEquals(wa.keySet(), wb.keySet());
        for (String k : wa.keySet()) assertEquals(wa.get(k).value(), wb.get(k).value(), k + " bit for bit");
        assertEquals(a.opt().steps(), b.opt().steps());
    }
}
