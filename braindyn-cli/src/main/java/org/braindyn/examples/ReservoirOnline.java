package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.plot.LineFigure;
import org.braindyn.plot.PanelFigure;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.OfflineMethod;
import org.braindyn.train.OfflineTrainer;
import org.braindyn.train.OnlineMethod;
import org.braindyn.train.OnlineTrainer;

/**
 * SPEC Q3, BrainPy's "training a reservoir" tutorial: {@code Reservoir(100) → LinearReadout(3)} with BrainPy's
 * defaults predicts the Lorenz series (100 time units at dt 0.001, 99,995 steps) five steps ahead — untrained (a
 * random readout: a large error), then trained offline (ridge β = 1e-6 on all collected states) and online (FORCE,
 * RLS with α = 0.1, one update per step inside the compiled loop), each model evaluated by running it again from
 * zero states on the same sequence, as in the tutorial. Three reservoirs from the same seed, so all start equal.
 */
public final class ReservoirOnline implements Example {
    @Override public String name() { return "reservoir-online"; }

    @Override public String description() { return "One reservoir on Lorenz 5 steps ahead: untrained vs ridge (offline) vs FORCE (online) (SPEC Q3)"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        DefaultFloat.x64(() -> { go(log, out, o); return null; });
    }

    private static Sequential model(int seed) {
        return Sequential.of(Reservoir.builder(3, 100).seed(seed).build(), LinearReadout.builder(100, 3).build());
    }

    private void go(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(7);
        Tensor d = Rc.xyz(ChaoticSeries.lorenz(100, 0.001));
        int n = d.dim(0) - 5;
        Tensor x = Rc.window(d, 0, n), y = Rc.window(d, 5, n + 5);
        long t0 = System.nanoTime();
        Sequential untrained = model(seed);
        double mseUntrained = Rc.mse(untrained.predict(x, true), y);

        Sequential off = model(seed);
        OfflineTrainer ridge = new OfflineTrainer(off, new OfflineMethod.Ridge(1e-6));
        ridge.fit(x, y, true);
        Tensor pOff = ridge.predict(x, true);
        double mseOff = Rc.mse(pOff, y), offS = ridge.lastFitSeconds();

        Sequential on = model(seed);
        OnlineTrainer force = new OnlineTrainer(on, new OnlineMethod.Rls(0.1));
        long t1 = System.nanoTime();
        force.fit(x, y, true);
        double onS = (System.nanoTime() - t1) / 1e9;
        Tensor pOn = on.predict(x, true);
        double mseOn = Rc.mse(pOn, y), secs = (System.nanoTime() - t0) / 1e9;

        LineFigure[] panels = new LineFigure[2];
        String[] names = {"ridge regression (offline)", "FORCE / RLS (online)"};
        Tensor[] preds = {pOff, pOn};
        int from = 20_000;
        for (int k = 0; k < 2; k++) {
            Tensor p = preds[k].reshape(n, 3).get(from + ":"), t = y.reshape(n, 3).get(from + ":");
            panels[k] = LineFigure.titled("Reservoir(100), " + names[k] + ": x–z plane, t ≥ 20").xLabel("x").yLabel("z").size(900, 380)
                    .series("truth (5 steps ahead)", t.get(":, 0").contiguous().toDoubleArray(), t.get(":, 2").contiguous().toDoubleArray())
                    .series("prediction", p.get(":, 0").contiguous().toDoubleArray(), p.get(":, 2").contiguous().toDoubleArray());
        }
        PanelFigure.of(panels).save(out.resolve("reservoir_online.png"));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "untrained_mse", mseUntrained, "offline_mse", mseOff, "online_mse", mseOn,
                    "offline_fit_s", offS, "online_fit_s", onS, "steps", n, "seconds", secs));
            return;
        }
        log.printf("  %d steps, 5 steps ahead: MSE untrained %.4g (BrainPy's draw: 260), ridge %.3g (fit %.2f s), FORCE %.3g (fit %.2f s, compiled)%n",
                n, mseUntrained, mseOff, offS, mseOn, onS);
        log.println("  wrote " + out.resolve("reservoir_online.png"));
    }
}
