package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.datasets.Batches;
import org.braindyn.datasets.Encoders;
import org.braindyn.datasets.FashionMnist;
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
import org.braindyn.surrogate.InvSquareGrad;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * Seed {@code 004}'s SNN on the real Fashion-MNIST: 784 latency-coded inputs ({@code current2firing_time}: τ = 2 ms/dt,
 * θ = 0.2, 100 steps of 0.1 ms) → {@code Dense(784 → 100)} + {@code Expon(τ 10 ms)} + CUBA → 100 {@code Lif}
 * (τ 10 ms, V_rest = V_reset = 0, V_th = 1, inverse-square surrogate) → {@code Dense(100 → 10)} + {@code Expon(τ 10)}
 * + CUBA → 10 {@code Leaky} (τ 5 ms); Kaiming-normal (scale 2) weights; Adam 1e-3; batches of 256. The spikes are
 * time-first booleans ({@link Encoders#latencySpikes}), both {@code Dense} layers event-driven ({@code events(true)}:
 * their products and weight gradients visit only the spikes), and BPTT over the 100 steps runs as one compiled loop
 * and its compiled reverse loop ({@code --eager}: step by step on the tape, same numbers). The seed read out the maximum over time and printed 0.29 accuracy; here the readout is the
 * <b>mean over time</b> of the leaky outputs into cross-entropy (it learns), with the seed's regularisers kept:
 * {@code 1e-5·Σ spikes} and {@code 1e-5·mean_neurons((Σ_{t,b} spikes)²)}. One line per epoch (BrainPy's format, or
 * JSON with {@code --json}: {@code epoch, train_loss, train_acc, test_loss, test_acc, epoch_s}).
 */
public final class FashionSnn implements Example {
    public static final int IN = 784, HIDDEN = 100, OUT = 10, STEPS = 100;
    static final double DT = 0.1;

    @Override public String name() { return "fashion-snn"; }

    @Override public String description() { return "Seed 004's SNN (784 → 100 LIF → 10 leaky) on the real Fashion-MNIST, latency coding, BPTT + Adam"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs", "--eager"); }

    /** The network of the seed. */
    public static final class Snn extends Network {
        final Lif r;
        final Leaky o;
        final Dense l1, l2;
        final Projection i2r, r2o;
        /** The compiled loop's step (one object per {@code fit} flag, so that the loop is traced once). */
        @SuppressWarnings("unchecked")
        final java.util.function.Function<Tensor[], Tensor[]>[] body = new java.util.function.Function[] {step(false), step(true)};

        private java.util.function.Function<Tensor[], Tensor[]> step(boolean fit) {
            return x -> {
                Tensor[] r = new Tensor[2];
                Shared.with(new Shared(0, 0, DT, fit), x[1], () -> {
                    r[0] = update(x[0]);
                    r[1] = sum(this.r.spike(), 0);
                });
                return r;
            };
        }

        public Snn(RandomState rng) {
            super(null);
            r = Lif.builder(HIDDEN).tau(10).vRest(0).vReset(0).vTh(1).spkFun(new InvSquareGrad()).build();
            o = Leaky.builder(OUT).tau(5.0).build();
            l1 = Dense.builder(IN, HIDDEN).events(true).wInit(new VarianceScaling(4, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, rng)).build();
            l2 = Dense.builder(HIDDEN, OUT).events(true).wInit(new VarianceScaling(4, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, rng)).build();
            i2r = Projection.half(null, l1, Expon.builder(HIDDEN).tau(10).build(), SynOut.cuba(), r);
            r2o = Projection.half(null, l2, Expon.builder(OUT).tau(10).build(), SynOut.cuba(), o);
        }

        @Override public Tensor update(Tensor... x) {
            i2r.update(x[0]);
            r2o.update(r.spike());
            r.update();
            return o.update();
        }
    }

    /**
     * Runs a batch of spikes {@code (steps, batch, 784)} (time first; boolean or 0/1 numbers) from fresh states;
     * returns {mean readout over time (batch, 10), total spikes per hidden neuron (100,)}. {@code compiled}: the
     * {@value #STEPS} steps run as one compiled loop, whose gradient is the compiled reverse loop of
     * {@link org.braindyn.jit.Loops} (BPTT); otherwise step by step, eagerly. Both give the same numbers.
     */
    public static Tensor[] run(Snn net, Tensor spikes, boolean fit, boolean compiled) { return run(net, spikes, fit, compiled, 1); }

    /**
     * {@link #run(Snn, Tensor, boolean, boolean)} whose compiled gradient keeps only every {@code checkpointEvery}-th
     * step's states and recomputes the others segment by segment (memory ∝ steps / k + k instead of steps).
     */
    public static Tensor[] run(Snn net, Tensor spikes, boolean fit, boolean compiled, int checkpointEvery) {
        if (spikes.ndim() != 3 || spikes.dim(0) != STEPS || spikes.dim(2) != IN)
            throw new IllegalArgumentException("fashion-snn: spikes must have shape (" + STEPS + ", batch, " + IN + "); got " + spikes.shape());
        net.resetState(spikes.dim(1));
        if (compiled) {
            double[] times = new double[STEPS];
            for (int t = 0; t < STEPS; t++) times[t] = t * DT;
            Tensor[] ys = checkpointEvery > 1 ? org.braindyn.jit.Loops.checkpointedForLoop(net.body[fit ? 1 : 0], checkpointEvery, spikes, array(times))
                    : org.braindyn.jit.Loops.forLoop(net.body[fit ? 1 : 0], spikes, array(times));
            return new Tensor[] {sum(ys[0], 0).div(STEPS), sum(ys[1], 0)};
        }
        Tensor acc = null, count = null;
        for (int t = 0; t < STEPS; t++) {
            int step = t;
            Tensor y = Shared.with(new Shared(t * DT, t, DT, fit), () -> net.update(spikes.get(Index.at(step))));
            Tensor s = sum(net.r.spike(), 0);
            acc = acc == null ? y : acc.add(y);
            count = count == null ? s : count.add(s);
        }
        return new Tensor[] {acc.div(STEPS), count};
    }

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int epochs = o.epochs(10), seed = (int) o.seed(0);
        boolean compiled = !o.eager();
        FashionMnist.Data data = FashionMnist.load();
        Tensor trainX = data.train().images().reshape(-1, IN), testX = data.test().images().reshape(-1, IN);
        RandomState rng = new RandomState(seed), shuffle = new RandomState(seed + 1);
        Snn net = Mode.with(Mode.training(256), () -> new Snn(rng));
        Adam opt = new Adam(1e-3, net.trainVars().values());
        double[] trainAcc = new double[epochs], testAcc = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            long t0 = System.nanoTime();
            double lossSum = 0, accSum = 0;
            int n = 0;
            for (Tensor idx : Batches.of(trainX.dim(0), 256, shuffle, true)) {
                Tensor x = Encoders.latencySpikes(take(trainX, idx, 0), STEPS, DT), y = take(data.train().labels(), idx, 0);
                Autodiff.Result g = Autodiff.gradAux(a -> {
                    Tensor[] r = run(net, x, true, compiled);
                    Tensor reg = sum(r[1]).mul(1e-5).add(mean(square(r[1])).mul(1e-5));
                    return new Autodiff.WithAux(Losses.crossEntropy(r[0], y).add(reg), Losses.accuracy(r[0], y));
                }).gradVars(opt.vars()).returnValue(true).apply();
                opt.update(g.varGrads());
                lossSum += g.value().item() * idx.size();
                accSum += (Double) g.aux() * idx.size();
                n += idx.size();
            }
            double trainS = (System.nanoTime() - t0) / 1e9;
            double tl = 0, ta = 0;
            int m = 0;
            for (Tensor idx : Batches.of(testX.dim(0), 500, null, false)) {
                Tensor x = Encoders.latencySpikes(take(testX, idx, 0), STEPS, DT), y = take(data.test().labels(), idx, 0);
                Tensor[] r = run(net, x, false, compiled);
                tl += Losses.crossEntropy(r[0], y).item() * idx.size();
                ta += Losses.accuracy(r[0], y) * idx.size();
                m += idx.size();
            }
            double epochS = (System.nanoTime() - t0) / 1e9;
            trainAcc[e] = accSum / n;
            testAcc[e] = ta / m;
            if (o.json()) log.println(Rc.json("epoch", e, "train_loss", lossSum / n, "train_acc", trainAcc[e], "test_loss", tl / m, "test_acc", testAcc[e], "epoch_s", epochS));
            else {
                log.printf(Locale.ROOT, "Train %d epoch, use %.4f s, loss %.6g, acc %.6g%n", e, trainS, lossSum / n, trainAcc[e]);
                log.printf(Locale.ROOT, "Test %d epoch, use %.4f s, loss %.6g, acc %.6g%n", e, epochS - trainS, tl / m, testAcc[e]);
            }
        }
        double[] ep = new double[epochs];
        for (int i = 0; i < epochs; i++) ep[i] = i + 1;
        LineFigure.titled("SNN (784 → 100 LIF → 10 leaky) on Fashion-MNIST, latency code, Adam 1e-3").xLabel("epoch").yLabel("accuracy")
                .series("training (during the epoch)", ep, trainAcc).series("test", ep, testAcc).save(out.resolve("fashion_snn_accuracy.png"));
        if (!o.json()) log.println("  wrote " + out.resolve("fashion_snn_accuracy.png"));
    }
}
