package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The reservoir's update equations, spectral-radius rescaling, sparse storage, noise and refusals. */
class ReservoirTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    @Test
    void spectralRadiusIsRescaledToTheRequestedValue() {
        Config.enableX64();
        for (double rho : new double[] {0.5, 0.95, 1.4}) {
            Reservoir r = Reservoir.builder(2, 60).recConnectivity(0.2).spectralRadius(rho).seed(11).build();
            assertEquals(rho, Reservoir.spectralRadius(r.recurrentMatrix()), 1e-6);
        }
    }

    @Test
    void largeMatricesGetTheArnoldiEstimateCloseToTheExactRadius() {
        Config.enableX64();
        int n = SpectralRadius.EXACT_MAX + 50;
        org.braindyn.random.RandomState rng = new org.braindyn.random.RandomState(21);
        Tensor w = where(less(rng.random(n, n), 0.1), rng.normal(0, 1, n, n), zeros(n, n)).astype(org.braindyn.tensor.DType.F64);
        double exact = SpectralRadius.exact(w.toDoubleArray(), n), est = SpectralRadius.of(w);
        assertEquals(exact, est, 1e-4 * exact);
    }

    @Test
    void oneStepFollowsTheLeakyEquationForBothActivationTypes() {
        Config.enableX64();
        for (Reservoir.ActivationType type : Reservoir.ActivationType.values()) {
            Reservoir r = Reservoir.builder(3, 20).leakyRate(0.3).activationType(type).ffConnectivity(1).recConnectivity(0.5).seed(2).build();
            r.resetState(1);
            Tensor u1 = array(new double[][] {{0.5, -1, 2}}), u2 = array(new double[][] {{1, 0.25, -0.5}});
            Tensor x = zeros(1, 20).astype(org.braindyn.tensor.DType.F64);
            for (Tensor u : new Tensor[] {u1, u2}) {
                Tensor out = r.forward(u, null);
                Tensor h = type == Reservoir.ActivationType.INTERNAL ? x : tanh(x);
                Tensor drive = matmul(u, r.wIn.value()).add(matmul(h, r.recurrentMatrix()));
                x = type == Reservoir.ActivationType.INTERNAL ? x.mul(0.7).add(tanh(drive).mul(0.3)) : x.mul(0.7).add(drive.mul(0.3));
                Tensor want = type == Reservoir.ActivationType.INTERNAL ? x : tanh(x);
                assertTrue(allclose(want, out, 1e-13, 1e-13), type + ": " + want + " vs " + out);
            }
        }
    }

    @Test
    void sparseStorageRunsTheSameNetworkAsDense() {
        Config.enableX64();
        Reservoir d = Reservoir.builder(2, 80).spectralRadius(0.9).seed(5).build();
        Reservoir s = Reservoir.builder(2, 80).spectralRadius(0.9).seed(5).connType(Reservoir.ConnType.SPARSE).build();
        assertNotNull(s.recurrentStructure());
        assertTrue(allclose(d.recurrentMatrix(), s.recurrentMatrix(), 0, 1e-15));
        for (int batch : new int[] {1, 3}) {
            d.resetState(batch);
            s.resetState(batch);
            for (int t = 0; t < 20; t++) {
                Tensor u = full(org.braindyn.tensor.Shape.of(batch, 2), Math.sin(t), org.braindyn.tensor.DType.F64);
                assertTrue(allclose(d.forward(u, null), s.forward(u, null), 1e-13, 1e-13), "batch " + batch + " step " + t);
            }
        }
    }

    @Test
    void connectivityKeepsTheRequestedFractionOfWeights() {
        Reservoir r = Reservoir.builder(10, 300).recConnectivity(0.1).ffConnectivity(0.3).seed(9).build();
        double rec = mean(r.recurrentMatrix().ne(0).astype(org.braindyn.tensor.DType.F64)).item();
        double ff = mean(r.wIn.value().ne(0).astype(org.braindyn.tensor.DType.F64)).item();
        assertEquals(0.1, rec, 0.005);
        assertEquals(0.3, ff, 0.03);
    }

    @Test
    void noiseMakesRunsDifferAndTheSeedMakesThemRepeat() {
        Config.enableX64();
        Tensor[] outs = new Tensor[3];
        for (int k = 0; k < 3; k++) {
            Reservoir r = Reservoir.builder(1, 30).noise(k == 2 ? 0 : 0.1, 0, 0).seed(4).build();
            r.resetState(1);
            Tensor o = null;
            for (int t = 0; t < 5; t++) o = r.forward(ones(1, 1).astype(org.braindyn.tensor.DType.F64), null);
            outs[k] = o;
        }
        assertEquals(outs[0], outs[1], "same seed, same noise");
        assertFalse(allclose(outs[0], outs[2], 1e-6, 1e-6), "noise changes the states");
    }

    @Test
    void badParametersAreClearErrors() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).spectralRadius(0).build()).getMessage().contains("spectralRadius: must be > 0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).spectralRadius(-1).build()).getMessage().contains("got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).recConnectivity(0).build()).getMessage().contains("recConnectivity: must be in (0, 1]; got 0.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).ffConnectivity(1.5).build()).getMessage().contains("ffConnectivity"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).leakyRate(0).build()).getMessage().contains("leakyRate"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Reservoir.builder(1, 10).activation("tanhh").build()).getMessage().contains("unknown activation 'tanhh'"));
        Reservoir r = Reservoir.builder(2, 10).seed(1).build();
        assertTrue(assertThrows(IllegalArgumentException.class, () -> r.forward(zeros(1, 3), null)).getMessage().contains("input must have shape (batch, 2)"));
    }
}
