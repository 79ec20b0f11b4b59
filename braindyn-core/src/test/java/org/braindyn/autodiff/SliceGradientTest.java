package org.braindyn.autodiff;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The gradient of many slices of one tensor is accumulated into one buffer: values equal the rule's (strided,
 * reversed and overlapping slices, slices mixed with other uses), higher-order gradients still work, and T slices
 * of a (T, …) tensor no longer cost T full-size tensors.
 */
class SliceGradientTest {
    @Test
    void everyStepOfALoopGetsItsOwnCotangent() {
        RandomState rng = new RandomState(1);
        Tensor x = rng.normal(0, 1, 40, 4, 3).astype(DType.F64), w = rng.normal(0, 1, 40, 4, 3).astype(DType.F64);
        Tensor g = Autodiff.grad(a -> {
            Tensor acc = scalar(0.0, DType.F64);
            for (int t = 0; t < 40; t++) acc = acc.add(sum(a.get(Index.at(t)).mul(w.get(Index.at(t)))));
            return acc;
        }, x);
        assertEquals(w, g, "d/dx Σ_t x[t]·w[t] = w, bit for bit");
    }

    @Test
    void stridedReversedOverlappingAndMixedUsesAddUp() {
        Tensor x = arange(24).astype(DType.F64).reshape(6, 4);
        Tensor g = Autodiff.grad(a -> sum(a.get("::-2")).add(sum(a.get("1:, ::2").mul(2.0))).add(sum(a.get(":3"))).add(sum(a.get("2:5"))).add(sum(a.mul(0.5))), x);
        double[] want = new double[24];
        for (int r = 0; r < 6; r++)
            for (int c = 0; c < 4; c++) {
                double v = 0.5;
                if (r % 2 == 1) v += 1;                     // ::-2 takes rows 5, 3, 1
                if (r >= 1 && c % 2 == 0) v += 2;
                if (r < 3) v += 1;
                if (r >= 2 && r < 5) v += 1;
                want[r * 4 + c] = v;
            }
        assertArrayEquals(want, g.toDoubleArray(), 0);
    }

    @Test
    void secondOrderGradientsThroughSlicesStillWork() {
        Tensor x = array(new double[] {1, 2, 3, 4});
        Tensor h = Autodiff.hessian(a -> sum(a.get("1:3").pow(3)), x);
        double[] want = new double[16];
        want[1 * 4 + 1] = 6 * 2;
        want[2 * 4 + 2] = 6 * 3;
        assertArrayEquals(want, h.toDoubleArray(), 1e-12);
    }

    @Test
    void manySlicesOfALargeTensorAllocateAboutOneTensorNotOnePerSlice() {
        assertTrue(org.braindyn.jit.Allocations.supported(), "this JVM cannot count allocated bytes; the test cannot check its claim");
        Tensor x = new RandomState(2).normal(0, 1, 400, 64, 100);
        Tensor[] g = new Tensor[1];
        long bytes = org.braindyn.jit.Allocations.measure(() -> g[0] = Autodiff.grad(a -> {
            Tensor acc = scalar(0.0f);
            for (int t = 0; t < 400; t++) acc = acc.add(sum(a.get(Index.at(t))));
            return acc;
        }, x));
        assertEquals(400 * 64 * 100, sum(g[0]).item(), 0);
        long one = 4L * x.size();                                   // 10 MB; one padded tensor per slice would be 4 GB
        assertTrue(bytes < 20 * one, "allocated " + bytes + " bytes for a " + one + "-byte tensor");
    }
}
