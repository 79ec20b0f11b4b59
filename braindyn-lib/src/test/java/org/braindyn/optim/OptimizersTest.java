package org.braindyn.optim;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.braindyn.state.TrainVar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every optimizer's first three updates against its rule written out by hand on scalars (one row per optimizer),
 * rules that must differ do, schedules at chosen steps, clipping, weight decay and state that continues exactly.
 */
class OptimizersTest {
    static final double[] G = {0.5, -1.5, 2.0};
    static final double P0 = 1.0;

    /** A hand-written scalar rule: state array in, parameter updated; {@code k} is the update number from 1. */
    interface Rule { double step(double p, double g, int k, double[] s); }

    static Stream<Arguments> rows() {
        double lr = 0.1;
        return Stream.of(
                row("SGD", vs -> new Sgd(lr, vs), (p, g, k, s) -> p - lr * g),
                row("Momentum", vs -> new Momentum(lr, vs), (p, g, k, s) -> { s[0] = 0.9 * s[0] - lr * g; return p + s[0]; }),
                row("MomentumNesterov", vs -> Momentum.nesterov(lr, vs), (p, g, k, s) -> { s[0] = 0.9 * s[0] - lr * g; return p + 0.9 * s[0] - lr * g; }),
                row("Adagrad", vs -> new Adagrad(lr, vs), (p, g, k, s) -> { s[0] += g * g; return p - lr * g / Math.sqrt(s[0] + 1e-6); }),
                row("Adadelta", Adadelta::new, (p, g, k, s) -> {
                    s[0] = 0.95 * s[0] + 0.05 * g * g;
                    double u = g * Math.sqrt(s[1] + 1e-6) / Math.sqrt(s[0] + 1e-6);
                    s[1] = 0.95 * s[1] + 0.05 * u * u;
                    return p - u; }),
                row("RMSProp", vs -> new RMSProp(lr, vs), (p, g, k, s) -> { s[0] = 0.9 * s[0] + 0.1 * g * g; return p - lr * g / Math.sqrt(s[0] + 1e-6); }),
                row("Adam", vs -> new Adam(lr, vs), (p, g, k, s) -> {
                    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
                    return p - lr * (s[0] / (1 - Math.pow(0.9, k))) / (Math.sqrt(s[1] / (1 - Math.pow(0.999, k))) + 1e-8); }),
                row("AdamW", vs -> Adam.w(lr, 0.01, vs), (p, g, k, s) -> {
                    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
                    return p - lr * ((s[0] / (1 - Math.pow(0.9, k))) / (Math.sqrt(s[1] / (1 - Math.pow(0.999, k))) + 1e-8) + 0.01 * p); }),
                row("LARS", vs -> new Lars(lr, vs), (p, g, k, s) -> {
                    double pn = Math.abs(p), gn = Math.abs(g), trust = 1e-3 * pn / (gn + 1e-4 * pn + 1e-5);
                    s[0] = 0.9 * s[0] + lr * trust * (g + 1e-4 * p);
                    return p - s[0]; }),
                row("LAMB", vs -> new Lamb(lr, vs), (p, g, k, s) -> {
                    s[0] = 0.9 * s[0] + 0.1 * g; s[1] = 0.999 * s[1] + 0.001 * g * g;
                    double u = (s[0] / (1 - Math.pow(0.9, k))) / (Math.sqrt(s[1] / (1 - Math.pow(0.999, k))) + 1e-6);
                    return p - lr * Math.abs(p) / Math.abs(u) * u; }));
    }

    static Arguments row(String name, Function<List<TrainVar>, Optimizer> make, Rule rule) { return Arguments.of(name, make, rule); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void theFirstThreeUpdatesFollowTheRule(String name, Function<List<TrainVar>, Optimizer> make, Rule rule) {
        TrainVar p = new TrainVar(array(new double[] {P0}), "p");
        Optimizer opt = make.apply(List.of(p));
        double want = P0;
        double[] s = new double[2];
        for (int k = 1; k <= 3; k++) {
            opt.update(Map.of(p, array(new double[] {G[k - 1]})));
            want = rule.step(want, G[k - 1], k, s);
            assertEquals(want, p.value().getDouble(0), 1e-12 * Math.max(1, Math.abs(want)), name + " update " + k);
        }
        assertEquals(3, opt.steps());
    }

    private static double after3(Function<List<TrainVar>, Optimizer> make) {
        TrainVar p = new TrainVar(array(new double[] {P0}), "p");
        Optimizer opt = make.apply(List.of(p));
        for (double g : G) opt.update(Map.of(p, array(new double[] {g})));
        return p.value().getDouble(0);
    }

    @Test
    void rulesThatShouldDifferDo() {
        assertNotEquals(after3(vs -> new Momentum(0.1, vs)), after3(vs -> Momentum.nesterov(0.1, vs)), "Nesterov ≠ Momentum");
        assertNotEquals(after3(vs -> new Adam(0.1, vs)), after3(vs -> Adam.w(0.1, 0.01, vs)), "AdamW ≠ Adam");
        assertNotEquals(after3(vs -> new Adagrad(0.1, vs)), after3(vs -> new RMSProp(0.1, vs)), "RMSProp ≠ Adagrad");
        assertNotEquals(after3(vs -> new Sgd(0.1, vs)), after3(vs -> new Sgd(0.1, vs).weightDecay(0.5)), "weight decay changes SGD");
    }

    @Test
    void schedulesGiveTheirValuesAtChosenSteps() {
        assertEquals(0.1, new Scheduler.Constant(0.1).at(1000), 0);
        assertEquals(0.1 * Math.pow(0.5, 2.5), new Scheduler.ExponentialDecay(0.1, 4, 0.5).at(10), 1e-15);
        assertEquals(0.1 / (1 + 0.5 * 2.5), new Scheduler.InverseTimeDecay(0.1, 4, 0.5, false).at(10), 1e-15);
        assertEquals(0.1 / (1 + 0.5 * 2), new Scheduler.InverseTimeDecay(0.1, 4, 0.5, true).at(10), 1e-15);
        assertEquals((0.1 - 0.01) * Math.pow(1 - 5 / 10.0, 2) + 0.01, new Scheduler.PolynomialDecay(0.1, 10, 0.01, 2).at(5), 1e-15);
        assertEquals(0.01, new Scheduler.PolynomialDecay(0.1, 10, 0.01, 2).at(50), 1e-15);
        Scheduler.PiecewiseConstant pc = new Scheduler.PiecewiseConstant(new int[] {10, 20}, new double[] {1, 0.5, 0.1});
        assertArrayEquals(new double[] {1, 1, 0.5, 0.5, 0.1}, new double[] {pc.at(0), pc.at(10), pc.at(11), pc.at(20), pc.at(21)}, 0);
        assertEquals(0.1 * 0.01, new Scheduler.StepLR(0.1, 30, 0.1).at(65), 1e-15);
        assertEquals(0.1 * 0.1, new Scheduler.MultiStepLR(0.1, new int[] {30, 80}, 0.1).at(30), 1e-15);
        assertEquals(0.1 * 0.01, new Scheduler.MultiStepLR(0.1, new int[] {30, 80}, 0.1).at(80), 1e-15);
        Scheduler.CosineAnnealingLR cos = new Scheduler.CosineAnnealingLR(0.1, 100, 0.001);
        assertEquals(0.1, cos.at(0), 1e-15);
        assertEquals(0.001 + (0.1 - 0.001) / 2, cos.at(50), 1e-15);
        assertEquals(0.001, cos.at(100), 1e-15);
        Scheduler.CosineAnnealingWarmRestarts wr = new Scheduler.CosineAnnealingWarmRestarts(0.1, 10, 2, 0);
        assertEquals(0.1, wr.at(10), 1e-15, "restart after T0");
        assertEquals(0.05, wr.at(20), 1e-15, "middle of the second period (20 steps long)");
        assertEquals(0.1, wr.at(30), 1e-15, "restart after T0 + 2·T0");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Scheduler.PiecewiseConstant(new int[] {10}, new double[] {1})).getMessage().contains("one more value"));
    }

    @Test
    void aScheduleDrivesTheOptimizerStepByStep() {
        TrainVar p = new TrainVar(array(new double[] {0.0}), "p");
        Sgd opt = new Sgd(new Scheduler.PiecewiseConstant(new int[] {0}, new double[] {1, 0.1}), List.of(p));
        assertEquals(1, opt.lr(), 0);
        opt.update(Map.of(p, array(new double[] {1})));
        assertEquals(0.1, opt.lr(), 0);
        opt.update(Map.of(p, array(new double[] {1})));
        assertEquals(-1.1, p.value().getDouble(0), 1e-15);
    }

    @Test
    void clippingByGlobalNormAndPerLeaf() {
        TrainVar a = new TrainVar(array(new double[] {0, 0}), "a"), b = new TrainVar(array(new double[] {0}), "b");
        Sgd opt = new Sgd(1, List.of(a, b));
        opt.clipGlobalNorm(1).update(Map.of(a, array(new double[] {3, 0}), b, array(new double[] {4})));   // global norm 5 → scaled by 1/5
        assertArrayEquals(new double[] {-0.6, 0}, a.value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {-0.8}, b.value().toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.6, 0.8}, Optimizer.clipByNorm(array(new double[] {3, 4}), 1).toDoubleArray(), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.4}, Optimizer.clipByNorm(array(new double[] {0.3, 0.4}), 1).toDoubleArray(), 0);
    }

    @Test
    void stateRestoredIntoAFreshOptimizerContinuesExactly() {
        TrainVar p = new TrainVar(array(new double[] {1, -2}), "p");
        Adam a = new Adam(0.05, List.of(p));
        a.update(Map.of(p, array(new double[] {0.3, -0.1})));
        a.update(Map.of(p, array(new double[] {0.2, 0.4})));
        TrainVar q = new TrainVar(p.value(), "q");
        Adam b = new Adam(0.05, List.of(q));
        for (var e : a.states().entrySet()) b.states().get(e.getKey()).set(e.getValue().value());
        a.update(Map.of(p, array(new double[] {-0.5, 0.7})));
        b.update(Map.of(q, array(new double[] {-0.5, 0.7})));
        assertEquals(p.value(), q.value(), "bit for bit");
    }

    @Test
    void badInputIsRefused() {
        TrainVar p = new TrainVar(array(new double[] {1}), "p");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Momentum(-0.1, List.of(p))).getMessage().contains("Momentum.lr"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, List.of(p)).update(Map.of(p, zeros(3)))).getMessage().contains("expected (1,)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, List.of(p)).clipGlobalNorm(-1)).getMessage().contains("clipGlobalNorm"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(-1e-3, List.of(p))).getMessage().contains("Adam.lr: the learning rate must be finite and > 0; got -0.001"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Adam(1e-3, List.of())).getMessage().contains("no TrainVars"));
        org.braindyn.state.Variable plain = new org.braindyn.state.Variable(zeros(2), "w");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Sgd(0.1, List.of(plain))).getMessage().contains("not a TrainVar"));
        assertTrue(new Adam(1e-3, List.of(p)).states().keySet().containsAll(List.of("m.0", "v.0", "step")));
    }
}
