package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.Mode;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.Shared;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.Normal;
import org.braindyn.io.Npz;
import org.braindyn.nn.Dense;
import org.braindyn.random.RandomState;
import org.braindyn.state.TrainVar;
import org.braindyn.surrogate.Sigmoid;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Training a spiking network built from the simulation components (BrainPy's BPTT workflow, eager): Poisson input
 * spikes → {@link Dense} → {@link Expon} synapses → {@link Lif} with a sigmoid surrogate → {@link Dense} →
 * {@link Leaky} readout, in {@link Mode#training} with a batch of 16 samples and 50 steps of 1 ms. The loss is the
 * squared error between the time-averaged readout and a target per sample; gradients with respect to the four
 * {@link TrainVar}s come from {@link Autodiff#grad}, and an Adam update (β₁ 0.9, β₂ 0.999, lr 0.05) follows each.
 */
public final class SnnTraining implements Example {
    static final int BATCH = 16, IN = 20, HIDDEN = 30, OUT = 5, STEPS = 50;

    @Override public String name() { return "snn-training"; }

    @Override public String description() { return "BPTT through Dense → Expon → Lif (surrogate) → Dense → Leaky, batch 16, Adam"; }

    /** The network. */
    public static final class Snn extends Network {
        public final Dense l1, l2;
        public final Expon syn;
        public final Lif lif;
        public final Leaky readout;
        public final Projection in;

        public Snn(RandomState rng) {
            super(null);
            l1 = Dense.builder(IN, HIDDEN).wInit(new Normal(1.5, 1.0, rng)).build();
            syn = Expon.builder(HIDDEN).tau(5).build();
            lif = Lif.builder(HIDDEN).spkFun(new Sigmoid()).build();   // BrainPy's Lif defaults
            l2 = Dense.builder(HIDDEN, OUT).wInit(new Normal(0, 0.3, rng)).build();
            readout = Leaky.builder(OUT).tau(5.0).build();
            in = Projection.half(null, l1, syn, SynOut.cuba(), lif);
        }

        /** One step on input spikes {@code (batch, IN)}; returns the readout {@code (batch, OUT)}. */
        @Override public Tensor update(Tensor... x) {
            in.update(x[0]);
            lif.update();
            return readout.update(l2.apply(lif.spike()));
        }
    }

    /** Trains for {@code epochs} Adam steps on one fixed batch; returns the loss before each step. */
    public static double[] train(int epochs, PrintStream log) {
        RandomState rng = new RandomState(5);
        Snn net = Mode.with(Mode.training(BATCH), () -> new Snn(rng));
        Tensor inputs = rng.bernoulli(0.2, STEPS, BATCH, IN).astype(DType.F32);
        Tensor target = rng.uniform(0, 2, BATCH, OUT);
        List<TrainVar> vars = new ArrayList<>();
        net.trainVars().values().forEach(v -> vars.add((TrainVar) v));
        Map<TrainVar, Tensor> m = new HashMap<>(), v = new HashMap<>();
        for (TrainVar p : vars) { m.put(p, zerosLike(p.value())); v.put(p, zerosLike(p.value())); }
        double[] losses = new double[epochs];
        for (int k = 1; k <= epochs; k++) {
            Autodiff.Result g = Autodiff.grad(a -> {
                net.resetState(BATCH);
                Tensor acc = zeros(BATCH, OUT);
                for (int t = 0; t < STEPS; t++) {
                    int step = t;
                    acc = acc.add(Shared.with(new Shared(t, t, 1.0, true), () -> net.update(inputs.get(String.valueOf(step)))));
                }
                return mean(acc.div(STEPS).sub(target).square());
            }).gradVars(vars).returnValue(true).apply();
            losses[k - 1] = g.value().item();
            for (TrainVar p : vars) {
                Tensor gr = g.grad(p);
                m.put(p, m.get(p).mul(0.9).add(gr.mul(0.1)));
                v.put(p, v.get(p).mul(0.999).add(gr.square().mul(0.001)));
                Tensor mh = m.get(p).div(1 - Math.pow(0.9, k)), vh = v.get(p).div(1 - Math.pow(0.999, k));
                p.set(p.value().sub(mh.mul(0.05).div(sqrt(vh).add(1e-8))).astype(p.dtype()));
            }
            if (log != null && (k % 5 == 1 || k == epochs)) log.printf("  step %3d  loss %.4f%n", k, losses[k - 1]);
        }
        return losses;
    }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        long t0 = System.nanoTime();
        double[] losses = train(30, log);
        log.printf("  loss %.4f -> %.4f in %d Adam steps (%.1f s, eager BPTT over %d steps × batch %d)%n",
                losses[0], losses[losses.length - 1], losses.length, (System.nanoTime() - t0) / 1e9, STEPS, BATCH);
        Path npz = out.resolve("snn_training_loss.npz"), png = out.resolve("snn_training_loss.png");
        Npz.write(npz, Map.of("loss", array(losses)));
        org.braindyn.plot.LineFigure.titled("SNN training (eager BPTT, Adam lr 0.05, batch " + BATCH + ")").xLabel("Adam step").yLabel("loss (mean squared error)")
                .series("training loss", arange(1, losses.length + 1, 1).astype(DType.F64), array(losses)).save(png);
        log.println("  wrote " + npz + " and " + png);
    }
}
