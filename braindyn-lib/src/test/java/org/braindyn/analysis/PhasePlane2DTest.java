package org.braindyn.analysis;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.api.Test;

/** SPEC R4 and R7: two-variable phase planes. */
class PhasePlane2DTest {
    /** FitzHugh–Nagumo: dV/dt = V − V³/3 − w + I, dw/dt = (V + a − b w)/τ. */
    static final VectorField FHN = Models.fhn();

    static Setup.Builder fhn() { return Setup.of(FHN).par("a", 0.7).par("b", 0.8).par("tau", 12.5).log(null); }

    /** Setups shared with other tests. */
    static final class Setup2 {
        /** R5 codimension 2: a ∈ [0.5, 1], Iext ∈ [0, 1] at resolution 0.01, V, w ∈ [−3, 3] at the default resolution. */
        static Setup codim2() {
            return Setup.of(FHN).par("b", 0.8).par("tau", 12.5).log(null).targetVar("V", -3, 3).targetVar("w", -3, 3)
                    .targetPar("a", 0.5, 1).targetPar("Iext", 0, 1).resolution("a", 0.01).resolution("Iext", 0.01).build();
        }
    }

    /** R4: one fixed point near (−0.2729, 0.5339), an unstable node; the trajectory from (−2.8, −1.8) reaches a limit cycle. */
    @Test
    void r4FitzHughNagumoHasOneUnstableNodeAndALimitCycle() {
        PhasePlane2D pp = new PhasePlane2D(fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.01).build());
        List<FixedPoint> fps = pp.fixedPoints();
        assertEquals(1, fps.size(), fps.toString());
        assertEquals(-0.2738719079879798, fps.get(0).x()[0], 2e-3);
        assertEquals(0.5329731346879486, fps.get(0).x()[1], 2e-3);
        assertEquals("unstable node", fps.get(0).stability());
        var nc = pp.nullclines();
        assertTrue(nc.get(0).x().length > 100 && nc.get(1).x().length > 100);
        for (int k = 0; k < nc.get(1).x().length; k += 37)
            assertEquals((nc.get(1).x()[k] + 0.7) / 0.8, nc.get(1).y()[k], 1e-9, "the fy-nullcline is w = (V + a)/b");
        LimitCycle lc = pp.limitCycleBySim(new double[] {-2.8, -1.8}, 300, 0.01, 0.01);
        assertNotNull(lc);
        assertTrue(lc.max()[0] > 1.5 && lc.min()[0] < -1.5, "relaxation oscillation between V ≈ ±2");
        assertEquals(36, lc.period(), 6, "period of the FHN relaxation oscillation at I = 0.8 (≈ 36 time units)");
    }

    /** The closed-form nullcline option reduces the search to 1-D and finds the same point exactly. */
    @Test
    void yByXInFyOptionFindsTheSamePoint() {
        Setup s = fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.01)
                .option(Setup.Option.Y_BY_X_IN_FY, (v, par) -> (v + par.applyAsDouble("a")) / par.applyAsDouble("b")).build();
        List<FixedPoint> fps = new PhasePlane2D(s).fixedPoints();
        assertEquals(1, fps.size());
        double v = fps.get(0).x()[0], w = fps.get(0).x()[1];
        assertEquals(0, v - v * v * v / 3 - w + 0.8, 1e-12);
        assertEquals((v + 0.7) / 0.8, w, 1e-12);
    }

    /** R7: the reduced Wong–Wang decision model (mu = 0): five fixed points, two saddles and three stable nodes. */
    @Test
    void r7DecisionMakingModelFixedPoints() {
        VectorField dm = Models.decisionMaking();
        Setup s = Setup.of(dm).targetVar("s1", 0, 1).targetVar("s2", 0, 1).par("coh", 0.5).par("mu", 0).resolutions(0.001).log(null).build();
        List<FixedPoint> fps = new PhasePlane2D(s).fixedPoints();
        double[][] expected = {{0.03189, 0.56699}, {0.05579, 0.31384}, {0.10265, 0.10265}, {0.31385, 0.05579}, {0.56699, 0.03189}};
        String[] kind = {"stable node", "saddle node", "stable node", "saddle node", "stable node"};
        assertEquals(5, fps.size(), fps.toString());
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i][0], fps.get(i).x()[0], 2e-5, "s1 of #" + i);
            assertEquals(expected[i][1], fps.get(i).x()[1], 2e-5, "s2 of #" + i);
            assertEquals(kind[i], fps.get(i).stability());
        }
        Setup strong = Setup.of(dm).targetVar("s1", 0, 1).targetVar("s2", 0, 1).par("coh", 1).par("mu", 30).resolutions(0.001).log(null).build();
        List<FixedPoint> one = new PhasePlane2D(strong).fixedPoints();
        assertEquals(1, one.size(), one.toString());
        assertEquals(0.709281, one.get(0).x()[0], 1e-5);
        assertEquals(0.023964, one.get(0).x()[1], 1e-5);
    }

    @Test
    void badInputIsRefusedNamingWhatIsExpected() {
        var e = assertThrows(IllegalArgumentException.class, () -> fhn().targetVar("U", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).build());
        assertTrue(e.getMessage().contains("'U'") && e.getMessage().contains("[V, w]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fhn().targetVar("V", 3, -3).targetVar("w", -3, 3).par("Iext", 0.8).build());
        assertTrue(e.getMessage().contains("empty or inverted"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0).build());
        assertTrue(e.getMessage().contains("resolutions must be > 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).build());
        assertTrue(e.getMessage().contains("parameter 'Iext' has no value"), e.getMessage());
        Setup oneVar = fhn().targetVar("V", -3, 3).fixedVar("w", 0).par("Iext", 0.8).build();
        e = assertThrows(IllegalArgumentException.class, () -> new PhasePlane2D(oneVar));
        assertTrue(e.getMessage().contains("PhasePlane2D: needs 2 target variables; got 1"), e.getMessage());
        Setup twoVars = fhn().targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).build();
        e = assertThrows(IllegalArgumentException.class, () -> new PhasePlane1D(twoVars));
        assertTrue(e.getMessage().contains("PhasePlane1D: needs 1 target variable; got 2"), e.getMessage());
    }

    @Test
    void theDefaultResolutionIsATwentiethOfTheRange() {
        Setup s = fhn().targetVar("V", -3, 3).targetVar("w", -1, 1).par("Iext", 0.8).build();
        assertEquals(20, s.grid("V").length);
        assertEquals(0.3, s.grid("V")[1] - s.grid("V")[0], 1e-12);
        assertEquals(0.1, s.grid("w")[1] - s.grid("w")[0], 1e-12);
    }
}
