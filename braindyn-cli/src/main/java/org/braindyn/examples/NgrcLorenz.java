package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.datasets.ChaoticSeries;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.NVAR;
import org.braindyn.nn.Sequential;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.OfflineTrainer;
import org.braindyn.train.RidgeTrainer;

/**
 * Next-generation reservoir computing (Gauthier et al. 2021) on the Lorenz system, in two tasks.
 * <ol>
 *   <li><b>SPEC Q2, the seed's protocol</b> — infer z from x and y: Lorenz at dt 0.02 from (17.677, 12.931, 43.914),
 *       warm-up 10, train 20, test 50 time units; {@code NVAR(delay 4, order 2, stride 5) → LinearReadout(1)}, ridge
 *       β = 0.05; the NVAR state carries through the phases. JSON {@code test_mse} (BrainPy printed 0.337).</li>
 *   <li><b>Forecasting</b>, the paper's main task: the NVAR (constant, linear part of 2 delays, quadratic monomials:
 *       28 features) sees the state u(t) = (x, y, z) at dt 0.025 and its readout learns the increment
 *       u(t + dt) − u(t) over 10 time units after 5 of warm-up; the trained model then runs autonomously, fed its own
 *       prediction. The paper's ridge penalty 2.5e-6 makes the forecast diverge on this data within a Lyapunov time,
 *       so the penalty is chosen among 2.5e-6 … 1 by a validation forecast from t = 15 before the test forecast
 *       from t = 17.5. JSON {@code nrmse_lyapunov}: the root mean square of the test forecast's error over one
 *       Lyapunov time (1/0.9056 time units), each variable divided by its standard deviation on the training data.</li>
 * </ol>
 */
public final class NgrcLorenz implements Example {
    static final double LYAPUNOV_TIME = 1 / 0.9056;

    /**
     * Runs the fitted model on its own predictions from the true state at {@code start} (history from the two steps
     * before it) for {@code steps} steps; returns the predicted states {@code (1, steps, 3)} of start+1, start+2, ….
     */
    static Tensor forecast(Sequential fm, Tensor u, int start, int steps) {
        fm.predict(Rc.window(u, start - 2, start), true);
        Tensor cur = u.get(start + ":" + (start + 1));
        double[][] pred = new double[steps][];
        for (int s = 0; s < steps; s++) {
            Tensor next = cur.add(fm.step(cur, null).output());
            pred[s] = next.reshape(-1).toDoubleArray();
            cur = next;
        }
        return array(pred).reshape(1, steps, 3);
    }

    /** √mean(((pred − truth)/σ)²), σ per variable; infinity when the forecast blew up. */
    static double nrmse(Tensor pred, Tensor truth, Tensor std) {
        double v = Math.sqrt(mean(square(pred.sub(truth).div(std))).item());
        return Double.isFinite(v) ? v : Double.POSITIVE_INFINITY;
    }

    @Override public String name() { return "ngrc-lorenz"; }

    @Override public String description() { return "Next-generation RC (NVAR + ridge): infer Lorenz z from x, y (SPEC Q2) and forecast autonomously"; }

    @Override public Set<String> options() { return Set.of("--json"); }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        DefaultFloat.x64(() -> { go(log, out, o); return null; });
    }

    private void go(PrintStream log, Path out, RunOptions o) throws Exception {
        long t0 = System.nanoTime();
        // ---- task 1: SPEC Q2 ----
        double dt = 0.02;
        int warm = 500, train = 1000, test = 2500;
        Tensor d = Rc.xyz(ChaoticSeries.lorenz(80, dt, 17.67715816276679, 12.931379185960404, 43.91404334248268));
        Tensor xy = d.get(":, :2").contiguous(), z = d.get(":, 2:").contiguous();
        NVAR nvar = NVAR.builder(2, 4).order(2).stride(5).build();
        Dense readout = LinearReadout.builder(nvar.outFeatures(), 1).trainable(true).build();
        Sequential model = Sequential.of(nvar, readout);
        OfflineTrainer trainer = RidgeTrainer.of(model, 0.05);
        double warmMse = Rc.mse(trainer.predict(Rc.window(xy, 0, warm), true), Rc.window(z, 0, warm));
        trainer.fit(Rc.window(xy, warm, warm + train), Rc.window(z, warm, warm + train));
        Tensor zHat = trainer.predict(Rc.window(xy, warm + train, warm + train + test), false);
        Tensor zTrue = Rc.window(z, warm + train, warm + train + test);
        double testMse = Rc.mse(zHat, zTrue);
        Rc.truthVsPrediction(out.resolve("ngrc_lorenz_z.png"), "NG-RC (NVAR delay 4, stride 5, order 2; ridge β = 0.05): Lorenz z inferred from x and y",
                new String[] {"z"}, (warm + train) * dt, dt, "dimensionless", zTrue, zHat);

        // ---- task 2: autonomous forecasting ----
        double h = 0.025;
        int fWarm = 200, fTrain = 400, valStart = 600, testStart = 700, lyap = (int) Math.round(LYAPUNOV_TIME / h);
        Tensor u = Rc.xyz(ChaoticSeries.lorenz((testStart + 2 * lyap + 1) * h, h, 17.67715816276679, 12.931379185960404, 43.91404334248268));
        NVAR nv = NVAR.builder(3, 2).order(2).constant(true).build();
        Dense ro = LinearReadout.builder(nv.outFeatures(), 3).bInit(null).build();
        Sequential fm = Sequential.of(nv, ro);
        Tensor inc = u.get("1:").sub(u.get(":-1"));                               // u(t + h) − u(t)
        Tensor std = sqrt(var(u.get(fWarm + ":" + (fWarm + fTrain)), 0));
        // the ridge penalty is chosen on a validation forecast (from t = 600 h) that precedes the test forecast
        double bestBeta = Double.NaN, bestVal = Double.POSITIVE_INFINITY;
        for (double beta : new double[] {2.5e-6, 1e-4, 1e-3, 1e-2, 1e-1, 1}) {
            fm.predict(Rc.window(u, 0, fWarm), true);
            RidgeTrainer.of(fm, beta).fit(Rc.window(u, fWarm, fWarm + fTrain), Rc.window(inc, fWarm, fWarm + fTrain));
            double val = nrmse(forecast(fm, u, valStart, lyap), Rc.window(u, valStart + 1, valStart + 1 + lyap), std);
            if (val < bestVal) { bestVal = val; bestBeta = beta; }
        }
        fm.predict(Rc.window(u, 0, fWarm), true);
        RidgeTrainer.of(fm, bestBeta).fit(Rc.window(u, fWarm, fWarm + fTrain), Rc.window(inc, fWarm, fWarm + fTrain));
        int shown = 2 * lyap;
        Tensor predT = forecast(fm, u, testStart, shown), truthT = Rc.window(u, testStart + 1, testStart + 1 + shown);
        double nrmse = nrmse(predT.get(":, :" + lyap), truthT.get(":, :" + lyap), std);
        Rc.truthVsPrediction(out.resolve("ngrc_lorenz_forecast.png"), "NG-RC forecast of the Lorenz system on its own predictions (two Lyapunov times, "
                + shown + " steps)", new String[] {"x", "y", "z"}, (testStart + 1) * h, h, "dimensionless", truthT, predT);
        double secs = (System.nanoTime() - t0) / 1e9;
        if (o.json()) {
            log.println(Rc.json("example", name(), "warmup_mse", warmMse, "test_mse", testMse, "nrmse_lyapunov", nrmse, "lyapunov_steps", lyap, "forecast_beta", bestBeta,
                    "validation_nrmse", bestVal, "seconds", secs));
            return;
        }
        log.printf("  Q2 (z from x, y): warm-up MSE %.4g with the untrained random readout, test MSE %.4g (BrainPy: 0.337)%n", warmMse, testMse);
        log.printf("  forecast: NRMSE %.3g over one Lyapunov time (%d steps of %.3f) of autonomous prediction (ridge β %.1g chosen on a validation forecast: NRMSE %.3g); %.2f s%n",
                nrmse, lyap, h, bestBeta, bestVal, secs);
        log.println("  wrote " + out.resolve("ngrc_lorenz_z.png") + " and ngrc_lorenz_forecast.png");
    }
}
