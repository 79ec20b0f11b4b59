package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.init.ZeroInit;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Sequential;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** RLS after n steps equals batch least squares on those rows; LMS converges; compiled = eager; errors. */
class OnlineTrainerTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    private static Tensor[] data(int steps) {
        RandomState rng = new RandomState(7);
        Tensor xs = rng.normal(0, 1, 1, steps, 4).astype(DType.F64);
        Tensor ys = matmul(xs, rng.normal(0, 1, 4, 2).astype(DType.F64)).add(rng.normal(0, 0.2, 1, steps, 2).astype(DType.F64)).sub(0.3);
        return new Tensor[] {xs, ys};
    }

    @Test
    void rlsAfterNStepsEqualsBatchLeastSquaresOnTheSameRows() {
        Config.enableX64();
        Tensor[] d = data(80);
        for (double alpha : new double[] {0.5, 1e6}) {
            Dense o = LinearReadout.builder(4, 2).wInit(new ZeroInit()).build();
            OnlineTrainer t = new OnlineTrainer(Sequential.of(o), new OnlineMethod.Rls(alpha));
            t.fit(d[0].get(":, :30"), d[1].get(":, :30"), true);
            t.fit(d[0].get(":, 30:"), d[1].get(":, 30:"));                      // training continues in pieces
            Tensor ridge = OfflineTrainerTest.closedForm(d[0].reshape(80, 4), d[1].reshape(80, 2), 1 / alpha);
            double rel = OfflineTrainerTest.maxRel(ridge, o.fitted());
            assertTrue(rel < 1e-8, "alpha " + alpha + ": RLS vs (XᵀX + I/α)⁻¹XᵀY, rel " + rel);
        }
    }

    @Test
    void theOutputsReturnedAreThoseBeforeEachUpdateAndCompiledEqualsEager() {
        Config.enableX64();
        Tensor[] d = data(40);
        Tensor[] outs = new Tensor[2], weights = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            Dense o = LinearReadout.builder(4, 2).wInit(new ZeroInit()).build();
            Sequential m = Sequential.of(o).jit(k == 0);
            outs[k] = new OnlineTrainer(m, new OnlineMethod.Rls(0.1)).fit(d[0], d[1], true);
            weights[k] = o.fitted();
        }
        assertTrue(allclose(outs[0], outs[1], 1e-12, 1e-12));
        assertTrue(allclose(weights[0], weights[1], 1e-12, 1e-12));
        assertEquals(0, max(abs(outs[0].get(":, 0"))).item(), "the first output comes from the zero initial weights");
    }

    @Test
    void lmsConvergesToTheGeneratingWeights() {
        Config.enableX64();
        RandomState rng = new RandomState(8);
        Tensor xs = rng.normal(0, 1, 1, 3000, 3).astype(DType.F64);
        Tensor w = array(new double[][] {{1.5}, {-2}, {0.5}});
        Tensor ys = matmul(xs, w).add(0.25);
        Dense o = LinearReadout.builder(3, 1).wInit(new ZeroInit()).build();
        new OnlineTrainer(Sequential.of(o), new OnlineMethod.Lms(0.01)).fit(xs, ys, true);
        assertArrayEquals(new double[] {0.25, 1.5, -2, 0.5}, o.fitted().reshape(-1).toDoubleArray(), 1e-6);
    }

    @Test
    void badInputsAreClearErrors() {
        Config.enableX64();
        OnlineTrainer t = ForceTrainer.of(Sequential.of(LinearReadout.builder(2, 1).build()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.fit(zeros(2, 10, 2), zeros(2, 10, 1))).getMessage().contains("one sequence at a time"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.fit(zeros(1, 10, 2), zeros(1, 9, 1))).getMessage().contains("(1, 10, 1)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OnlineMethod.Rls(0)).getMessage().contains("Rls.alpha"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OnlineMethod.Lms(-1)).getMessage().contains("Lms.alpha"));
    }
}
