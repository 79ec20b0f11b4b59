package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.init.OneInit;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Chains, feedback one step late, compiled prediction equal to the step-by-step run, and the graph's refusals. */
class SequentialTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    @Test
    void feedbackArrivesExactlyOneStepLate() {
        Config.enableX64();
        Dense a = Dense.builder(1, 1).wInit(new OneInit(1)).build();      // a(t) = x(t) + fb(t)
        Dense b = Dense.builder(1, 1).wInit(new OneInit(2)).build();      // b(t) = 2·a(t)
        Sequential s = Sequential.of(a, b).feedback(b, a);                // fb(t) = b(t − 1), fb(0) = 0
        assertEquals(1, a.feedbackFeatures());
        a.feedbackWeights().set(ones(1, 1).astype(DType.F64));
        s.resetState(1);
        double fb = 0;
        for (int t = 0; t < 6; t++) {
            double x = t + 1, want = 2 * (x + fb);
            assertEquals(want, s.forward(array(new double[][] {{x}}), null).item(), 1e-12, "step " + t);
            fb = want;
        }
    }

    @Test
    void compiledPredictionEqualsTheStepByStepRun() {
        Config.enableX64();
        Reservoir r = Reservoir.builder(2, 40).spectralRadius(0.9).seed(3).build();
        Dense o = LinearReadout.builder(40, 2).build();
        Sequential s = Sequential.of(r, o).feedback(o, r);
        Tensor xs = sin(arange(60).astype(DType.F64).mul(0.1)).reshape(1, 30, 2);
        Tensor compiled = s.predict(xs, true);
        Tensor eager = s.jit(false).predict(xs, true);
        assertEquals(java.util.List.of(1, 30, 2), java.util.Arrays.stream(compiled.shape().toArray()).boxed().toList());
        assertTrue(allclose(eager, compiled, 1e-12, 1e-12));
        Tensor more = s.predict(xs, false);                                // continues from the final states
        assertFalse(allclose(compiled, more, 1e-9, 1e-9));
    }

    @Test
    void theGraphRefusesWhatCannotBeBuilt() {
        Dense a = Dense.builder(3, 4).build(), b = Dense.builder(5, 2).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Sequential.of(a, b)).getMessage().contains("outputs 4 features but"));
        NVAR nv = NVAR.builder(2, 2).build();
        Dense o = Dense.builder(nv.outFeatures(), 1).build();
        Sequential s = Sequential.of(nv, o);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> s.feedback(o, nv)).getMessage().contains("does not support feedback connections"));
        Dense c = Dense.builder(4, 4).build(), d = Dense.builder(4, 4).build();
        Sequential cd = Sequential.of(c, d);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cd.feedback(c, d)).getMessage().contains("comes after"));
        Sequential withState = Sequential.of(Reservoir.builder(4, 6).seed(1).build());
        withState.resetState(2);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> withState.predict(zeros(3, 5, 4), false)).getMessage().contains("batch of 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> cd.predict(zeros(3, 5), true)).getMessage().contains("(batch, time, 4)"));
    }

    @Test
    void concatFeedsTheReadoutTheInputBesideTheReservoir() {
        Config.enableX64();
        Reservoir r = Reservoir.builder(2, 10).seed(6).build();
        Dense o = LinearReadout.builder(12, 1).build();
        Sequential s = Sequential.of(Concat.of(new Identity(2), r), o);
        s.resetState(1);
        Tensor x = array(new double[][] {{0.5, -1}});
        Sequential.Step step = s.step(x, null);
        assertEquals(12, step.readoutInput().dim(1));
        assertArrayEquals(new double[] {0.5, -1}, step.readoutInput().get(":, :2").reshape(-1).toDoubleArray(), 0);
        assertTrue(allclose(r.state.value(), step.readoutInput().get(":, 2:"), 0, 0));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Concat.of(new Identity(2), new Identity(3))).getMessage().contains("share one input"));
    }

    @Test
    void denseWeightsAreTrainVarsOnlyWhenTrainable() {
        assertFalse(Dense.builder(2, 2).build().W instanceof org.braindyn.state.TrainVar);
        assertTrue(Dense.builder(2, 2).trainable(true).build().W instanceof org.braindyn.state.TrainVar);
        assertTrue(org.braindyn.dyn.Mode.with(org.braindyn.dyn.Mode.training(4), () -> Dense.builder(2, 2).build()).W instanceof org.braindyn.state.TrainVar);
        assertNull(Dense.builder(2, 2).bInit(null).build().b);
    }
}
