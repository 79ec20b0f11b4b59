package org.braindyn.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** SPEC R5, R6: FitzHugh–Nagumo bifurcations in codimension 1 and 2; Hindmarsh–Rose fast–slow analysis. */
class Bifurcation2DTest {
    /** Hopf of FHN where the trace 1 − V² − b/τ vanishes: V_H = −√(1 − b/τ), I_H = (V_H + a)/b − V_H + V_H³/3. */
    static double hopfCurrent(double a) {
        double vh = -Math.sqrt(1 - 0.8 / 12.5);
        return (vh + a) / 0.8 - vh + vh * vh * vh / 3;
    }

    @Test
    void r5CodimensionOneHopfOfFitzHughNagumo() {
        Setup s = PhasePlane2DTest.fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("Iext", 0, 1).resolution("Iext", 0.002).build();
        Bifurcation2D b = new Bifurcation2D(s);
        Bifurcation2D.Result r = b.compute(10, 1e-8, 1e-2);
        assertEquals(5000, r.candidates(), "500 parameter points × numRank 10");
        assertEquals(500, r.fixedPoints().size(), "one fixed point per parameter value");
        List<Bifurcation> hopf = r.bifurcations().stream().filter(x -> x.kind().equals("hopf")).toList();
        assertEquals(1, hopf.size(), r.bifurcations().toString());
        assertEquals(hopfCurrent(0.7), hopf.get(0).pars()[0], 0.002, "Hopf at I ≈ 0.331");
        assertTrue(r.bifurcations().stream().noneMatch(x -> x.kind().equals("fold")), "no fold: one fixed point throughout");
        List<Bifurcation2D.Cycle> cycles = b.limitCyclesBySim(r, 300, 0.05, 0.01, 0.1);
        assertFalse(cycles.isEmpty());
        for (Bifurcation2D.Cycle c : cycles) {
            assertTrue(c.pars()[0] > hopfCurrent(0.7) - 0.01, "cycles only beyond the Hopf point: " + c.pars()[0]);
            assertTrue(c.cycle().max()[0] - c.cycle().min()[0] > 1, "a relaxation oscillation");
        }
    }

    @Test
    void r5CodimensionTwoHopfCurve() {
        Setup s = PhasePlane2DTest.Setup2.codim2();
        Bifurcation2D.Result r = new Bifurcation2D(s).compute(10, 1e-9, 1e-2);
        assertEquals(50_000, r.candidates());
        assertEquals(5000, r.fixedPoints().size(), "one fixed point per (a, Iext)");
        List<Bifurcation> hopf = r.bifurcations().stream().filter(x -> x.kind().equals("hopf")).toList();
        assertTrue(hopf.size() >= 50, "the Hopf curve crosses every a column: " + hopf.size());
        for (Bifurcation h : hopf) assertEquals(hopfCurrent(h.pars()[0]), h.pars()[1], 0.011, "on I_H(a) at a = " + h.pars()[0]);
    }

    @Test
    void brentqPathAlongTheFyNullclineFindsTheSamePoints() {
        Setup s = PhasePlane2DTest.fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).targetPar("Iext", 0, 1).resolution("Iext", 0.002)
                .option(Setup.Option.Y_BY_X_IN_FY, (v, par) -> (v + par.applyAsDouble("a")) / par.applyAsDouble("b")).build();
        Bifurcation2D.Result r = new Bifurcation2D(s).compute();
        assertEquals(500, r.fixedPoints().size());
        for (FixedPoint p : r.fixedPoints()) {
            double v = p.x()[0], w = p.x()[1];
            assertEquals(0, v - v * v * v / 3 - w + p.pars()[0], 1e-10);
        }
    }

    /** R6: Hindmarsh–Rose, fast (x, y), slow z ∈ [−5, 5] at resolution 0.01 with numRank 20: 20,000 candidates; the fast subsystem folds. */
    @Test
    void r6HindmarshRoseFastSlow() {
        VectorField hr = VectorField.of((v, t, p) -> new Tensor[] {
                v[1].sub(v[0].pow(3)).add(v[0].square().mul(3)).sub(v[2]).add(p[0]),
                BM.onesLike(v[0]).sub(v[0].square().mul(5)).sub(v[1]),
                v[0].add(1.6).mul(4).sub(v[2]).mul(0.001)}, List.of("x", "y", "z"), List.of("Isyn"));
        LinkedHashMap<String, double[]> fast = new LinkedHashMap<>(), slow = new LinkedHashMap<>();
        fast.put("x", new double[] {-3, 3});
        fast.put("y", new double[] {-10, 5});
        slow.put("z", new double[] {-5, 5});
        FastSlow2D fs = new FastSlow2D(hr, fast, slow, Map.of("Isyn", 0.5), null, null);
        Setup s = fs.fastSetup();
        assertEquals(100, s.grid("z").length, "the fast–slow default resolution is 0.1");
        FastSlow2D fine = new FastSlow2D(hr, fast, slow, Map.of("Isyn", 0.5), Map.of("z", 0.01), null);
        Bifurcation2D.Result r = fine.bifurcation(20);
        assertEquals(20_000, r.candidates());
        assertTrue(r.bifurcations().stream().anyMatch(b -> b.kind().equals("fold")), "the fast subsystem's branches fold");
        Bifurcation fold = r.bifurcations().stream().filter(b -> b.kind().equals("fold")).findFirst().orElseThrow();
        // fast fixed points satisfy z = 1 + I − x³ − 2x², whose extrema (folds) are at z = 1.5 (x = 0) and z = 0.315 (x = −4/3)
        assertTrue(Math.abs(fold.pars()[0] - 1.5) < 0.02 || Math.abs(fold.pars()[0] - (1.5 + 64.0 / 27 - 32.0 / 9)) < 0.02, "fold at z = " + fold.pars()[0]);
        double[][] tr = fine.trajectory(new double[] {-1.6, -10, 2}, 1000, 0.05, Map.of("Isyn", 2.0));
        assertEquals(3, tr.length);
        assertEquals(20_001, tr[0].length);
        assertTrue(java.util.Arrays.stream(tr[0]).max().orElseThrow() > 1, "at Isyn = 2 the full system spikes");
    }
}
