package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.dyn.Mode;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** NVAR features against hand-computed lists, its size rule, and its refusals. */
class NvarTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    private static double[] row(Tensor t) { return t.reshape(-1).toDoubleArray(); }

    @Test
    void featuresAreTheConstantTheDelayedInputsAndTheirQuadraticMonomials() {
        Config.enableX64();
        NVAR nv = NVAR.builder(2, 2).order(2).stride(1).constant(true).build();
        assertEquals(1 + 4 + 10, nv.outFeatures());
        nv.resetState(1);
        // step 1: L = [u1, 0] = [1, 2, 0, 0] (the past before the first step is zero)
        assertArrayEquals(new double[] {1, 1, 2, 0, 0, 1, 2, 0, 0, 4, 0, 0, 0, 0, 0}, row(nv.forward(array(new double[][] {{1, 2}}), null)));
        // step 2: L = [u2, u1] = [3, 4, 1, 2]; monomials L0², L0L1, L0L2, L0L3, L1², L1L2, L1L3, L2², L2L3, L3²
        assertArrayEquals(new double[] {1, 3, 4, 1, 2, 9, 12, 3, 6, 16, 4, 8, 1, 2, 4}, row(nv.forward(array(new double[][] {{3, 4}}), null)));
    }

    @Test
    void strideSpacesTheDelayedCopies() {
        Config.enableX64();
        NVAR nv = NVAR.builder(1, 2).order().stride(2).build();   // linear only: [u(t), u(t − 2)]
        nv.resetState(1);
        double[][] got = new double[4][];
        for (int t = 0; t < 4; t++) got[t] = row(nv.forward(array(new double[][] {{t + 1}}), null));
        assertArrayEquals(new double[] {1, 0}, got[0]);
        assertArrayEquals(new double[] {2, 0}, got[1]);
        assertArrayEquals(new double[] {3, 1}, got[2]);
        assertArrayEquals(new double[] {4, 2}, got[3]);
    }

    @Test
    void twoInputsDelayFourOrderTwoGiveFortyFourFeaturesAndCubicsAddMore() {
        assertEquals(44, NVAR.builder(2, 4).order(2).stride(5).build().outFeatures());
        assertEquals(8 + 36 + 120, NVAR.builder(2, 4).order(2, 3).build().outFeatures());
        assertEquals(1 + 6 + 21, NVAR.builder(3, 2).constant(true).build().outFeatures());
    }

    @Test
    void batchesAreIndependent() {
        Config.enableX64();
        NVAR nv = NVAR.builder(1, 2).build();
        nv.resetState(2);
        nv.forward(array(new double[][] {{1}, {5}}), null);
        Tensor y = nv.forward(array(new double[][] {{2}, {7}}), null);
        assertArrayEquals(new double[] {2, 1, 4, 2, 1, 7, 5, 49, 35, 25}, row(y));
    }

    @Test
    void trainingModeAndBadParametersAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Mode.with(Mode.training(1), () -> NVAR.builder(1, 1).build()));
        assertEquals("NVAR does not support TrainingMode(batch_size=1). We only support BatchingMode, NonBatchingMode.", e.getMessage());
        assertDoesNotThrow(() -> Mode.with(Mode.batching(4), () -> NVAR.builder(1, 1).build()));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NVAR.builder(2, 0).build()).getMessage().contains("delay: must be >= 1; got 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NVAR.builder(2, 2).stride(0).build()).getMessage().contains("stride"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> NVAR.builder(2, 2).order(1).build()).getMessage().contains("order"));
        NVAR nv = NVAR.builder(2, 2).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> nv.forward(zeros(1, 3), null)).getMessage().contains("(batch, 2)"));
    }
}
