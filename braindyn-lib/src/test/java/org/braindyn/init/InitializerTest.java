package org.braindyn.init;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.function.Function;
import org.braindyn.random.RandomState;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Initializers: BrainPy's worked examples J1–J5, moments of the random ones, orthogonality, parameter specs. */
class InitializerTest {
    @Test
    void constantsAndGeometriesJ1() {
        assertEquals(full(new int[] {5, 6}, 2.5), new OneInit(2.5).init(5, 6));
        assertEquals(zeros(3), new ZeroInit().init(3));
        assertEquals(eye(3), new Identity().init(3, 3));
        assertEquals(Shape.of(16, 9), new Uniform(0, 1).init(new int[][] {{4, 4}, {3, 3}}).shape());
        assertEquals(DType.F64, new OneInit().init(new int[] {2}, DType.F64).dtype());
    }

    @Test
    void decayWeightsJ2J3J4() {
        Tensor g = DecayInit.gaussian(2, 10).init(5, 5);
        assertEquals(Shape.of(25, 25), g.shape());
        assertEquals(10.0, g.getDouble(7, 7), 1e-6, "row 7 is neuron (1, 2); its self weight is max_w");
        assertEquals(10 * Math.exp(-1.0 / 8), g.getDouble(7, 8), 1e-5, "neighbour (1, 3) at distance 1");
        assertEquals(10 * Math.exp(-4), g.getDouble(0, 24), 1e-5, "corner to corner, d² = 32");
        assertEquals(0.0, DecayInit.gaussian(1, 10).init(5, 5).getDouble(0, 24), "weights below 0.005·max_w are dropped");
        assertEquals(Shape.of(120, 120), DecayInit.dog(1, 3, 10, 5, 0.1).init(10, 12).shape());
        Initializer linearDecay = (shape, dtype) -> {                      // a user initializer, BrainPy's LinearDecay example
            double[] w = new double[shape[0] * shape[1]];
            for (int i = 0; i < shape[0]; i++) for (int j = 0; j < shape[1]; j++) w[i * shape[1] + j] = Math.max(0, 5 - Math.abs(i - j));
            return array(w).reshape(shape).astype(dtype);
        };
        Tensor band = linearDecay.init(10, 15);
        assertEquals(5.0, band.getDouble(3, 3));
        assertEquals(2.0, band.getDouble(3, 6));
        assertEquals(0.0, band.getDouble(3, 9));
    }

    @Test
    void randomInitializersHaveTheirMoments() {
        RandomState rng = new RandomState(3);
        Tensor n = new Normal(0.5, 0.01, rng).init(200, 100);
        assertEquals(0.5, mean(n).item(), 1e-3);
        assertEquals(0.01, std(n).item(), 5e-4);
        Tensor u = new Uniform(-1, 3, rng).init(20000);
        assertTrue(min(u).item() >= -1 && max(u).item() < 3);
        assertEquals(1.0, mean(u).item(), 0.05);
        for (VarianceScaling.Distribution d : VarianceScaling.Distribution.values()) {
            Tensor k = new VarianceScaling(2, VarianceScaling.Mode.FAN_IN, d, rng).init(400, 300);
            assertEquals(2.0 / 400, var(k).item(), 2.0 / 400 * 0.05, "Kaiming variance 2/fan_in with " + d);
        }
        assertEquals(2.0 / 700, var(VarianceScaling.Family.xavierUniform().init(400, 300)).item(), 2.0 / 700 * 0.05);
        assertEquals(Shape.of(3, 3, 8, 16), VarianceScaling.Family.kaimingNormal(1).init(3, 3, 8, 16).shape());
        Tensor q = new Orthogonal(1, rng).init(new int[] {6, 4}, DType.F64);
        assertTrue(allclose(matmul(q.T(), q), eye(4).astype(DType.F64), 1e-10, 1e-10), "orthonormal columns");
        Tensor wide = new Orthogonal(2, rng).init(new int[] {3, 7}, DType.F64);
        assertTrue(allclose(matmul(wide, wide.T()), eye(3).astype(DType.F64).mul(4), 1e-10, 1e-10), "orthogonal rows scaled by 2");
    }

    @Test
    void parameterSpecificationsJ5J6() {
        assertEquals(scalar(120), Params.init(120.0, 5), "numbers stay scalars (HH(5).gNa == 120)");
        assertEquals(full(new int[] {5}, 50), Params.init(new OneInit(50), 5));
        assertEquals(Shape.of(20, 30), Params.init((Function<int[], Tensor>) s -> ones(s), 20, 30).shape());
        assertEquals(Shape.of(10, 50), Params.init(new Normal(0.01), 10, 50).shape());
        assertNull(Params.init(null, 20), "a null specification means absent (no bias)");
        assertEquals(arange(4), Params.init(new Variable(arange(4), "v"), 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Params.init(ones(3), 5));
        assertTrue(e.getMessage().contains("(3,)") && e.getMessage().contains("(5,)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Params.init("tau", 5));
    }
}
