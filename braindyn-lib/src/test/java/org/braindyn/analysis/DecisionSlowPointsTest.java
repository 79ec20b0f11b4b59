package org.braindyn.analysis;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** SPEC R9: the decision-model variant's three fixed points, by the aux-rank phase plane and by the gradient-descent slow-point finder. */
class DecisionSlowPointsTest {
    static final VectorField DM = Models.decisionMaking(0.06, 0.3725, -0.1137, 0.00117, 0.3297);
    static final double[][] EXPECTED = {{0.013947, 0.65739}, {0.28276, 0.40635}, {0.70045, 0.004864}};
    static final String[] KIND = {"stable node", "saddle node", "stable node"};

    @Test
    void auxRankPhasePlaneFindsTheThreePoints() {
        Setup s = Setup.of(DM).targetVar("s1", 0, 1).targetVar("s2", 0, 1).par("coh", 0.5).par("mu", 20).resolutions(0.001).log(null).build();
        List<FixedPoint> fps = new PhasePlane2D(s).fixedPoints(Candidates.AUX_RANK, 100, 1e-2, 1e-8);
        assertEquals(3, fps.size(), fps.toString());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(EXPECTED[i], fps.get(i).x(), 2e-5, "point " + i);
            assertEquals(KIND[i], fps.get(i).stability());
        }
    }

    @Test
    void gradientDescentFinderKeepsMostCandidatesAndThreeUniquePoints() {
        java.util.function.UnaryOperator<Tensor> cell = x -> {
            Tensor[] f = DM.derivative().apply(new Tensor[] {x.get(":, 0"), x.get(":, 1")}, 0, new Tensor[] {scalar(0.5, DType.F64), scalar(20, DType.F64)});
            return stack(1, f[0], f[1]);
        };
        Tensor cand = new RandomState(7).random(1000, 2).astype(DType.F64);
        SlowPointFinder sf = new SlowPointFinder(cell, SlowPointFinder.Type.CONTINUOUS, null);
        sf.findFpsWithGdMethod(cand, 1e-5, 200, 10_000, 0.01, 0.9999);
        sf.filterLoss(1e-5);
        int kept = sf.fixedPoints().dim(0);
        assertTrue(kept > 800, "most random candidates reach a fixed point: " + kept + " of 1000 (BrainPy: 962)");
        sf.keepUnique(0.025);
        Tensor fps = sf.fixedPoints();
        assertEquals(3, fps.dim(0), fps.toString());
        double[][] got = new double[3][];
        for (int k = 0; k < 3; k++) got[k] = new double[] {fps.getDouble(k, 0), fps.getDouble(k, 1)};
        Arrays.sort(got, (a, b) -> Double.compare(a[0], b[0]));
        for (int i = 0; i < 3; i++) assertArrayEquals(EXPECTED[i], got[i], 0.01, "point " + i + " (gradient descent stops at loss 1e-5)");
    }
}
