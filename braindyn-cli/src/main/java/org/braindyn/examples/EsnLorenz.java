package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.OfflineTrainer;
import org.braindyn.train.RidgeTrainer;

/**
 * SPEC Q1, BrainPy's echo-state-network tutorial: float64; the Lorenz series over 100 time units at dt 0.01
 * (10,000 samples); {@code Reservoir(400, spectral radius 1.4) → LinearReadout(3)} with BrainPy's other defaults;
 * ridge regression β = 1e-6; warm up on t ∈ [0, 20), fit on [20, 80) to predict the next step, test on [80, 100).
 * The reservoir is random (its seed is {@code --seed}), so the error varies from seed to seed; BrainPy's tutorial
 * printed 1.46e-4 for its draw.
 */
public final class EsnLorenz implements Example {
    @Override public String name() { return "esn-lorenz"; }

    @Override public String description() { return "Echo-state network (400 units, ridge) predicting the Lorenz attractor one step ahead (SPEC Q1)"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        DefaultFloat.x64(() -> { go(log, out, o); return null; });
    }

    private void go(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = o.seed() == null ? 42 : (int) (long) o.seed();
        double dt = 0.01;
        Tensor data = Rc.xyz(ChaoticSeries.lorenz(100, dt));
        long t0 = System.nanoTime();
        Reservoir r = Reservoir.builder(3, 400).spectralRadius(1.4).seed(seed).build();
        Dense readout = LinearReadout.builder(400, 3).build();
        Sequential esn = Sequential.of(r, readout);
        OfflineTrainer trainer = RidgeTrainer.of(esn, 1e-6);
        trainer.predict(Rc.window(data, 0, 2000), true);                       // warm-up, (1, 2000, 3)
        trainer.fit(Rc.window(data, 2000, 8000), Rc.window(data, 2001, 8001));
        Tensor truth = Rc.window(data, 8001, 10000);
        Tensor pred = trainer.predict(Rc.window(data, 8000, 9999), false);
        double secs = (System.nanoTime() - t0) / 1e9, mse = Rc.mse(pred, truth);
        Rc.truthVsPrediction(out.resolve("esn_lorenz.png"), "ESN (400 units, ridge β = 1e-6): Lorenz one step ahead, test set", new String[] {"x", "y", "z"},
                80.01, dt, "dimensionless", truth, pred);
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "test_mse", mse, "fit_s", trainer.lastFitSeconds(), "seconds", secs));
            return;
        }
        log.printf("  reservoir seed %d: test MSE %.3g over t in [80, 100) (BrainPy's tutorial: 1.46e-4); warm-up, fit and test took %.2f s (fit %.2f s)%n",
                seed, mse, secs, trainer.lastFitSeconds());
        log.println("  wrote " + out.resolve("esn_lorenz.png"));
    }
}
