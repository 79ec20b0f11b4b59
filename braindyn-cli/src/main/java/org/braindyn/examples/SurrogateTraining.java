package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.io.Npz;
import org.braindyn.random.RandomState;
import org.braindyn.state.Module;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.ReluGrad;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Surrogate-gradient BPTT written by hand, BrainPy-S4 style: 10 leaky integrate-and-fire neurons driven by 20
 * Poisson inputs through trainable weights learn to emit target spike counts (2 … 20 in 100 steps). Each epoch
 * runs the network for 100 steps in a plain Java loop (membrane potential in a {@link Variable}), differentiates the
 * squared count error with respect to the weights ({@link Autodiff#grad}), spikes passing gradients through the
 * {@link ReluGrad} surrogate, and takes a gradient step.
 * {@code v ← 0.9·v + x_t·W; s = H(v − 1); v ← v − s}.
 */
public final class SurrogateTraining implements Example {
    @Override public String name() { return "surrogate-training"; }

    @Override public String description() { return "BPTT with surrogate spikes: 10 LIF neurons learn target spike counts"; }

    static final class Layer extends Module {
        final TrainVar w;
        final Variable v = new Variable(zeros(Shape.of(10), DType.F64));
        Layer(RandomState rng) { w = new TrainVar(rng.normal(0.0, 0.3, 20, 10).astype(DType.F64)); }
    }

    /** Trains for {@code epochs}; returns the loss per epoch. */
    public static double[] train(int epochs, PrintStream log) {
        RandomState rng = new RandomState(3);
        Layer layer = new Layer(rng);
        Tensor inputs = rng.bernoulli(0.05, 100, 20).astype(DType.F64);       // (T, inputs) Poisson spike trains
        Tensor target = linspace(2, 20, 10).astype(DType.F64);
        Surrogate spike = new ReluGrad();
        double[] losses = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            Autodiff.Result r = Autodiff.grad(a -> {
                layer.v.set(zeros(Shape.of(10), DType.F64));
                Tensor counts = zeros(Shape.of(10), DType.F64);
                for (int t = 0; t < 100; t++) {
                    Tensor v = layer.v.value().mul(0.9).add(matmul(inputs.get(String.valueOf(t)), layer.w.value()));
                    Tensor s = spike.apply(v.sub(1.0));
                    layer.v.set(v.sub(s));
                    counts = counts.add(s);
                }
                return mean(counts.sub(target).square());
            }).gradVars(layer.trainVars().values()).returnValue(true).apply();
            losses[e] = r.value().item();
            layer.w.set(layer.w.value().sub(r.grad(layer.w).mul(0.002)));
            if (log != null && (e % 10 == 0 || e == epochs - 1)) log.printf("  epoch %3d  loss %8.3f%n", e, losses[e]);
        }
        return losses;
    }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        long t0 = System.nanoTime();
        double[] losses = train(60, log);
        log.printf("  loss %.2f -> %.2f in %d epochs (%.1f s, eager autodiff)%n", losses[0], losses[losses.length - 1], losses.length, (System.nanoTime() - t0) / 1e9);
        Path p = out.resolve("surrogate_training_loss.npz");
        Npz.write(p, Map.of("loss", array(losses)));
        log.println("  wrote " + p);
    }
}
