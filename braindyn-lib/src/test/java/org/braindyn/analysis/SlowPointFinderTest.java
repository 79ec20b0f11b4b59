package org.braindyn.analysis;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The slow-point finder recovers known fixed points: a linear system, and a 2-D system with a saddle. */
class SlowPointFinderTest {
    /** dx/dt = A (x − c): the only fixed point is c; the Jacobian is A. */
    @Test
    void recoversTheFixedPointOfALinearSystemWithBothSolvers() {
        double[][] a = {{-1, 0.5, 0}, {0, -2, 0.3}, {0.2, 0, -0.5}};
        Tensor at = array(a).astype(DType.F64).transpose(), c = array(new double[] {0.3, -1.2, 2.0});
        java.util.function.UnaryOperator<Tensor> f = x -> matmul(x.sub(c), at);
        Tensor cand = new RandomState(3).normal(0, 2, 50, 3).astype(DType.F64);
        for (int solver = 0; solver < 2; solver++) {
            SlowPointFinder sf = new SlowPointFinder(f, SlowPointFinder.Type.CONTINUOUS, null);
            if (solver == 0) sf.findFpsWithOptSolver(cand, 1e-12, 500);
            else sf.findFpsWithGdMethod(cand, 1e-12, 200, 20_000, 0.05, 0.9995);
            sf.filterLoss(1e-10);
            sf.keepUnique(0.025);
            assertEquals(1, sf.fixedPoints().dim(0), "solver " + solver);
            double[] p = sf.fixedPoints().toDoubleArray();
            for (int i = 0; i < 3; i++) assertEquals(c.getDouble(i), p[i], 1e-5, "solver " + solver + " coordinate " + i);
            Tensor j = sf.computeJacobians(sf.fixedPoints());
            for (int r = 0; r < 3; r++) for (int q = 0; q < 3; q++) assertEquals(a[r][q], j.getDouble(0, r, q), 1e-12);
        }
    }

    /** dx/dt = x − x³, dy/dt = −y: stable nodes at (±1, 0) and a saddle at (0, 0). */
    @Test
    void findsTheStableNodesAndTheSaddleOfATwoDimensionalSystem() {
        java.util.function.UnaryOperator<Tensor> f = s -> {
            Tensor x = s.get(":, 0:1"), y = s.get(":, 1:2");
            return concatenate(1, x.sub(x.pow(3)), y.neg());
        };
        double[] init = new double[2 * 41];
        for (int k = 0; k < 41; k++) { init[2 * k] = -2 + 0.1 * k; init[2 * k + 1] = 0.5; }
        SlowPointFinder sf = new SlowPointFinder(f, SlowPointFinder.Type.CONTINUOUS, null);
        sf.findFpsWithOptSolver(array(init).reshape(41, 2), 1e-12, 500);
        sf.filterLoss(1e-12);
        sf.keepUnique(0.025);
        Tensor fps = sf.fixedPoints();
        assertEquals(3, fps.dim(0), fps.toString());
        double[] xs = {fps.getDouble(0, 0), fps.getDouble(1, 0), fps.getDouble(2, 0)};
        java.util.Arrays.sort(xs);
        assertArrayEquals(new double[] {-1, 0, 1}, xs, 1e-6);
        List<SlowPointFinder.Eigen> eig = SlowPointFinder.decomposeEigenvalues(sf.computeJacobians(fps), "real");
        for (int k = 0; k < 3; k++) {
            double x = fps.getDouble(k, 0);
            String kind = Stability.of(new double[][] {{1 - 3 * x * x, 0}, {0, -1}});
            if (Math.abs(x) < 1e-6) { assertEquals("saddle node", kind); assertEquals(1, eig.get(k).re()[0], 1e-6, "the saddle's unstable direction"); }
            else { assertEquals("stable node", kind); assertTrue(eig.get(k).re()[0] < 0); }
        }
    }

    @Test
    void discreteMapsUseTheDistanceToTheirImageAndBadInputIsRefused() {
        SlowPointFinder sf = new SlowPointFinder(x -> x.mul(0.5).add(1), SlowPointFinder.Type.DISCRETE, null);   // x* = 2
        sf.findFpsWithOptSolver(array(new double[] {-3, 0, 7}).reshape(3, 1), 1e-12, 500);
        sf.filterLoss(1e-12);
        sf.keepUnique(0.025);
        assertEquals(2, sf.fixedPoints().getDouble(0, 0), 1e-7);
        var e = assertThrows(IllegalArgumentException.class, () -> sf.findFpsWithOptSolver(zeros(3)));
        assertTrue(e.getMessage().contains("(batch, dim)"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> new SlowPointFinder(x -> x, SlowPointFinder.Type.DISCRETE, null).filterLoss(1));
        var sort = assertThrows(IllegalArgumentException.class, () -> SlowPointFinder.decomposeEigenvalues(zeros(1, 2, 2), "size"));
        assertTrue(sort.getMessage().contains("magnitude"), sort.getMessage());
    }

    @Test
    void stabilityClassesFromHandBuiltJacobiansCoverEveryName() {
        assertEquals("stable point", Stability.of(new double[][] {{-1}}));
        assertEquals("unstable point", Stability.of(new double[][] {{2}}));
        assertEquals("saddle node", Stability.of(new double[][] {{0}}));
        Object[][] twoD = {
            {new double[][] {{1, 0}, {0, -1}}, "saddle node"}, {new double[][] {{-1, 0}, {0, 0}}, "center manifold"},
            {new double[][] {{1, 0}, {0, 0}}, "unstable line"}, {new double[][] {{0, 1}, {-1, 0}}, "center"},
            {new double[][] {{-1, 2}, {-2, -1}}, "stable focus"}, {new double[][] {{-1, 0}, {0, -2}}, "stable node"},
            {new double[][] {{-1, 0}, {0, -1}}, "stable star"}, {new double[][] {{-1, 1}, {0, -1}}, "stable degenerate"},
            {new double[][] {{1, 2}, {-2, 1}}, "unstable focus"}, {new double[][] {{1, 0}, {0, 2}}, "unstable node"},
            {new double[][] {{1, 0}, {0, 1}}, "unstable star"}, {new double[][] {{1, 1}, {0, 1}}, "unstable degenerate"}};
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Object[] c : twoD) { assertEquals(c[1], Stability.of((double[][]) c[0])); seen.add((String) c[1]); }
        assertEquals(new java.util.HashSet<>(Stability.types2D()), seen, "every 2-D class is covered");
        Object[][] threeD = {
            {new double[][] {{-1, 0, 0}, {0, -2, 0}, {0, 0, -3}}, "stable node"}, {new double[][] {{1, 0, 0}, {0, 2, 0}, {0, 0, 3}}, "unstable node"},
            {new double[][] {{1, 0, 0}, {0, -2, 0}, {0, 0, -3}}, "unstable saddle"}, {new double[][] {{0, 0, 0}, {0, -2, 0}, {0, 0, -3}}, "unclassified stable point"},
            {new double[][] {{0, 0, 0}, {0, 2, 0}, {0, 0, -3}}, "unclassified unstable point"}, {new double[][] {{-1, 0, 0}, {0, -1, 2}, {0, -2, -1}}, "stable focus"},
            {new double[][] {{-1, 0, 0}, {0, 1, 2}, {0, -2, 1}}, "unstable focus"}, {new double[][] {{-1, 0, 0}, {0, 0, 1}, {0, -1, 0}}, "unstable center"},
            {new double[][] {{Double.NaN, 0, 0}, {0, 0, 1}, {0, -1, 0}}, "unknown 3d"}};
        seen.clear();
        for (Object[] c : threeD) { assertEquals(c[1], Stability.of((double[][]) c[0]), java.util.Arrays.deepToString((double[][]) c[0])); seen.add((String) c[1]); }
        assertEquals(new java.util.HashSet<>(Stability.types3D()), seen, "every 3-D class is covered");
        assertThrows(IllegalArgumentException.class, () -> Stability.of(new double[4][4]));
    }

    /** A model's own update as the cell: a Leaky group with a constant drive relaxes to x* = drive/(1 − e^(−dt/τ)). */
    @Test
    void aModelsDiscreteUpdateIsACellAndTheModelIsLeftAsItWas() {
        class Driven extends org.braindyn.dyn.Network {
            final org.braindyn.dyn.neurons.Leaky leaky = new org.braindyn.dyn.neurons.Leaky(null, 3, 10);
            Driven() { super(null); }
            @Override public Tensor update(Tensor... in) { leaky.input.set(full(new int[] {3}, 0.5)); return leaky.update(); }
        }
        Driven net = new Driven();
        Tensor before = net.leaky.x.value();
        SlowPointFinder sf = new SlowPointFinder(SlowPointFinder.stepOf(net, net.leaky.x, 1.0), SlowPointFinder.Type.DISCRETE, null);
        sf.findFpsWithOptSolver(new RandomState(2).normal(0, 3, 5, 3).astype(DType.F64), 1e-9, 200);
        sf.filterLoss(1e-8);
        sf.keepUnique(0.025);
        assertEquals(1, sf.fixedPoints().dim(0));
        double e = Math.exp(-0.1), expected = 0.5 / (1 - e);
        double got = sf.fixedPoints().getDouble(0, 0);
        assertEquals(expected, got, 1e-3, "x* of x ↦ x·e^(−dt/τ) + 0.5 (float32 state)");
        assertSame(before, net.leaky.x.value(), "the model's state is restored");
        var bad = assertThrows(IllegalArgumentException.class, () -> SlowPointFinder.stepOf(net, new org.braindyn.state.Variable(zeros(3)), 1.0));
        assertTrue(bad.getMessage().contains("is not a variable of"), bad.getMessage());
    }

    @Test
    void excludeOutliersDropsIsolatedPoints() {
        SlowPointFinder sf = new SlowPointFinder(x -> x.mul(0), SlowPointFinder.Type.CONTINUOUS, null);   // every point is fixed
        sf.findFpsWithOptSolver(array(new double[] {0, 0.1, 0.2, 5}).reshape(4, 1), 1e-9, 10);
        sf.excludeOutliers(1.0);
        assertArrayEquals(new double[] {0, 0.1, 0.2}, sf.fixedPoints().toDoubleArray(), 1e-12);
        assertArrayEquals(new int[] {0, 1, 2}, sf.selectedIds());
    }
}
