package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.losses.Losses;
import org.braindyn.nn.Sequential;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * {@code fashion-lstm}'s model (seed 004's ANN: {@code LstmCell(28 → 100)} → {@code Dense(100 → 10)}, max over time,
 * cross-entropy): the 28 steps as a compiled loop with its compiled reverse loop give the eager tape's loss and every
 * gradient, to 1e-5 relative.
 */
class FashionLstmBpttTest {
    @Test
    void compiledBpttEqualsEagerBptt() {
        Sequential model = FashionLstm.model(3);
        RandomState rng = new RandomState(9);
        Tensor images = rng.random(16, 28, 28).astype(DType.F32), labels = rng.randint(0, 10, 16);
        Map<Variable, Tensor> eager = null;
        double eagerLoss = 0;
        for (boolean jit : new boolean[] {false, true}) {
            model.jit(jit);
            Autodiff.Result g = Autodiff.grad(a -> Losses.crossEntropy(max(model.predict(images, true), 1), labels))
                    .gradVars(model.trainVars().values()).returnValue(true).apply();
            if (!jit) { eager = g.varGrads(); eagerLoss = g.value().item(); continue; }
            assertEquals(eagerLoss, g.value().item(), 1e-5 * Math.abs(eagerLoss), "loss");
            assertEquals(eager.size(), g.varGrads().size());
            for (var e : eager.entrySet()) {
                double[] ge = e.getValue().astype(DType.F64).toDoubleArray(), gc = g.varGrads().get(e.getKey()).astype(DType.F64).toDoubleArray();
                double diff = 0, norm = 0;
                for (int i = 0; i < ge.length; i++) {
                    diff += (ge[i] - gc[i]) * (ge[i] - gc[i]);
                    norm += ge[i] * ge[i];
                }
                assertTrue(norm > 0, e.getKey().name() + ": a gradient that is not zero");
                assertTrue(Math.sqrt(diff / norm) < 1e-5, e.getKey().name() + ": |compiled − eager| / |eager| = " + Math.sqrt(diff / norm));
            }
        }
    }
}
