package org.braindyn.dyn.rates;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.state.Naming;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Delayed diffusive and additive couplings against hand-computed sums, compiled = eager, errors. */
class CouplingTest {
    @AfterEach void back() { Naming.clearNameCache(); }

    static final double[][] C = {{0, 0.5, 2}, {1, 0, 0}, {0.25, 3, 0}};   // C[j][i]: from j to i
    static final double[][] D = {{0, 2, 1}, {3, 0, 0}, {1, 0, 2}};        // steps

    static Tensor m(double[][] a) { return BM.array(a).astype(DType.F32); }

    /** x_j at step k: a known sequence; before the run the history holds {@code init}. */
    static double x(int j, int k, double init) { return k < 0 ? init : 1 + j + 0.1 * k * (j + 1); }

    @Test
    void diffusiveAndAdditiveSumsUseTheDelayedValues() {
        Variable src = new Variable(BM.zeros(Shape.of(3), DType.F32)), tgtD = new Variable(BM.zeros(Shape.of(3), DType.F32)),
                tgtA = new Variable(BM.zeros(Shape.of(3), DType.F32));
        DiffusiveCoupling dc = new DiffusiveCoupling(null, src, tgtD, m(C), m(D), 0.7);
        AdditiveCoupling ac = new AdditiveCoupling(null, src, tgtA, m(C), m(D), 0.7);
        for (int k = 0; k < 6; k++) {
            float[] now = new float[3];
            for (int j = 0; j < 3; j++) now[j] = (float) x(j, k, 0.7);
            src.set(Tensor.wrap(DType.F32, Shape.of(3), now));
            tgtD.fill(0);
            tgtA.fill(0);
            dc.update();
            ac.update();
            for (int i = 0; i < 3; i++) {
                double diff = 0, add = 0;
                for (int j = 0; j < 3; j++) {
                    double delayed = x(j, k - (int) D[j][i], 0.7);
                    diff += C[j][i] * (delayed - x(i, k, 0.7));
                    add += C[j][i] * delayed;
                }
                assertEquals(diff, tgtD.value().getDouble(i), 1e-5, "diffusive, step " + k + ", node " + i);
                assertEquals(add, tgtA.value().getDouble(i), 1e-5, "additive, step " + k + ", node " + i);
            }
        }
    }

    static final class Brain extends Network {
        final FHN nodes;
        final DiffusiveCoupling coupling;

        Brain() {
            super(null);
            nodes = FHN.builder(3).xOu(0, 0.05, 5).yOu(0, 0.05, 5).noiseSeed(4).build();
            coupling = new DiffusiveCoupling(null, nodes.x, nodes.input, m(C), m(D), new org.braindyn.init.Uniform(0, 0.05, new org.braindyn.random.RandomState(2)));
        }
    }

    @Test
    void aCoupledNoisyNetworkRunsCompiledExactlyAsEager() {
        Brain e = new Brain(), c = new Brain();
        DSRunner re = new DSRunner(e, List.of("nodes.x"), 0.1).input("nodes.input", 0.72).progress(null);
        DSRunner rc = new DSRunner(c, List.of("nodes.x"), 0.1).input("nodes.input", 0.72).progress(null).jit(true);
        re.run(200);
        rc.run(200);
        assertArrayEquals(re.mon("nodes.x").toFloatArray(), rc.mon("nodes.x").toFloatArray(), 1e-4f);
        Tensor xs = re.mon("nodes.x");
        assertTrue(Math.abs(xs.getDouble(1999, 0) - xs.getDouble(1999, 1)) > 1e-3, "the noise and the coupling make the nodes differ");
    }

    @Test
    void wilsonCowanTakesTheSameNoiseOptions() {
        WilsonCowan quiet = WilsonCowan.builder(2).build(), noisy = WilsonCowan.builder(2).xOu(0, 0.2, 5).noiseSeed(3).build();
        DSRunner rq = new DSRunner(quiet, List.of("x"), 0.1).progress(null), rn = new DSRunner(noisy, List.of("x"), 0.1).progress(null).jit(true);
        rq.run(50);
        rn.run(50);
        assertEquals(rq.mon("x").getDouble(499, 0), rq.mon("x").getDouble(499, 1), 0, "identical units without noise");
        assertNotEquals(rn.mon("x").getDouble(499, 0), rn.mon("x").getDouble(499, 1), "independent noise per unit");
    }

    @Test
    void badShapesAndDelaysAreRefused() {
        Variable src = new Variable(BM.zeros(Shape.of(3), DType.F32)), tgt = new Variable(BM.zeros(Shape.of(3), DType.F32));
        var e = assertThrows(IllegalArgumentException.class, () -> new DiffusiveCoupling("c", src, tgt, BM.ones(2, 2), null, 0.0));
        assertTrue(e.getMessage().contains("DiffusiveCoupling 'c'.connMat: expected shape (3, 3)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdditiveCoupling(null, src, tgt, BM.ones(3, 3), BM.full(Shape.of(3, 3), 1.5, DType.F32), 0.0));
        assertTrue(e.getMessage().contains(".delaySteps: must be whole steps >= 0; got 1.5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new AdditiveCoupling(null, src, new Variable(BM.zeros(Shape.of(4), DType.F32)), BM.ones(3, 3), null, 0.0));
        assertTrue(e.getMessage().contains("expected (3,)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> FHN.builder(2).xOu(0, 0.1, -5).build());
        assertTrue(e.getMessage().contains("FHN.xOu: OUProcess.tau: must be > 0 ms"), e.getMessage());
    }
}
