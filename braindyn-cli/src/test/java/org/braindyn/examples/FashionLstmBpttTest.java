package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
            GradientsAgree.assertAgree(eager, g.varGrads(), 1e-5);
        }
    }
}
