package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.nn.GruCell;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BPTT trains a small GRU to tell whether a sequence's sum is positive; history, metrics and refusals. */
class BpttTest {
    @AfterEach void back() { Naming.clearNameCache(); }

    @Test
    void aGruLearnsTheSignOfASequenceSum() {
        RandomState rng = new RandomState(3);
        List<BPTT.Batch> train = new ArrayList<>();
        for (int b = 0; b < 8; b++) {
            Tensor x = rng.normal(0, 1, 32, 6, 1);
            Tensor y = greater(sum(x, 1, 2), 0).astype(DType.I32);
            train.add(new BPTT.Batch(x, y));
        }
        GruCell g = GruCell.builder(1, 16).trainable(true).build();
        Dense o = Dense.builder(16, 2).trainable(true).build();
        Sequential model = Sequential.of(g, o);
        BPTT t = new BPTT(model, (y, tg) -> Losses.crossEntropy(y.get(":, -1"), tg), new Adam(0.02, model.trainVars().values()))
                .metric("acc", (y, tg) -> Losses.accuracy(y.get(":, -1"), tg)).log(null);
        List<String> seen = new ArrayList<>();
        t.onEpoch((e, phase, v, s) -> seen.add(phase + e));
        t.fit(() -> train, () -> train.subList(0, 2), 25);
        double[] loss = t.histMetric("fit", "loss"), acc = t.histMetric("test", "acc");
        assertEquals(25, loss.length);
        assertTrue(loss[24] < 0.5 * loss[0], "loss " + loss[0] + " → " + loss[24]);
        assertTrue(acc[24] > 0.9, "test accuracy " + acc[24]);
        assertEquals(List.of("fit0", "test0"), seen.subList(0, 2));
        assertEquals(java.util.List.of(32, 6, 2), java.util.Arrays.stream(t.predict(train.get(0).inputs()).shape().toArray()).boxed().toList());
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"gru", "lstm"})
    void compiledAndEagerTrainingFollowTheSamePath(String cell) {
        double[][] loss = new double[2][];
        List<Tensor> init = null;
        for (int mode = 0; mode < 2; mode++) {
            RandomState rng = new RandomState(8);
            List<BPTT.Batch> train = new ArrayList<>();
            for (int b = 0; b < 3; b++) {
                Tensor x = rng.normal(0, 1, 16, 5, 2);
                train.add(new BPTT.Batch(x, greater(sum(x, 1, 2), 0).astype(DType.I32)));
            }
            org.braindyn.nn.Node rec = cell.equals("gru") ? GruCell.builder(2, 8).trainable(true).build() : org.braindyn.nn.LstmCell.builder(2, 8).trainable(true).build();
            Sequential model = Sequential.of(rec, Dense.builder(8, 2).trainable(true).build());
            List<org.braindyn.state.Variable> vars = new ArrayList<>(model.trainVars().values());
            if (init == null) init = vars.stream().map(v -> v.value()).toList();   // the same initial weights for both runs
            else for (int k = 0; k < vars.size(); k++) vars.get(k).set(init.get(k));
            BPTT t = new BPTT(model, (y, tg) -> Losses.crossEntropy(y.get(":, -1"), tg), new Adam(0.02, model.trainVars().values()))
                    .jit(mode == 1).log(null);
            t.fit(() -> train, null, 4);
            loss[mode] = t.histMetric("fit", "loss");
            Naming.clearNameCache();
        }
        for (int e = 0; e < 4; e++) assertEquals(loss[0][e], loss[1][e], 1e-5 * Math.abs(loss[0][e]), "epoch " + e + ": eager vs compiled");
        assertTrue(loss[1][3] < loss[1][0], "it learns: " + java.util.Arrays.toString(loss[1]));
    }

    @Test
    void aModelDrawingRandomNumbersInsideTheLoopTrainsStepByStep() {
        RandomState rng = new RandomState(2);
        Tensor x = rng.normal(0, 1, 8, 4, 3);
        List<BPTT.Batch> train = List.of(new BPTT.Batch(x, greater(sum(x, 1, 2), 0).astype(DType.I32)));
        Sequential model = Sequential.of(GruCell.builder(3, 6).trainable(true).build(), new org.braindyn.nn.Dropout(6, 0.8, 1), Dense.builder(6, 2).trainable(true).build());
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        BPTT t = new BPTT(model, (y, tg) -> Losses.crossEntropy(y.get(":, -1"), tg), new Adam(0.01, model.trainVars().values()))
                .log(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8));
        t.fit(() -> train, null, 3);
        assertEquals(3, t.histMetric("fit", "loss").length);
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(1, out.lines().filter(l -> l.contains("training step by step")).count(), "one note, then eager training: " + out);
    }

    @Test
    void refusesWhatCannotBeTrained() {
        Dense frozen = Dense.builder(3, 2).build();
        Dense trainable = Dense.builder(3, 2).trainable(true).build();
        String e = assertThrows(IllegalArgumentException.class, () -> new BPTT(frozen, (y, t) -> sum(y), new Adam(1e-3, trainable.trainVars().values()))).getMessage();
        assertTrue(e.contains("has no TrainVars"), e);
        BPTT t = new BPTT(trainable, (y, tg) -> sum(y), new Adam(1e-3, trainable.trainVars().values())).log(null);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.histMetric("fit", "acc")).getMessage().contains("no history"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.predict(zeros(2, 3))).getMessage().contains("(batch, time, 3)"));
    }
}
