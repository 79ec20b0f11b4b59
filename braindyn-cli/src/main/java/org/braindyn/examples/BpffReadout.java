package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.plot.LineFigure;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.BPFF;

/**
 * SPEC Q4, back-propagation on collected states: the reservoir of SPEC Q3 ({@code Reservoir(100)}, untrainable)
 * runs over the Lorenz series; its states {@code (99,995, 100)} become the samples of a feed-forward problem, and a
 * trainable {@code Dense(100 → 3)} learns the 5-step-ahead targets by BPFF with Adam (lr 1e-3), mean squared
 * error, batches of 64, for {@code --epochs} passes (the tutorial's 40 by default; its loss went 31.4 → about 1.1).
 * The trained readout then runs behind the reservoir.
 */
public final class BpffReadout implements Example {
    @Override public String name() { return "bpff-readout"; }

    @Override public String description() { return "Reservoir states as data: a Dense readout trained by back-propagation with Adam (SPEC Q4)"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        DefaultFloat.x64(() -> { go(log, out, o); return null; });
    }

    private void go(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(7), epochs = o.epochs(40);
        Tensor d = Rc.xyz(ChaoticSeries.lorenz(100, 0.001));
        int n = d.dim(0) - 5;
        Tensor x = Rc.window(d, 0, n), y = d.get("5:");
        long t0 = System.nanoTime();
        Reservoir r = Reservoir.builder(3, 100).seed(seed).build();
        Tensor states = Sequential.of(r).predict(x, true).reshape(n, 100);
        Dense readout = Dense.builder(100, 3).trainable(true).build();
        BPFF bp = new BPFF(readout, Losses::meanSquaredError, new Adam(1e-3, readout.trainVars().values()));
        if (!o.json()) bp.report(log, 10_000);
        long t1 = System.nanoTime();
        double[] losses = bp.fit(states, y, 64, epochs, seed);
        double fitS = (System.nanoTime() - t1) / 1e9;
        double mse = Rc.mse(bp.predict(states), y), secs = (System.nanoTime() - t0) / 1e9;
        double[] ep = new double[epochs];
        for (int i = 0; i < epochs; i++) ep[i] = i + 1;
        for (String ext : new String[] {"png", "svg"})
            LineFigure.titled("BPFF: Dense(100 → 3) on reservoir states, Adam lr 1e-3, batch 64").xLabel("epoch").yLabel("training loss (mean squared error)")
                    .series("mean loss of the epoch", ep, losses).save(out.resolve("bpff_readout." + ext));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "epochs", epochs, "first_epoch_loss", losses[0], "last_epoch_loss", losses[epochs - 1],
                    "train_mse", mse, "steps", (long) epochs * ((n + 63) / 64), "fit_s", fitS, "seconds", secs));
            return;
        }
        log.printf("  %d epochs (%d Adam steps) in %.1f s: mean loss %.3f in the first epoch, %.3f in the last; MSE of the trained readout %.3f%n",
                epochs, epochs * ((n + 63) / 64), fitS, losses[0], losses[epochs - 1], mse);
        log.println("  wrote " + out.resolve("bpff_readout.png") + " (and .svg)");
    }
}
