package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** {@code Dense.events(true)}: the event-driven product gives the dense layer's outputs and weight gradients. */
class DenseEventsTest {
    @Test
    void eventInputGivesTheDenseOutputsAndGradients() {
        RandomState rng = new RandomState(2);
        Dense dense = Dense.builder(60, 33).trainable(true).build();
        Dense events = Dense.builder(60, 33).events(true).trainable(true).build();
        events.W.set(dense.W.value());
        assertTrue(events.events() && !dense.events());
        Tensor spikes = rng.bernoulli(0.1, 5, 60).astype(DType.F32), up = rng.normal(0, 1, 5, 33).astype(DType.F32);
        assertArrayEquals(dense.apply(spikes).toDoubleArray(), events.apply(spikes).toDoubleArray(), 1e-6);
        assertArrayEquals(dense.forward(spikes, null).toDoubleArray(), events.forward(spikes.ne(0), null).toDoubleArray(), 1e-6, "boolean spikes");
        Variable w1 = dense.W, w2 = events.W;
        Tensor g1 = Autodiff.grad(a -> sum(dense.apply(spikes).mul(up))).gradVars(w1).apply().varGrads().get(w1);
        Tensor g2 = Autodiff.grad(a -> sum(events.apply(spikes).mul(up))).gradVars(w2).apply().varGrads().get(w2);
        assertArrayEquals(g1.toDoubleArray(), g2.toDoubleArray(), 1e-5);
        assertTrue(sum(abs(g2)).item() > 0);
    }
}
