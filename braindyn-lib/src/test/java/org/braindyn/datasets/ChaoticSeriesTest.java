package org.braindyn.datasets;

import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** The chaotic series stay on their attractors (known ranges), have BrainPy's shapes, and are sensitive to initial state. */
class ChaoticSeriesTest {
    static double min(Tensor t) { return BM.min(t).item(); }
    static double max(Tensor t) { return BM.max(t).item(); }

    @Test
    void lorenzButterfly() {
        ChaoticSeries.Series s = ChaoticSeries.lorenz(30, 0.01);
        assertEquals(Shape.of(3000, 1), s.get("x").shape());
        assertEquals(0.01, s.ts().getDouble(0), 1e-15, "samples are taken after each step");
        assertTrue(min(s.get("x")) < -10 && max(s.get("x")) > 10, "x visits both wings");
        assertTrue(min(s.get("z")) > 0 && max(s.get("z")) < 50);
    }

    @Test
    void otherFlowsStayBounded() {
        ChaoticSeries.Series r = ChaoticSeries.rossler(100, 0.01);
        assertTrue(max(r.get("z")) > 5 && max(BM.abs(r.get("x"))) < 20, "Rössler spikes in z");
        ChaoticSeries.Series c = ChaoticSeries.chen(10, 0.001);
        assertTrue(max(BM.abs(c.get("x"))) < 40 && max(BM.abs(c.get("x"))) > 5, "Chen");
        ChaoticSeries.Series u = ChaoticSeries.chua(100, 0.01);
        assertTrue(min(u.get("x")) < -1 && max(u.get("x")) > 1 && max(BM.abs(u.get("x"))) < 5, "Chua double scroll");
        ChaoticSeries.Series d = ChaoticSeries.doubleScroll(100, 0.01);
        assertTrue(min(d.get("x")) < 0 && max(d.get("x")) > 0 && max(BM.abs(d.get("x"))) < 2, "double scroll");
        ChaoticSeries.Series lc = ChaoticSeries.luChen(20, 0.001);
        assertTrue(max(BM.abs(lc.get("x"))) < 60 && max(BM.abs(lc.get("x"))) > 5, "Lü–Chen");
        ChaoticSeries.Series rf = ChaoticSeries.rabinovichFabrikant(50, 0.01);
        assertTrue(max(BM.abs(rf.get("x"))) < 10 && max(BM.abs(rf.get("x"))) > 0.5, "Rabinovich–Fabrikant");
        ChaoticSeries.Series mg = ChaoticSeries.mackeyGlass(200, 0.1);
        assertEquals(Shape.of(2000, 1), mg.get("x").shape());
        assertTrue(min(mg.get("x").get("500:")) > 0.1 && max(mg.get("x")) < 2);
    }

    @Test
    void maps() {
        ChaoticSeries.Series h = ChaoticSeries.henon(1000);
        assertTrue(min(h.get("x")) > -1.5 && max(h.get("x")) < 1.5);
        assertEquals(1 - 1.4 * 1 + 0, h.get("x").getDouble(1, 0), 1e-15, "x₂ = 1 − a·x₁² + y₁ with (x₁, y₁) = (1, 0)");
        ChaoticSeries.Series l = ChaoticSeries.logistic(200, 3.9);
        assertTrue(min(l.get("x")) >= 0 && max(l.get("x")) <= 1);
        assertEquals(3.9 * 0.2 * 0.8, l.get("x").getDouble(0, 0), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> l.get("y"));
    }
}
