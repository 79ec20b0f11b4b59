package org.braindyn.inputs;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The input helpers of SPEC §1.23: shapes, values and the statistics of the noise processes. */
class InputsTest {
    @Test
    void sectionAndConstantInputs() {
        Tensor s = Inputs.sectionInput(new Tensor[] {scalar(0), ones(10), new org.braindyn.random.RandomState(1).random(3, 10)},
                new double[] {100, 300, 100}, 0.1);
        assertEquals(Shape.of(5000, 3, 10), s.shape(), "heterogeneous sections broadcast");
        assertEquals(0.0, s.getDouble(999, 2, 9));
        assertEquals(1.0, s.getDouble(1000, 0, 0));
        assertEquals(1.0, s.getDouble(3999, 2, 5));
        Inputs.Constant c = Inputs.constantInput(new double[][] {{0, 10}, {1.5, 20}}, 0.1);
        assertEquals(30.0, c.duration());
        assertEquals(Shape.of(300), c.current().shape());
        assertEquals(1.5, c.current().getDouble(150));
        assertThrows(IllegalArgumentException.class, () -> Inputs.sectionInput(new Tensor[] {scalar(0)}, new double[] {1, 2}, 0.1));
    }

    @Test
    void pulsesAndRamps() {
        Tensor sp = Inputs.spikeInput(new double[] {10, 20, 30}, 1, 0.5, 40, 0.1);
        assertEquals(400, sp.size());
        assertEquals(3 * 10 * 0.5, sum(sp).item(), 1e-5, "three pulses of 1 ms at 0.5");
        Tensor r = Inputs.rampInput(0, 1, 100, 20, 80, 0.1);
        assertEquals(0.0, r.getDouble(199));
        assertEquals(0.0, r.getDouble(200), 1e-7);
        assertEquals(1.0, r.getDouble(799), 1e-6);
        assertEquals(0.0, r.getDouble(800));
    }

    @Test
    void noiseProcessesHaveTheirMoments() {
        Tensor w = Inputs.wienerProcess(1000, 0.1, 20, 0, 1000, 3);
        assertEquals(Shape.of(10000, 20), w.shape());
        assertEquals(0.1, var(w).item(), 0.005, "dW ~ N(0, dt)");
        Tensor ou = Inputs.ouProcess(1.0, 0.5, 10, 2000, 0.1, 50, 0, 2000, 4);
        Tensor late = ou.get("10000:");
        assertEquals(1.0, mean(late).item(), 0.1, "stationary mean");
        assertEquals(0.25 * 10 / 2, var(late).item(), 0.25, "stationary variance σ²τ/2");
    }

    @Test
    void periodicInputs() {
        Tensor sin = Inputs.sinusoidalInput(2, 10, 200, 0.1, 0, 200, false);     // 10 Hz: period 100 ms
        assertEquals(2.0, sin.getDouble(250), 1e-5, "peak a quarter period in");
        assertEquals(0.0, sin.getDouble(1000), 1e-5);
        Tensor biased = Inputs.sinusoidalInput(2, 10, 200, 0.1, 0, 200, true);
        assertEquals(4.0, max(biased).item(), 1e-4);
        Tensor sq = Inputs.squareInput(1, 10, 200, 0.1, 0, 200, false);
        assertEquals(1.0, sq.getDouble(100));
        assertEquals(-1.0, sq.getDouble(600));
    }
}
