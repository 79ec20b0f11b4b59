package org.braindyn.train;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.linalg.Linalg;
import org.braindyn.nn.Dense;
import org.braindyn.nn.LinearReadout;
import org.braindyn.nn.Reservoir;
import org.braindyn.nn.Sequential;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ridge against its closed form, blocked accumulation against one shot, reservoir fits, teacher forcing and errors. */
class OfflineTrainerTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double maxRel(Tensor want, Tensor got) {
        double scale = max(abs(want)).item();
        return max(abs(want.sub(got))).item() / scale;
    }

    /** {@code pinv(XᵀX + βI)·XᵀY} with X = [1, x], computed directly. */
    static Tensor closedForm(Tensor x2, Tensor y2, double beta) {
        Tensor x = concatenate(1, ones(x2.dim(0), 1).astype(DType.F64), x2);
        Tensor a = matmul(x.transpose(), x).add(eye(x.dim(1)).astype(DType.F64).mul(beta));
        return matmul(Linalg.pinv(a), matmul(x.transpose(), y2));
    }

    @Test
    void ridgeEqualsItsClosedFormAndBlocksEqualOneShot() {
        Config.enableX64();
        RandomState rng = new RandomState(1);
        Tensor xs = rng.normal(0, 1, 1, 300, 6).astype(DType.F64);
        Tensor ys = matmul(xs, rng.normal(0, 1, 6, 2).astype(DType.F64)).add(rng.normal(0, 0.1, 1, 300, 2).astype(DType.F64)).add(0.7);
        Tensor want = closedForm(xs.reshape(300, 6), ys.reshape(300, 2), 1e-3);
        Dense o = LinearReadout.builder(6, 2).build();
        Sequential model = Sequential.of(o);
        RidgeTrainer.of(model, 1e-3).fit(xs, ys, true);
        Tensor oneShot = o.fitted();
        assertTrue(maxRel(want, oneShot) < 1e-10, "closed form: " + maxRel(want, oneShot));
        new OfflineTrainer(model, new OfflineMethod.Ridge(1e-3)).chunkSteps(7).fit(xs, ys, true);
        assertTrue(maxRel(oneShot, o.fitted()) < 1e-12, "blocked (chunks of 7 steps) vs one shot: " + maxRel(oneShot, o.fitted()));
        assertTrue(allclose(matmul(xs, o.W.value()).add(o.b.value()), model.predict(xs, true), 1e-12, 1e-12));
    }

    @Test
    void gramSumsEqualTheFullProductsAcrossBlocks() {
        Config.enableX64();
        RandomState rng = new RandomState(2);
        Tensor x = rng.normal(0, 1, 700, 300).astype(DType.F64), y = rng.normal(0, 1, 700, 3).astype(DType.F64);
        Gram g = new Gram(300, 3);
        g.add(x.get(":123"), y.get(":123"));
        g.add(x.get("123:"), y.get("123:"));
        assertEquals(700, g.rows());
        assertTrue(maxRel(matmul(x.transpose(), x), g.xtx()) < 1e-13);
        assertTrue(maxRel(matmul(x.transpose(), y), g.xty()) < 1e-13);
        // an implicit leading column of ones, sizes that are not multiples of the 6 × 16 tiles, 300 rows (two depth blocks)
        Tensor x1 = x.get(":300, :37").contiguous(), y1 = y.get(":300").contiguous();
        Tensor full = concatenate(1, ones(300, 1).astype(DType.F64), x1);
        Gram g1 = new Gram(38, 3);
        g1.add(x1, y1, true);
        assertTrue(maxRel(matmul(full.transpose(), full), g1.xtx()) < 1e-13);
        assertTrue(maxRel(matmul(full.transpose(), y1), g1.xty()) < 1e-13);
    }

    @Test
    void gramSharedAmongCoresIsTheSameBitsAsOneCore() {
        Config.enableX64();
        RandomState rng = new RandomState(5);
        Tensor x = rng.normal(0, 1, 800, 301).astype(DType.F64), y = rng.normal(0, 1, 800, 2).astype(DType.F64);
        assertTrue(301L * 301 * 800 >= 1L << 26, "large enough for Syrk to split its panels");
        boolean before = Config.parallelKernels();
        try {
            double[][] g = new double[2][];
            for (int t = 0; t < 2; t++) {
                Config.setParallelKernels(t == 1);
                Gram gram = new Gram(302, 2);
                gram.add(x, y, true);
                g[t] = gram.xtx().toDoubleArray();
            }
            assertArrayEquals(g[0], g[1], 0.0, "panels shared among cores: same sums in the same order");
            Tensor full = concatenate(1, ones(800, 1).astype(DType.F64), x);
            assertTrue(maxRel(matmul(full.transpose(), full), Tensor.wrap(DType.F64, org.braindyn.tensor.Shape.of(302, 302), g[1])) < 1e-13);
        } finally {
            Config.setParallelKernels(before);
        }
    }

    @Test
    void defaultChunksHoldAbout4MBOfStatesInWholeBlocksOf256Rows() {
        assertEquals(256, OfflineTrainer.defaultChunk(100_000, 1, 2000), "2,000 features: 262 steps fit, rounded to 256");
        assertEquals(5120, OfflineTrainer.defaultChunk(100_000, 1, 100), "100 features: 5,190 rounded down to 5,120");
        assertEquals(64, OfflineTrainer.defaultChunk(100_000, 4, 2000), "a batch of 4: 64 steps are 256 rows");
        assertEquals(700, OfflineTrainer.defaultChunk(700, 1, 100), "never more than the run");
        assertEquals(1, OfflineTrainer.defaultChunk(10, 1, 1 << 20), "at least one step");
        for (int f : new int[] {10, 400, 2000, 5000}) {
            int c = OfflineTrainer.defaultChunk(1_000_000, 1, f);
            assertTrue((long) c * (f + 1) <= 1 << 19, f + " features: " + c + " steps stay within the budget");
            if (c >= 256) assertEquals(0, c % 256, f + " features: whole blocks");
        }
    }

    @Test
    void normalEquationsBesideTheRunGiveTheSameReadout() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Runtime.getRuntime().availableProcessors() >= 2, "needs two cores to overlap");
        Config.enableX64();
        Tensor s = sin(arange(801).astype(DType.F64).mul(0.1)).reshape(1, 801, 1);
        boolean before = Config.parallelKernels();
        try {
            double[][] w = new double[3][];
            boolean[] overlapped = new boolean[3];
            for (int t = 0; t < 3; t++) {
                Config.setParallelKernels(t >= 1);
                Naming.clearNameCache();
                Reservoir r = Reservoir.builder(1, 120).spectralRadius(0.9).ffConnectivity(1).seed(6).build();
                Dense o = LinearReadout.builder(120, 1).build();
                OfflineTrainer tr = new OfflineTrainer(Sequential.of(r, o), new OfflineMethod.Ridge(1e-8)).chunkSteps(64).gramBesideRun(t == 2);
                tr.fit(s.get(":, :800"), s.get(":, 1:801"), true);
                w[t] = o.fitted().reshape(-1).toDoubleArray();
                overlapped[t] = tr.lastOverlapped();
            }
            assertFalse(overlapped[0], "one core: the sums follow each chunk");
            assertFalse(overlapped[1], "by default the sums follow each chunk, on every core");
            assertTrue(overlapped[2], "asked for, on two cores: the sums run beside the next chunk");
            assertArrayEquals(w[0], w[1], 0.0, "same sums in the same order: the same readout");
            assertArrayEquals(w[0], w[2], 0.0, "same sums in the same order beside the run: the same readout");
        } finally {
            Config.setParallelKernels(before);
        }
    }

    @Test
    void aReservoirLearnsOneStepAheadPredictionOfASine() {
        Config.enableX64();
        Tensor s = sin(arange(1201).astype(DType.F64).mul(0.1)).reshape(1, 1201, 1);
        Reservoir r = Reservoir.builder(1, 100).spectralRadius(0.9).ffConnectivity(1).seed(3).build();
        Sequential esn = Sequential.of(r, LinearReadout.builder(100, 1).build());
        OfflineTrainer t = RidgeTrainer.of(esn, 1e-8);
        esn.predict(s.get(":, :200"), true);
        t.fit(s.get(":, 200:1000"), s.get(":, 201:1001"));
        Tensor p = t.predict(s.get(":, 1000:1200"), false);
        double mse = mean(square(p.sub(s.get(":, 1001:1201")))).item();
        assertTrue(mse < 1e-6, "test MSE " + mse);
    }

    @Test
    void teacherForcingFeedsTheTargetsBackWhileFitting() {
        Config.enableX64();
        // readout fed back into itself: y(t) = w·x(t) + v·y_target(t − 1) + b; the fit must find w = 2, v = 0.5, b = 0.1
        RandomState rng = new RandomState(4);
        Tensor x = rng.normal(0, 1, 1, 200, 1).astype(DType.F64);
        double[] xv = x.reshape(-1).toDoubleArray(), yv = new double[200];
        double prev = 0;
        for (int t = 0; t < 200; t++) { yv[t] = 2 * xv[t] + 0.5 * prev + 0.1; prev = yv[t]; }
        Dense o = LinearReadout.builder(1, 1).build();
        Sequential m = Sequential.of(o).feedback(o, o);
        new OfflineTrainer(m, new OfflineMethod.Linear()).fit(x, array(yv).reshape(1, 200, 1), true);
        assertArrayEquals(new double[] {0.1, 2, 0.5}, o.fitted().reshape(-1).toDoubleArray(), 1e-9);
    }

    @Test
    void logisticRegressionFitsAReadoutThroughTheTrainer() {
        Config.enableX64();
        RandomState rng = new RandomState(9);
        Tensor xs = rng.normal(0, 1, 1, 400, 2).astype(DType.F64);
        double[] xv = xs.reshape(-1).toDoubleArray(), yv = new double[400];
        for (int i = 0; i < 400; i++) yv[i] = 2 * xv[2 * i] - xv[2 * i + 1] + 0.3 > 0 ? 1 : 0;
        Dense o = LinearReadout.builder(2, 1).build();
        new OfflineTrainer(Sequential.of(o), new OfflineMethod.Logistic(0.1, 50)).fit(xs, array(yv).reshape(1, 400, 1), true);
        Tensor p = Sequential.of(o).predict(xs, true).reshape(-1);
        int right = 0;
        for (int i = 0; i < 400; i++) right += (p.getDouble(i) > 0) == (yv[i] == 1) ? 1 : 0;
        assertTrue(right >= 390, right + " of 400 on the right side of the decision boundary");
    }

    @Test
    void badInputsAreClearErrors() {
        Config.enableX64();
        Sequential m = Sequential.of(LinearReadout.builder(3, 2).build());
        OfflineTrainer t = RidgeTrainer.of(m, 1e-6);
        String e1 = assertThrows(IllegalArgumentException.class, () -> t.fit(zeros(1, 50, 3), zeros(1, 49, 2))).getMessage();
        assertTrue(e1.contains("length 49") && e1.contains("length 50"), e1);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> t.fit(zeros(1, 50, 3), zeros(1, 50, 3))).getMessage().contains("(batch, time, 2)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RidgeTrainer.of(m, -1)).getMessage().contains("Ridge.beta: must be finite and >= 0; got -1.0"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new OfflineTrainer(m, new OfflineMethod.Polynomial(2))).getMessage().contains("Regression.fit"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> OfflineMethod.of("ridgee")).getMessage().contains("supported: ridge"));
        Sequential notDense = Sequential.of(Reservoir.builder(1, 5).seed(1).build());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> RidgeTrainer.of(notDense, 1)).getMessage().contains("must be a Dense readout"));
    }
}
