package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.losses.Losses;
import org.braindyn.nn.Dense;
import org.braindyn.optim.Adam;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BPFF fits a linear map with Adam in mini-batches; the loss refuses mismatched shapes. */
class BpffTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    @Test
    void aDenseReadoutLearnsALinearMapWithAdam() {
        Config.enableX64();
        RandomState rng = new RandomState(1);
        Tensor x = rng.normal(0, 1, 512, 5).astype(DType.F64);
        Tensor w = rng.normal(0, 1, 5, 2).astype(DType.F64);
        Tensor y = matmul(x, w).add(0.5);
        Dense d = Dense.builder(5, 2).trainable(true).build();
        BPFF bp = new BPFF(d, Losses::meanSquaredError, new Adam(0.05, d.trainVars().values()));
        double[] losses = bp.fit(x, y, 32, 60, 3);
        assertTrue(losses[losses.length - 1] < 1e-4 * losses[0], "loss " + losses[0] + " -> " + losses[losses.length - 1]);
        assertTrue(allclose(w, d.W.value(), 1e-2, 1e-2));
    }

    @Test
    void mismatchedShapesAreRefused() {
        String e = assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError(zeros(4, 2), zeros(4, 3))).getMessage();
        assertTrue(e.contains("(4, 2)") && e.contains("(4, 3)"), e);
        Dense d = Dense.builder(5, 2).trainable(true).build();
        BPFF bp = new BPFF(d, Losses::meanSquaredError, new Adam(0.05, d.trainVars().values()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> bp.fit(zeros(10, 5), zeros(9, 2), 4, 1, 0)).getMessage().contains("(10, 2)"));
    }
}
