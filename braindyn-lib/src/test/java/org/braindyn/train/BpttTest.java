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

    /** A small spiking network (a Network, not a layer graph): Dense → Expon → Lif → Dense → Expon → Leaky. */
    static final class Snn extends org.braindyn.dyn.Network {
        final org.braindyn.dyn.neurons.Lif r;
        final org.braindyn.dyn.neurons.Leaky o;
        final Dense w1, w2;
        final org.braindyn.dyn.Projection i2r, r2o;

        Snn(RandomState rng) {
            super(null);
            r = org.braindyn.dyn.neurons.Lif.builder(12).tau(10).vRest(0).vReset(0).vTh(1).spkFun(new org.braindyn.surrogate.InvSquareGrad()).build();
            o = org.braindyn.dyn.neurons.Leaky.builder(2).tau(5.0).build();
            org.braindyn.init.VarianceScaling k = new org.braindyn.init.VarianceScaling(20, org.braindyn.init.VarianceScaling.Mode.FAN_IN, org.braindyn.init.VarianceScaling.Distribution.TRUNCATED_NORMAL, rng);
            w1 = Dense.builder(6, 12).wInit(k).build();
            w2 = Dense.builder(12, 2).wInit(k).build();
            i2r = org.braindyn.dyn.Projection.half(null, w1, org.braindyn.dyn.synapses.Expon.builder(12).tau(10).build(), org.braindyn.dyn.SynOut.cuba(), r);
            r2o = org.braindyn.dyn.Projection.half(null, w2, org.braindyn.dyn.synapses.Expon.builder(2).tau(10).build(), org.braindyn.dyn.SynOut.cuba(), o);
        }

        @Override public Tensor update(Tensor... x) {
            i2r.update(x[0]);
            r2o.update(r.spike());
            r.update();
            return o.update();
        }
    }

    @Test
    void aSpikingNetworkTrainsWithItsSpikesMonitoredInTheLoss() {
        double[][] loss = new double[3][];
        List<Tensor> init = null;
        RandomState data = new RandomState(4);
        Tensor x = data.random(8, 40, 6).lt(0.2).astype(DType.F32), y = data.randint(0, 2, 8);
        for (int mode = 0; mode < 3; mode++) {   // eager, compiled, compiled with time-first inputs
            Snn net = org.braindyn.dyn.Mode.with(org.braindyn.dyn.Mode.training(8), () -> new Snn(new RandomState(1)));
            List<org.braindyn.state.Variable> vars = new ArrayList<>(net.trainVars().values());
            if (init == null) init = vars.stream().map(v -> v.value()).toList();
            else for (int k = 0; k < vars.size(); k++) vars.get(k).set(init.get(k));
            boolean timeFirst = mode == 2;
            int[] shape = new int[1];
            BPTT t = new BPTT(net, (pred, mon, tg) -> {
                Tensor spikes = mon.get("r.spike");
                shape[0] = spikes.dim(timeFirst ? 1 : 0) * 1000 + spikes.dim(timeFirst ? 0 : 1);
                return Losses.crossEntropy(mean(pred, timeFirst ? 0 : 1), tg).add(sum(spikes).mul(1e-3));
            }, new Adam(0.01, net.trainVars().values())).monitor("r.spike", () -> net.r.spike()).jit(mode > 0).timeFirst(timeFirst).log(null);
            List<BPTT.Batch> train = List.of(new BPTT.Batch(timeFirst ? x.transpose(1, 0, 2).contiguous() : x, y));
            t.fit(() -> train, null, 5);
            loss[mode] = t.histMetric("fit", "loss");
            assertEquals(8 * 1000 + 40, shape[0], "monitored spikes are (batch, time, n), or (time, batch, n) time first");
            Naming.clearNameCache();
        }
        for (int e = 0; e < 5; e++) {
            assertEquals(loss[0][e], loss[1][e], 1e-5 * Math.abs(loss[0][e]), "epoch " + e + ": eager vs compiled");
            assertEquals(loss[1][e], loss[2][e], 1e-6 * Math.abs(loss[1][e]), "epoch " + e + ": batch-first vs time-first");
        }
        assertTrue(loss[1][4] < loss[1][0], java.util.Arrays.toString(loss[1]));
    }

    @Test
    void progressLines() {
        assertEquals("\r  fit epoch 2 [##########..........] 5/10, loss 0.5000, 1.2 s", BPTT.progressLine("fit", 2, 5, 10, 0.5, 1.23));
        assertEquals("\r  test epoch 0 7 batches, loss 2.000, 0.0 s", BPTT.progressLine("test", 0, 7, -1, 2, 0.01));
        RandomState rng = new RandomState(3);
        Tensor x = rng.normal(0, 1, 4, 3, 2);
        Dense d = Dense.builder(2, 2).trainable(true).build();
        java.io.ByteArrayOutputStream buf = new java.io.ByteArrayOutputStream();
        new BPTT(d, (pred, tg) -> sum(square(pred)), new Adam(0.01, d.trainVars().values())).progress(true)
                .log(new java.io.PrintStream(buf, true, java.nio.charset.StandardCharsets.UTF_8))
                .fit(() -> List.of(new BPTT.Batch(x, zeros(4)), new BPTT.Batch(x, zeros(4))), null, 1);
        String out = buf.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(out.contains("[####################] 2/2") && out.contains("Train 0 epoch"), out);
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
