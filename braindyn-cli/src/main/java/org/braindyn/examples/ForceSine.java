package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.init.Normal;
import org.braindyn.init.Uniform;
import org.braindyn.init.ZeroInit;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.ForceTrainer;
import org.braindyn.train.OnlineTrainer;

/**
 * FORCE learning (Sussillo and Abbott 2009): a chaotic rate network {@code τ dx/dt = −x + g·W·tanh(x) + w_fb·z}
 * (N = 1,000, g = 1.5, connection probability 0.1, τ = 10 ms, dt = 1 ms) with its readout {@code z = w·tanh(x)} fed
 * back, learns a periodic target with recursive least squares ({@code P₀ = I}, an update every step) while it runs;
 * for 50 periods; then, weights frozen, it generates the target on its own. The target is the sum of sines of the paper's Fig. 2
 * with a 600 ms period. JSON {@code autonomous_rms_rel}: the RMS error of the autonomous output over 10 periods
 * divided by the target's amplitude (half its peak-to-peak range).
 */
public final class ForceSine implements Example {
    static final int N = 1000, PERIOD = 600, TRAIN_PERIODS = 50;
    static final double G = 1.5, P = 0.1, DT = 1, TAU = 10;

    @Override public String name() { return "force-sine"; }

    @Override public String description() { return "FORCE learning: a chaotic rate network with feedback learns a periodic signal, then generates it alone"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed"); }

    static double target(int step) {
        double t = step * DT, w = 2 * Math.PI / PERIOD;
        return (Math.sin(w * t) + Math.sin(2 * w * t) / 2 + Math.sin(3 * w * t) / 6 + Math.sin(4 * w * t) / 3) / 1.5;
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        DefaultFloat.x64(() -> { go(log, out, o); return null; });
    }

    private void go(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = o.seed() == null ? 3 : (int) (long) o.seed();
        long t0 = System.nanoTime();
        RandomState rng = new RandomState(seed);
        Reservoir r = Reservoir.builder(1, N).leakyRate(DT / TAU).activationType(Reservoir.ActivationType.EXTERNAL)
                .recInit(new Normal(0, G / Math.sqrt(P * N), rng)).recConnectivity(P).connType(Reservoir.ConnType.SPARSE)
                .ffInit(new Normal(0, 1, rng)).ffConnectivity(1).fbInit(new Uniform(-1, 1, rng)).fbConnectivity(1).seed(seed).build();
        Dense readout = LinearReadout.builder(N, 1).wInit(new ZeroInit()).bInit(null).build();
        Sequential net = Sequential.of(r, readout).feedback(readout, r);
        int kick = 50, spont = 1000, train = TRAIN_PERIODS * PERIOD, free = 10 * PERIOD;
        // a brief random input kicks the network into its chaotic regime; then no input at all
        Tensor kickIn = rng.normal(0, 1, 1, kick, 1).astype(DType.F64);
        net.predict(kickIn, true);
        Tensor zSpont = net.predict(zeros(1, spont, 1).astype(DType.F64), false);
        int s0 = kick + spont;
        double[] f = new double[train + free];
        for (int i = 0; i < f.length; i++) f[i] = target(s0 + i);
        Tensor fTrain = array(java.util.Arrays.copyOf(f, train)).reshape(1, train, 1);
        OnlineTrainer force = ForceTrainer.of(net, 1.0);
        Tensor zTrain = force.fit(zeros(1, train, 1).astype(DType.F64), fTrain);
        Tensor zFree = net.predict(zeros(1, free, 1).astype(DType.F64), false);
        double[] zf = zFree.reshape(-1).toDoubleArray();
        double se = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < free; i++) {
            double ft = f[train + i];
            se += (zf[i] - ft) * (zf[i] - ft);
            lo = Math.min(lo, ft);
            hi = Math.max(hi, ft);
        }
        double amplitude = (hi - lo) / 2, rel = Math.sqrt(se / free) / amplitude;
        double trainLastPeriod = 0;
        double[] zt = zTrain.reshape(-1).toDoubleArray();
        for (int i = train - PERIOD; i < train; i++) trainLastPeriod += (zt[i] - f[i]) * (zt[i] - f[i]);
        trainLastPeriod = Math.sqrt(trainLastPeriod / PERIOD) / amplitude;
        double secs = (System.nanoTime() - t0) / 1e9;

        // two windows: the end of training into the first autonomous periods, and the last autonomous periods
        int[][] windows = {{spont + train - 2 * PERIOD, spont + train + 3 * PERIOD}, {spont + train + free - 2 * PERIOD, spont + train + free}};
        String[] titles = {"FORCE, N = 1,000: last 2 training periods, then alone from t = "
                + (kick + spont + train) + " ms", "the last 2 of 10 autonomous periods"};
        double[] zs = zSpont.reshape(-1).toDoubleArray();
        org.braindyn.plot.LineFigure[] panels = new org.braindyn.plot.LineFigure[2];
        for (int w = 0; w < 2; w++) {
            int a = windows[w][0], b = windows[w][1];
            double[] ts = new double[b - a], z = new double[b - a], tg = new double[b - a];
            for (int i = a; i < b; i++) {
                ts[i - a] = (kick + i) * DT;
                z[i - a] = i < spont ? zs[i] : i < spont + train ? zt[i - spont] : zf[i - spont - train];
                tg[i - a] = i < spont ? Double.NaN : f[i - spont];
            }
            panels[w] = LineFigure.titled(titles[w]).xLabel("time (ms)").yLabel("readout z (dimensionless)").size(1100, 360)
                    .series("target", ts, tg).series("network output z", ts, z);
        }
        org.braindyn.plot.PanelFigure.of(panels).save(out.resolve("force_sine.png"));
        if (o.json()) {
            log.println(Rc.json("example", name(), "seed", seed, "autonomous_rms_rel", rel, "train_last_period_rms_rel", trainLastPeriod, "periods_trained", train / PERIOD, "seconds", secs));
            return;
        }
        log.printf("  trained for %d periods of %d ms; autonomous output over the next 10 periods: RMS error %.3g of the amplitude (last training period %.3g); %.1f s%n",
                train / PERIOD, PERIOD, rel, trainLastPeriod, secs);
        log.println("  wrote " + out.resolve("force_sine.png"));
    }
}
