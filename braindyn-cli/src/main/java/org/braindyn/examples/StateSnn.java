package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.Mode;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.VarianceScaling;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.optim.Adam;
import org.braindyn.plot.LineFigure;
import org.braindyn.random.RandomState;
import org.braindyn.surrogate.ReluGrad;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Seed {@code 003}'s {@code brainpy.state} tutorial: a spiking classifier on a synthetic task — 256 samples of 200 steps
 * (dt 1 ms) of 100 Poisson inputs at 5 Hz, each with a random binary label. {@code Dense(100 → 4)} (Kaiming normal,
 * zero bias) → {@code Expon(τ 5 ms)} → 4 {@code Lif} (τ 20 ms, V_rest = V_reset = 0, V_th = 1, ReLU-shaped surrogate)
 * → {@code Dense(4 → 2)} → an exponential output (τ 10 ms: {@code Leaky} adding its input, the same update); the
 * prediction is the output's mean over time, the loss softmax cross-entropy; Adam 3e-3, one full-batch BPTT step per
 * epoch, 200 epochs. The seed printed "first loss: 0.6931 last loss: 0.5738".
 */
public final class StateSnn implements Example {
    @Override public String name() { return "state-snn"; }

    @Override public String description() { return "Seed 003's surrogate-gradient spiking classifier on a synthetic Poisson task (brainpy.state tutorial)"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs"); }

    /** The network of the tutorial. */
    static final class Net extends Network {
        final Dense i2r, r2o;
        final Lif r;
        final Leaky o;
        final Projection in;

        Net(RandomState rng) {
            super(null);
            i2r = Dense.builder(100, 4).wInit(new VarianceScaling(2, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, rng)).build();
            r = Lif.builder(4).tau(20).vRest(0).vReset(0).vTh(1).spkFun(new ReluGrad()).build();
            in = Projection.half(null, i2r, Expon.builder(4).tau(5).build(), SynOut.cuba(), r);
            r2o = Dense.builder(4, 2).wInit(new VarianceScaling(2, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, rng)).build();
            o = Leaky.builder(2).tau(10.0).build();
        }

        @Override public Tensor update(Tensor... x) {
            in.update(x[0]);
            r.update();
            return o.update(r2o.apply(r.spike()));
        }
    }

    @Override public void run(PrintStream log, Path out, RunOptions opts) throws Exception {
        int epochs = opts.epochs(200), seed = (int) opts.seed(0), steps = 200, batch = 256;
        RandomState rng = new RandomState(seed);
        Tensor xs = less(rng.random(steps, batch, 100), 5 * 1e-3).astype(DType.F32);   // 5 Hz × 1 ms
        Tensor ys = less(rng.random(batch), 0.5).astype(DType.I32);
        Net net = Mode.with(Mode.training(batch), () -> new Net(rng));
        Adam opt = new Adam(3e-3, net.trainVars().values());
        double[] losses = new double[epochs];
        long t0 = System.nanoTime();
        for (int e = 0; e < epochs; e++) {
            Autodiff.Result g = Autodiff.grad(a -> {
                net.resetState(batch);
                Tensor acc = null;
                for (int t = 0; t < steps; t++) {
                    int step = t;
                    Tensor y = Shared.with(new Shared(t, t, 1.0, true), () -> net.update(xs.get(Index.at(step))));
                    acc = acc == null ? y : acc.add(y);
                }
                return Losses.crossEntropy(acc.div(steps), ys);
            }).gradVars(opt.vars()).returnValue(true).apply();
            opt.update(g.varGrads());
            losses[e] = g.value().item();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] ep = new double[epochs];
        for (int i = 0; i < epochs; i++) ep[i] = i + 1;
        LineFigure.titled("Surrogate-gradient training of a spiking classifier (seed 003)").xLabel("epoch (one full-batch step)").yLabel("training loss (cross-entropy)")
                .series("loss", ep, losses).save(out.resolve("state_snn_loss.png"));
        if (opts.json()) {
            log.println(Rc.json("example", name(), "first_loss", losses[0], "last_loss", losses[epochs - 1], "epochs", epochs, "seconds", secs));
            return;
        }
        log.printf(java.util.Locale.ROOT, "  first loss: %.4f last loss: %.4f (the seed: 0.6931 → 0.5738); %d epochs in %.1f s%n", losses[0], losses[epochs - 1], epochs, secs);
        log.println("  wrote " + out.resolve("state_snn_loss.png"));
    }
}
