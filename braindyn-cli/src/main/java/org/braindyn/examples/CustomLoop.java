package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.datasets.FashionMnist;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.BPTT;

/**
 * Seed {@code 004}'s "customize your BP training": the same LSTM as {@code fashion-lstm}, trained by a hand-written
 * loop instead of a trainer — a loss function that runs the model over a batch from fresh states and returns the
 * cross-entropy with the accuracy as auxiliary output, {@code Autodiff.gradAux} with respect to the model's
 * {@code TrainVar}s, and {@code Adam.update} — printing the seed's line every 100 steps ({@code Step 100, Used … s,
 * Loss …, Acc …}, running means) or, with {@code --json}, one line per report. {@code --epochs} defaults to 1 (the seed
 * ran 10).
 */
public final class CustomLoop implements Example {
    @Override public String name() { return "custom-loop"; }

    @Override public String description() { return "Seed 004's hand-written training loop: grad + Adam on the Fashion-MNIST LSTM, no trainer"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int epochs = o.epochs(1), seed = (int) o.seed(0);
        FashionMnist.Split train = FashionMnist.load().train();
        Sequential model = FashionLstm.model(seed);
        Adam opt = new Adam(1e-3, model.trainVars().values());
        RandomState shuffle = new RandomState(seed + 1);
        int step = 0, every = 100;
        double runningLoss = 0, runningAcc = 0;
        java.util.List<Double> steps = new java.util.ArrayList<>(), losses = new java.util.ArrayList<>();
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            for (BPTT.Batch b : FashionLstm.batches(train, 256, shuffle)) {
                Tensor xs = b.inputs(), ys = b.targets();
                Autodiff.Result g = Autodiff.gradAux(a -> {                // the loss: model over the rows, max over time
                    model.resetState(xs.dim(0));
                    Tensor[] outs = new Tensor[xs.dim(1)];
                    for (int t = 0; t < outs.length; t++) outs[t] = model.forward(xs.get(Index.all(), Index.at(t)), null);
                    Tensor logits = max(stack(1, outs), 1);
                    return new Autodiff.WithAux(Losses.crossEntropy(logits, ys), Losses.accuracy(logits, ys));
                }).gradVars(opt.vars()).returnValue(true).apply();
                opt.update(g.varGrads());
                runningLoss += g.value().item();
                runningAcc += (Double) g.aux();
                if (++step % every == 0) {
                    double used = (System.nanoTime() - t0) / 1e9;
                    if (o.json()) log.println(Rc.json("step", step, "used_s", used, "loss", runningLoss / every, "acc", runningAcc / every));
                    else log.printf(java.util.Locale.ROOT, "Step %d, Used %.4f s, Loss %.4f, Acc %.4f%n", step, used, runningLoss / every, runningAcc / every);
                    steps.add((double) step);
                    losses.add(runningLoss / every);
                    runningLoss = runningAcc = 0;
                    t0 = System.nanoTime();
                }
            }
        }
        if (!steps.isEmpty())
            LineFigure.titled("Hand-written BPTT loop (grad + Adam), LSTM on Fashion-MNIST").xLabel("training step (batch of 256)").yLabel("cross-entropy, mean of the last 100 steps")
                    .series("training loss", steps.stream().mapToDouble(Double::doubleValue).toArray(), losses.stream().mapToDouble(Double::doubleValue).toArray())
                    .save(out.resolve("custom_loop_loss.png"));
        if (!o.json()) log.println("  wrote " + out.resolve("custom_loop_loss.png"));
    }
}
