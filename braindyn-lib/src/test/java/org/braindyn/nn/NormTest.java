package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.dyn.Shared;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** BatchNorm behaves differently with fit on and off; LayerNorm normalises each sample; both differentiate. */
class NormTest {
    @AfterEach void back() { Config.disableX64(); }

    static final Shared FIT = new Shared(0, 0, 0.1, true);

    @Test
    void batchNormUsesBatchStatisticsWhileFittingAndRunningOnesOtherwise() {
        Config.enableX64();
        Tensor x = new RandomState(1).normal(3, 2, 64, 5).astype(org.braindyn.tensor.DType.F64);
        BatchNorm bn = new BatchNorm(5, 1e-5, 0.9);
        Tensor y = Shared.with(FIT, () -> bn.forward(x, null));
        assertArrayEquals(new double[5], mean(y, 0).toDoubleArray(), 1e-12, "zero mean per feature while fitting");
        assertArrayEquals(new double[] {1, 1, 1, 1, 1}, mean(square(y), 0).toDoubleArray(), 1e-5, "unit variance per feature");
        double[] m = mean(x, 0).toDoubleArray();
        for (int j = 0; j < 5; j++) assertEquals(0.1 * m[j], bn.runningMean.value().getDouble(j), 1e-12, "running mean moved 10% toward the batch's");
        Tensor outside = bn.forward(x, null);                                  // fit off: running statistics
        Tensor want = x.sub(bn.runningMean.value()).div(sqrt(bn.runningVar.value().add(1e-5)));
        assertTrue(allclose(want, outside, 1e-12, 1e-12));
        assertFalse(allclose(y, outside, 1e-3, 1e-3), "different with fit on and off");
        Tensor g = Autodiff.grad(a -> sum(Shared.with(FIT, () -> bn.forward(a, null)).mul(x)), x);
        assertEquals(x.shape(), g.shape());
    }

    @Test
    void layerNormNormalisesEachSampleAndIsTheSameInAndOutOfFit() {
        Config.enableX64();
        Tensor x = new RandomState(2).normal(-1, 4, 8, 6).astype(org.braindyn.tensor.DType.F64);
        LayerNorm ln = new LayerNorm(6);
        Tensor y = ln.forward(x, null);
        assertArrayEquals(new double[8], mean(y, 1).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, mean(square(y), 1).toDoubleArray(), 1e-5);
        assertEquals(y, Shared.with(FIT, () -> ln.forward(x, null)));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new BatchNorm(3, 1e-5, 1.5)).getMessage().contains("momentum"));
    }

    @Test
    void groupAndInstanceNormNormaliseTheirGroupsOfEachSample() {
        Config.enableX64();
        Tensor x = new RandomState(3).normal(2, 3, 4, 6 * 5).astype(org.braindyn.tensor.DType.F64);   // 6 channels × 5 positions
        Tensor g = new GroupNorm(6, 2, 5).forward(x, null).reshape(4, 2, 15);
        assertArrayEquals(new double[8], mean(g, 2).reshape(-1).toDoubleArray(), 1e-12);
        assertArrayEquals(new double[] {1, 1, 1, 1, 1, 1, 1, 1}, mean(square(g), 2).reshape(-1).toDoubleArray(), 1e-5);
        Tensor in = GroupNorm.instance(6, 5).forward(x, null).reshape(4, 6, 5);
        assertArrayEquals(new double[24], mean(in, 2).reshape(-1).toDoubleArray(), 1e-12);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new GroupNorm(6, 4, 5)).getMessage().contains("groups must divide"));
    }
}
