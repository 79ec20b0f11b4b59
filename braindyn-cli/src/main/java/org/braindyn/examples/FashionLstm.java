package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.braindyn.datasets.Batches;
import org.braindyn.datasets.FashionMnist;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LstmCell;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.BPTT;

/**
 * Seed {@code 004}'s ANN on the real Fashion-MNIST: the 28 rows of an image are 28 time steps of 28 features into
 * {@code LSTMCell(28 → 100)} and a {@code Dense(100 → 10)} readout; the prediction is the readout's maximum over time
 * (the seed's {@code bm.max(predicts, axis=1)}), the loss cross-entropy, Adam with lr 1e-3, batches of 256, eager
 * BPTT. Data from Debian's {@code dataset-fashion-mnist} ({@code sudo apt-get install dataset-fashion-mnist}).
 * Prints BrainPy's line per epoch, or with {@code --json} one JSON line per epoch
 * ({@code epoch, train_loss, train_acc, test_loss, test_acc, epoch_s}); writes the training curves.
 */
public final class FashionLstm implements Example {
    @Override public String name() { return "fashion-lstm"; }

    @Override public String description() { return "Seed 004's LSTM (28 → 100 → 10) on the real Fashion-MNIST, image rows as time steps, BPTT + Adam"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs"); }

    /** Xavier-normal (BrainPy's default) drawn from {@code rng}. */
    static org.braindyn.init.Initializer xavier(RandomState rng) {
        return new org.braindyn.init.VarianceScaling(1, org.braindyn.init.VarianceScaling.Mode.FAN_AVG, org.braindyn.init.VarianceScaling.Distribution.TRUNCATED_NORMAL, rng);
    }

    /** Seed 004's ANN: {@code LstmCell(28 → 100) → Dense(100 → 10)}, trainable, Xavier-normal weights from {@code seed}. */
    static Sequential model(int seed) {
        RandomState init = new RandomState(seed);
        LstmCell rec = LstmCell.builder(28, 100).trainable(true).wiInit(xavier(init)).whInit(xavier(init)).build();
        Dense readout = Dense.builder(100, 10).trainable(true).wInit(xavier(init)).build();
        return Sequential.of(rec, readout);
    }

    static List<BPTT.Batch> batches(FashionMnist.Split s, int size, RandomState rng) {
        List<BPTT.Batch> out = new ArrayList<>();
        for (Tensor idx : Batches.of(s.size(), size, rng, false)) out.add(new BPTT.Batch(take(s.images(), idx, 0), take(s.labels(), idx, 0)));
        return out;
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int epochs = o.epochs(10), seed = (int) o.seed(0);
        FashionMnist.Data data = FashionMnist.load();
        RandomState shuffle = new RandomState(seed + 1);
        Sequential model = model(seed);
        BPTT trainer = new BPTT(model, (y, t) -> Losses.crossEntropy(max(y, 1), t), new Adam(1e-3, model.trainVars().values()))
                .metric("acc", (y, t) -> Losses.accuracy(max(y, 1), t))
                // step by step: the compiled LSTM step is slower today (257 ms against 142 ms per batch of 256,
                // `bench train-step --model lstm [--eager]`): its sigmoid and tanh keep the fused kernels scalar
                .jit(false);
        double[] epochSeconds = new double[epochs];
        if (o.json()) {
            trainer.log(null);
            double[] train = new double[2];
            trainer.onEpoch((e, phase, v, s) -> {
                if (phase.equals("fit")) { train[0] = v.get("loss"); train[1] = v.get("acc"); epochSeconds[e] = s; return; }
                log.println(Rc.json("epoch", e, "train_loss", train[0], "train_acc", train[1], "test_loss", v.get("loss"), "test_acc", v.get("acc"), "epoch_s", epochSeconds[e] + s));
            });
        } else trainer.log(log);
        List<BPTT.Batch> test = batches(data.test(), 1000, null);
        trainer.fit(() -> batches(data.train(), 256, shuffle), () -> test, epochs);
        double[] ep = new double[epochs];
        for (int i = 0; i < epochs; i++) ep[i] = i + 1;
        LineFigure.titled("LSTM (28 → 100 → 10) on Fashion-MNIST, Adam lr 1e-3, batch 256").xLabel("epoch").yLabel("accuracy")
                .series("training (during the epoch)", ep, trainer.histMetric("fit", "acc")).series("test", ep, trainer.histMetric("test", "acc"))
                .save(out.resolve("fashion_lstm_accuracy.png"));
        LineFigure.titled("LSTM on Fashion-MNIST: loss").xLabel("epoch").yLabel("cross-entropy")
                .series("training (during the epoch)", ep, trainer.histMetric("fit", "loss")).series("test", ep, trainer.histMetric("test", "loss"))
                .save(out.resolve("fashion_lstm_loss.png"));
        if (!o.json()) log.println("  wrote " + out.resolve("fashion_lstm_accuracy.png") + " and fashion_lstm_loss.png");
    }
}
