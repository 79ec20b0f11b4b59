package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.datasets.ChaoticSeries;
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
import org.braindyn.nn.Dropout;
import org.braindyn.nn.LstmCell;
import org.braindyn.nn.NVAR;
import org.braindyn.nn.Node;
import org.braindyn.nn.Sequential;
import org.braindyn.optim.Adam;
import org.braindyn.random.RandomState;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.InvSquareGrad;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.braindyn.train.BPTT;
import org.braindyn.train.RidgeTrainer;

/**
 * Seeds {@code 000}/{@code 001}, "Building Training Models": the four trainable models of the tutorial, each built and
 * briefly trained on a small synthetic task so that one sees its loss fall —
 * <ul>
 * <li>{@code RecurrentLayer}: a custom node written here (the tutorial's subclass: a batch-axis state, {@code W_in}
 *     and {@code W_rec} as {@link TrainVar}s, {@code h ← tanh(x·W_in + h·W_rec)}), read out by a {@code Dense}, BPTT on
 *     the sign of a sequence's sum;</li>
 * <li>{@code DeepRNN(100, [200, 200, 200, 100], 10)}: four {@code LstmCell}s with {@code Dropout(0.2)} after each
 *     (active only while fitting) and a {@code Dense} readout, BPTT on random 10-class sequences;</li>
 * <li>{@code NGRC}: {@code NVAR(delay 4, order 2, stride 5)} (not trainable) and a trainable {@code Dense},
 *     fitted by ridge regression to predict the Lorenz series one step ahead;</li>
 * <li>{@code SNN(10, 100, 2)} (Neftci, Mostafa & Zenke 2019): 10 inputs → exponential synapses (τ 10 ms, CUBA,
 *     Kaiming-normal weights of scale 20) → 100 {@code Lif} (τ 10 ms, V_rest = V_reset = 0, V_th = 1, surrogate
 *     spikes) → 2 {@code Leaky} (τ 5 ms), trained with surrogate gradients through a compiled loop.</li>
 * </ul>
 * One line per model (or JSON with {@code --json}: {@code model, parameters, trainable, first_loss, last_loss, seconds}).
 */
public final class TrainingModels implements Example {
    @Override public String name() { return "training-models"; }

    @Override public String description() { return "Seeds 000/001's trainable models (custom recurrent layer, deep LSTM, NG-RC, SNN) built and briefly trained"; }

    @Override public Set<String> options() { return Set.of("--json", "--seed", "--epochs"); }

    /** The tutorial's custom recurrent layer: {@code h ← tanh(x·W_in + h·W_rec)}, state with a batch axis. */
    public static final class RecurrentLayer extends Node {
        private final int in, out;
        /** Input weights {@code (in, out)}, N(0, 1/in). */
        public final TrainVar wIn;
        /** Recurrent weights {@code (out, out)}, N(0, 1/out). */
        public final TrainVar wRec;
        /** The state {@code (batch, out)}. */
        public final Variable state;

        public RecurrentLayer(int in, int out, RandomState rng) {
            super(null);
            if (in < 1 || out < 1) throw new IllegalArgumentException("RecurrentLayer: sizes must be >= 1; got in " + in + ", out " + out);
            this.in = in;
            this.out = out;
            DType f = Config.defaultFloat();
            wIn = new TrainVar(rng.normal(0, 1 / Math.sqrt(in), in, out).astype(f), "w_in");
            wRec = new TrainVar(rng.normal(0, 1 / Math.sqrt(out), out, out).astype(f), "w_rec");
            state = new Variable(zeros(1, out).astype(f), "state", 0);
        }

        @Override public int inFeatures() { return in; }

        @Override public int outFeatures() { return out; }

        @Override public void resetState(int batchSize) { state.set(zeros(Math.max(1, batchSize), out).astype(state.dtype())); }

        @Override public Tensor forward(Tensor x, Tensor fb) {
            state.set(tanh(matmul(checkStep(x, in, "input"), wIn.value()).add(matmul(state.value(), wRec.value()))));
            return state.value();
        }
    }

    /** {@code DeepRNN(in, [r1, r2, r3, r4], out)}: four LSTM layers, each followed by dropout (keep 0.8), then a dense readout. */
    static Sequential deepRnn(int in, int[] recs, int out, int seed) {
        List<Node> layers = new ArrayList<>();
        int prev = in;
        for (int k = 0; k < recs.length; k++) {
            layers.add(LstmCell.builder(prev, recs[k]).trainable(true).build());
            layers.add(new Dropout(recs[k], 0.8, seed + k));
            prev = recs[k];
        }
        layers.add(Dense.builder(prev, out).trainable(true).build());
        return Sequential.of(layers.toArray(Node[]::new));
    }

    /** The tutorial's SNN(10, 100, 2). */
    static final class Snn extends Network {
        final Lif r;
        final Leaky o;
        final Dense w1, w2;
        final Projection i2r, r2o;

        Snn(int nIn, int nRec, int nOut, RandomState rng) {
            super(null);
            r = Lif.builder(nRec).tau(10).vRest(0).vReset(0).vTh(1).spkFun(new InvSquareGrad()).build();
            o = Leaky.builder(nOut).tau(5.0).build();
            VarianceScaling kaiming = new VarianceScaling(20, VarianceScaling.Mode.FAN_IN, VarianceScaling.Distribution.TRUNCATED_NORMAL, rng);
            w1 = Dense.builder(nIn, nRec).wInit(kaiming).bInit(null).build();
            w2 = Dense.builder(nRec, nOut).wInit(kaiming).bInit(null).build();
            i2r = Projection.half(null, w1, Expon.builder(nRec).tau(10).build(), SynOut.cuba(), r);
            r2o = Projection.half(null, w2, Expon.builder(nOut).tau(10).build(), SynOut.cuba(), o);
        }

        @Override public Tensor update(Tensor... x) {
            i2r.update(x[0]);
            r2o.update(r.spike());
            r.update();
            return o.update();
        }
    }

    /** One model's outcome. */
    record Outcome(String model, long parameters, int trainable, double firstLoss, double lastLoss, double seconds) {}

    @Override public void run(PrintStream log, Path out, RunOptions o) throws Exception {
        int seed = (int) o.seed(0), epochs = o.epochs(30);
        List<Outcome> results = new ArrayList<>();
        results.add(recurrentLayer(seed, epochs));
        results.add(deepRnnRun(seed, Math.max(1, epochs / 3)));
        results.add(ngrc());
        results.add(snn(seed, epochs));
        for (Outcome r : results) {
            if (o.json()) log.println(Rc.json("model", r.model(), "parameters", r.parameters(), "trainable", r.trainable(), "first_loss", r.firstLoss(), "last_loss", r.lastLoss(), "seconds", r.seconds()));
            else log.printf(java.util.Locale.ROOT, "  %-15s %,9d parameters in %d TrainVars: loss %.4g → %.4g (%.2f s)%n",
                    r.model(), r.parameters(), r.trainable(), r.firstLoss(), r.lastLoss(), r.seconds());
        }
    }

    private static long count(java.util.Collection<? extends Variable> vs) {
        long n = 0;
        for (Variable v : vs) n += v.value().size();
        return n;
    }

    /** Sequences {@code (batch, time, in)} of N(0, 1) and whether each one's sum is positive. */
    private static List<BPTT.Batch> signTask(RandomState rng, int batches, int batch, int time, int in) {
        List<BPTT.Batch> data = new ArrayList<>();
        for (int b = 0; b < batches; b++) {
            Tensor x = rng.normal(0, 1, batch, time, in).astype(Config.defaultFloat());
            data.add(new BPTT.Batch(x, greater(sum(x, 1, 2), 0).astype(DType.I32)));
        }
        return data;
    }

    private static Outcome bptt(String name, Node model, List<BPTT.Batch> data, int epochs, double lr) {
        long t0 = System.nanoTime();
        BPTT t = new BPTT(model, (y, tg) -> Losses.crossEntropy(y.get(":, -1"), tg), new Adam(lr, model.trainVars().values())).log(null);
        t.fit(() -> data, null, epochs);
        double[] loss = t.histMetric("fit", "loss");
        return new Outcome(name, count(model.trainVars().values()), model.trainVars().size(), loss[0], loss[loss.length - 1], (System.nanoTime() - t0) / 1e9);
    }

    private static Outcome recurrentLayer(int seed, int epochs) {
        RandomState rng = new RandomState(seed);
        RecurrentLayer rec = new RecurrentLayer(1, 16, rng);
        Sequential model = Sequential.of(rec, Dense.builder(16, 2).trainable(true).build());
        return bptt("RecurrentLayer", model, signTask(rng, 4, 32, 8, 1), epochs, 0.02);
    }

    private static Outcome deepRnnRun(int seed, int epochs) {
        RandomState rng = new RandomState(seed + 1);
        Sequential model = deepRnn(100, new int[] {200, 200, 200, 100}, 10, seed);
        List<BPTT.Batch> data = new ArrayList<>();
        for (int b = 0; b < 2; b++) data.add(new BPTT.Batch(rng.normal(0, 1, 16, 5, 100).astype(Config.defaultFloat()), rng.randint(0, 10, 16)));
        return bptt("DeepRNN", model, data, epochs, 1e-3);
    }

    private static Outcome ngrc() {
        long t0 = System.nanoTime();
        Tensor series = Rc.xyz(ChaoticSeries.lorenz(30, 0.02));   // (1500, 3)
        NVAR r = NVAR.builder(3, 4).order(2).stride(5).build();
        Dense readout = Dense.builder(r.outFeatures(), 3).trainable(true).build();
        Sequential model = Sequential.of(r, readout);
        Tensor x = series.get("0:1499").reshape(1, 1499, 3), y = series.get("1:1500").reshape(1, 1499, 3);
        double before = Losses.meanSquaredError(model.predict(x, true).get(":, 100:"), y.get(":, 100:")).item();
        RidgeTrainer.of(model, 0.05).fit(x, y, true);
        double after = Losses.meanSquaredError(model.predict(x, true).get(":, 100:"), y.get(":, 100:")).item();
        return new Outcome("NGRC", count(model.trainVars().values()), model.trainVars().size(), before, after, (System.nanoTime() - t0) / 1e9);
    }

    private static Outcome snn(int seed, int epochs) {
        long t0 = System.nanoTime();
        RandomState rng = new RandomState(seed + 2);
        int batch = 64, steps = 100;
        Snn net = Mode.with(Mode.training(batch), () -> new Snn(10, 100, 2, rng));
        Adam opt = new Adam(1e-2, net.trainVars().values());
        // class 0: inputs 0–4 fire at 50 Hz, class 1: inputs 5–9; the rest at 5 Hz (dt 0.1 ms)
        Tensor labels = rng.randint(0, 2, batch);
        int[] lab = labels.toIntArray();
        double[] rates = new double[batch * 10];
        for (int b = 0; b < batch; b++) for (int i = 0; i < 10; i++) rates[b * 10 + i] = (i < 5) == (lab[b] == 0) ? 0.005 : 0.0005;
        Tensor spikes = rng.random(steps, batch, 10).lt(array(rates).reshape(1, batch, 10)).astype(Config.defaultFloat());
        double[] times = new double[steps];
        for (int t = 0; t < steps; t++) times[t] = t * 0.1;
        java.util.function.Function<Tensor[], Tensor[]> body = xs -> {
            Tensor[] y = new Tensor[1];
            Shared.with(new Shared(0, 0, 0.1, true), xs[1], () -> y[0] = net.update(xs[0]));
            return y;
        };
        Supplier<Tensor> loss = () -> {
            net.resetState(batch);
            Tensor ys = org.braindyn.jit.Loops.forLoop(body, spikes, array(times))[0];   // (steps, batch, 2)
            return Losses.crossEntropy(mean(ys, 0), labels);
        };
        double first = 0, last = 0;
        for (int e = 0; e < epochs; e++) {
            Autodiff.Result g = Autodiff.grad(a -> loss.get()).gradVars(opt.vars()).returnValue(true).apply();
            opt.update(g.varGrads());
            if (e == 0) first = g.value().item();
            last = g.value().item();
        }
        return new Outcome("SNN", count(net.trainVars().values()), net.trainVars().size(), first, last, (System.nanoTime() - t0) / 1e9);
    }
}
