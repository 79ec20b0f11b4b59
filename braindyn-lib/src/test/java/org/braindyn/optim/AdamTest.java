package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.braindyn.state.TrainVar;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.junit.jupiter.api.Test;

/** Adam's and SGD's first updates against the rule computed by hand; state lives in Variables; errors. */
class AdamTest {
    @Test
    void theFirstThreeAdamUpdatesFollowTheRule() {
        TrainVar p = new TrainVar(array(new double[] {1.0, -2.0}), "p");
        Adam opt = new Adam(0.1, List.of(p));
        double[] grads = {0.5, -1.5, 2.0};
        double m = 0, v = 0, theta = 1.0;
        for (int k = 1; k <= 3; k++) {
            double g = grads[k - 1];
            opt.update(Map.of(p, array(new double[] {g, 2 * g})));
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            theta -= 0.1 * (m / (1 - Math.pow(0.9, k))) / (Math.sqrt(v / (1 - Math.pow(0.999, k))) + 1e-8);
            assertEquals(theta, p.value().getDouble(0), 1e-12, "update " + k);
        }
        assertEquals(3, (int) opt.step.value().item());
        Map<String, Variable> s = opt.states();
        assertTrue(s.containsKey("m.0") && s.containsKey("v.0") && s.containsKey("step"), s.keySet().toString());
    }

    @Test
    void sgdStepsAgainstTheGradientAndBadInputIsRefused() {
        TrainVar p = new TrainVar(array(new double[] {1.0}), "p");
        new Sgd(0.5, List.of(p)).update(Map.of(p, array(new double[] {0.4})));
        assertEquals(0.8, p.value().getDouble(0), 1e-15);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(-1e-3, List.of(p))).getMessage().contains("Adam.lr: the learning rate must be finite and > 0; got -0.001"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, List.of())).getMessage().contains("no TrainVars"));
        Variable plain = new Variable(zeros(2).astype(DType.F64), "w");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, List.of(plain))).getMessage().contains("not a TrainVar"));
    }
}
