package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.Mode;
import org.braindyn.losses.Losses;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code fashion-snn}'s training step: the compiled loop and its compiled reverse loop (BPTT, event-driven input
 * layer) give the loss and every gradient of the step-by-step eager tape, to 1e-5 relative.
 */
class FashionSnnBpttTest {
    static final int BATCH = 8;

    record Step(double loss, Map<Variable, Tensor> grads, double hiddenSpikes) {}

    static Step step(FashionSnn.Snn net, Tensor spikes, Tensor labels, boolean compiled) {
        double[] count = new double[1];
        Autodiff.Result g = Autodiff.grad(a -> {
            Tensor[] r = FashionSnn.run(net, spikes, true, compiled);
            count[0] = sum(r[1]).item();
            return Losses.crossEntropy(r[0], labels).add(sum(r[1]).mul(1e-5)).add(mean(square(r[1])).mul(1e-5));
        }).gradVars(net.trainVars().values()).returnValue(true).apply();
        return new Step(g.value().item(), g.varGrads(), count[0]);
    }

    @Test
    void compiledBpttEqualsEagerBptt() {
        RandomState rng = new RandomState(5);
        FashionSnn.Snn net = Mode.with(Mode.training(BATCH), () -> new FashionSnn.Snn(rng));
        Tensor other = rng.bernoulli(0.04, FashionSnn.STEPS, BATCH, FashionSnn.IN);
        Tensor spikes = rng.bernoulli(0.04, FashionSnn.STEPS, BATCH, FashionSnn.IN), labels = rng.randint(0, 10, BATCH);
        step(net, other, labels, true);   // a compiled step on other spikes first: nothing of it may leak into the next
        Step eager = step(net, spikes, labels, false), compiled = step(net, spikes, labels, true);
        assertTrue(eager.hiddenSpikes() > 0, "the hidden layer spikes, so the surrogate path is exercised");
        assertEquals(eager.hiddenSpikes(), compiled.hiddenSpikes(), "the same spikes");
        assertEquals(eager.loss(), compiled.loss(), 1e-5 * Math.abs(eager.loss()), "loss");
        assertEquals(4, eager.grads().size(), "two weight matrices and two biases");
        GradientsAgree.assertAgree(eager.grads(), compiled.grads(), 1e-5);   // float32 sums over 100 steps in another order
    }

    @Test
    void refusesSpikesOfTheWrongShape() {
        FashionSnn.Snn net = Mode.with(Mode.training(BATCH), () -> new FashionSnn.Snn(new RandomState(1)));
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, () -> FashionSnn.run(net, zeros(BATCH, 100, 784), false, true));
        assertTrue(x.getMessage().contains("(100, batch, 784)"), x.getMessage());
    }
}
