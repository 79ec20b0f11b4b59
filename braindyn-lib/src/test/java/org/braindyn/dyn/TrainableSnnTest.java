package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.Map;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.Normal;
import org.braindyn.nn.Dense;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.state.TrainVar;
import org.braindyn.surrogate.Sigmoid;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The components are trainable: input spikes → {@code Dense} → {@code Expon} → {@code Lif} with a surrogate →
 * {@code Dense} → {@code Leaky}, in {@code Training} mode with batch 16, 50 steps; gradients w.r.t. every
 * {@code TrainVar} exist, the readout's match finite differences, and Adam steps written here reduce the loss on a
 * fixed batch — eagerly, and through the compiled loop ({@link org.braindyn.jit.Loops#forLoop}), whose BPTT
 * gradients equal the eager ones.
 */
class TrainableSnnTest {
    static final int BATCH = 16, IN = 20, HIDDEN = 30, OUT = 5, STEPS = 50;

    static final class Snn extends Network {
        final Dense l1, l2;
        final Expon syn;
        final Lif lif;
        final Leaky readout;
        final Projection in;

        Snn(RandomState rng) {
            super(null);
            l1 = Dense.builder(IN, HIDDEN).name("L1").wInit(new Normal(1.5, 1.0, rng)).build();
            syn = new Expon("Syn", HIDDEN, 5);
            lif = new Lif("Hidden", HIDDEN, LifParams.defaults(), Lif.Reset.HARD, new Sigmoid(), null);
            l2 = Dense.builder(HIDDEN, OUT).name("L2").wInit(new Normal(0, 0.3, rng)).build();
            readout = new Leaky("Out", OUT, 5);
            in = Projection.half("In", l1, syn, SynOut.cuba(), lif);
        }

        /** One step: {@code x} is the (batch, IN) input spikes; returns the readout (batch, OUT). */
        @Override public Tensor update(Tensor... x) {
            in.update(x[0]);
            lif.update();
            return readout.update(l2.apply(lif.spike()));
        }
    }

    /** Mean squared error between the time-averaged readout and the target; also counts hidden spikes into {@code spikes[0]}. */
    static Tensor loss(Snn net, Tensor inputs, Tensor target, double[] spikes) {
        net.resetState(BATCH);
        Tensor acc = zeros(BATCH, OUT);
        double n = 0;
        for (int t = 0; t < STEPS; t++) {
            int step = t;
            Tensor y = Shared.with(new Shared(t * 1.0, t, 1.0, true), () -> net.update(inputs.get(String.valueOf(step))));
            acc = acc.add(y);
            n += sum(Autodiff.stopGradient(net.lif.spike())).item();
        }
        spikes[0] = n;
        return mean(acc.div(STEPS).sub(target).square());
    }

    /** {@code steps} Adam updates (lr 0.05, β 0.9/0.999) of {@code vars} from {@code grads}; returns the last loss. */
    static double adam(java.util.Collection<TrainVar> vars, int steps, java.util.function.Supplier<Autodiff.Result> grads) {
        Map<TrainVar, Tensor> m = new HashMap<>(), v = new HashMap<>();
        for (TrainVar p : vars) { m.put(p, zerosLike(p.value())); v.put(p, zerosLike(p.value())); }
        double last = Double.NaN;
        for (int k = 1; k <= steps; k++) {
            Autodiff.Result g = grads.get();
            last = g.value().item();
            for (TrainVar p : vars) {
                Tensor gr = g.grad(p);
                m.put(p, m.get(p).mul(0.9).add(gr.mul(0.1)));
                v.put(p, v.get(p).mul(0.999).add(gr.square().mul(0.001)));
                Tensor mh = m.get(p).div(1 - Math.pow(0.9, k)), vh = v.get(p).div(1 - Math.pow(0.999, k));
                p.set(p.value().sub(mh.mul(0.05).div(sqrt(vh).add(1e-8))).astype(p.dtype()));
            }
        }
        return last;
    }

    /** The same loss with the 50 steps run as one compiled loop; {@code body} is reused so it is compiled once. */
    static Tensor lossCompiled(Snn net, java.util.function.Function<Tensor[], Tensor[]> body, Tensor inputs, Tensor target) {
        net.resetState(BATCH);
        Tensor ts = arange(STEPS).astype(DType.F32);
        Tensor ys = org.braindyn.jit.Loops.forLoop(body, ts, inputs)[0];            // (STEPS, BATCH, OUT)
        return mean(ys.sum(0).div(STEPS).sub(target).square());
    }

    static java.util.function.Function<Tensor[], Tensor[]> compiledStep(Snn net) {
        return x -> {
            Tensor[] y = new Tensor[1];
            Shared.with(new Shared(0, 0, 1.0, true), x[0], () -> y[0] = net.update(x[1]));
            return y;
        };
    }

    @Test
    void bpttThroughTheCompiledLoopEqualsTheEagerGradientsAndTrains() {
        Naming.clearNameCache();
        RandomState rng = new RandomState(5);
        Snn net = Mode.with(Mode.training(BATCH), () -> new Snn(rng));
        Tensor inputs = rng.bernoulli(0.2, STEPS, BATCH, IN).astype(DType.F32);
        Tensor target = rng.uniform(0, 2, BATCH, OUT);
        java.util.List<TrainVar> vars = new java.util.ArrayList<>();
        net.trainVars().forEach((k, v) -> vars.add((TrainVar) v));
        var body = compiledStep(net);
        double[] spikes = new double[1];
        Autodiff.Result eager = Autodiff.grad(a -> loss(net, inputs, target, spikes)).gradVars(vars).returnValue(true).apply();
        Autodiff.Result compiled = Autodiff.grad(a -> lossCompiled(net, body, inputs, target)).gradVars(vars).returnValue(true).apply();
        assertEquals(eager.value().item(), compiled.value().item(), 1e-5 * Math.abs(eager.value().item()));
        for (TrainVar p : vars) {
            assertTrue(sum(abs(compiled.grad(p))).item() > 0, p.name() + ": a gradient reaches it");
            assertTrue(allclose(eager.grad(p), compiled.grad(p), 1e-3, 1e-5), p.name() + ": compiled " + compiled.grad(p) + " eager " + eager.grad(p));
        }
        double first = compiled.value().item();
        double last = adam(vars, 10, () -> Autodiff.grad(a -> lossCompiled(net, body, inputs, target)).gradVars(vars).returnValue(true).apply());
        assertTrue(last < 0.8 * first, "Adam on compiled-loop gradients reduced the loss: " + first + " -> " + last);
    }

    @Test
    void gradientsFlowAndAdamReducesTheLoss() {
        Naming.clearNameCache();
        RandomState rng = new RandomState(5);
        Snn net = Mode.with(Mode.training(BATCH), () -> new Snn(rng));
        assertEquals(Shape.of(BATCH, HIDDEN), net.lif.V.shape());
        Tensor inputs = rng.bernoulli(0.2, STEPS, BATCH, IN).astype(DType.F32);
        Tensor target = rng.uniform(0, 2, BATCH, OUT);
        Map<String, TrainVar> vars = new HashMap<>();
        net.trainVars().forEach((k, v) -> vars.put(k, (TrainVar) v));
        assertEquals(4, vars.size(), "W and b of both layers: " + vars.keySet());
        double[] spikes = new double[1];

        Autodiff.Result r = Autodiff.grad(a -> loss(net, inputs, target, spikes)).gradVars(vars.values()).returnValue(true).apply();
        assertTrue(spikes[0] > 0, "the hidden layer spikes");
        assertTrue(sum(abs(r.grad(net.l1.W))).item() > 0, "gradient reaches the input layer through the surrogate");
        for (int[] ij : new int[][] {{0, 0}, {7, 3}, {29, 4}}) {                  // readout: spikes do not depend on l2
            double eps = 1e-2, w0 = net.l2.W.value().getDouble(ij);
            net.l2.W.setAt(new org.braindyn.tensor.Index[] {org.braindyn.tensor.Index.at(ij[0]), org.braindyn.tensor.Index.at(ij[1])}, w0 + eps);
            double up = loss(net, inputs, target, spikes).item();
            net.l2.W.setAt(new org.braindyn.tensor.Index[] {org.braindyn.tensor.Index.at(ij[0]), org.braindyn.tensor.Index.at(ij[1])}, w0 - eps);
            double down = loss(net, inputs, target, spikes).item();
            net.l2.W.setAt(new org.braindyn.tensor.Index[] {org.braindyn.tensor.Index.at(ij[0]), org.braindyn.tensor.Index.at(ij[1])}, w0);
            double fd = (up - down) / (2 * eps), ad = r.grad(net.l2.W).getDouble(ij);
            assertEquals(fd, ad, 2e-3 + 2e-2 * Math.abs(fd), "dL/dW2" + java.util.Arrays.toString(ij));
        }

        double first = r.value().item();
        double last = adam(vars.values(), 15, () -> Autodiff.grad(a -> loss(net, inputs, target, spikes)).gradVars(vars.values()).returnValue(true).apply());
        assertTrue(last < 0.7 * first, "Adam reduced the loss: " + first + " -> " + last);
    }
}
