package org.braindyn.dyn.rates;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.analysis.Bifurcation;
import org.braindyn.analysis.Bifurcation2D;
import org.braindyn.analysis.Setup;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rate models: closed forms, independent integrations and SPEC P13, through the runner and the analysers. */
class RatesTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    /** Stuart–Landau: every trajectory approaches the circle of radius √a; compiled = eager. */
    @Test
    void stuartLandauSettlesOnTheCircleOfRadiusSqrtA() {
        Config.enableX64();
        for (boolean jit : new boolean[] {false, true}) {
            StuartLandau s = StuartLandau.builder(3).a(0.25).w(0.2).method("rk4").init(org.braindyn.tensor.BM.array(new double[] {0.01, 0.3, 2.0}), 0.0).build();
            DSRunner r = new DSRunner(s, List.of("x", "y"), 0.05).progress(null).jit(jit);
            r.run(300);
            for (int k = 0; k < 3; k++) {
                double x = s.x.value().getDouble(k), y = s.y.value().getDouble(k);
                assertEquals(0.5, Math.hypot(x, y), 1e-6, (jit ? "compiled" : "eager") + " unit " + k);
            }
        }
    }

    /** Wilson–Cowan against an independent float64 RK4 of the same equations. */
    @Test
    void wilsonCowanMatchesAnIndependentIntegration() {
        Config.enableX64();
        double xExt = 1.5, x = 0, y = 0, h = 0.001;
        for (int s = 0; s < 20_000; s++) {
            double[] z = org.braindyn.testing.Rk4.step(q -> wc(q[0], q[1], xExt), new double[] {x, y}, h);
            x = z[0];
            y = z[1];
        }
        WilsonCowan n = WilsonCowan.builder(1).method("rk4").build();
        new DSRunner(n, List.of(), 0.01).input("input", xExt).progress(null).run(20);
        assertEquals(x, n.x.value().getDouble(0), 1e-7);
        assertEquals(y, n.y.value().getDouble(0), 1e-7);
    }

    static double f(double u, double a, double th) { return 1 / (1 + Math.exp(-a * (u - th))) - 1 / (1 + Math.exp(a * th)); }

    static double[] wc(double x, double y, double xExt) {
        return new double[] {-x + (1 - x) * f(12 * x - 4 * y + xExt, 1.2, 2.8), -y + (1 - y) * f(13 * x - 11 * y, 1, 4)};
    }

    /**
     * SPEC P13: rate FHN, Bifurcation2D over x_ext ∈ [0, 2] at 0.01: 20,000 candidates and 200 fixed points, as the
     * seed prints. The Hopf points follow from trace J = −9x² + 8x − 1.5 − ε/τ = 0 on the fixed-point curve
     * x_ext = 3x³ − 4x² + 3.5x: x_ext = 0.7259 and 1.3315 (the seed's limit cycles by simulation span 0.72 … 1.4).
     */
    @Test
    void p13RateFhnBifurcation() {
        FHN fhn = FHN.builder(1).build();
        Setup s = Setup.of(fhn).targetVar("x", -2, 2).targetVar("y", -2, 2).targetPar("x_ext", 0, 2).resolution("x_ext", 0.01).par("y_ext", 0).log(null).build();
        Bifurcation2D.Result r = new Bifurcation2D(s).compute();
        assertEquals(20_000, r.candidates());
        assertEquals(200, r.fixedPoints().size());
        List<Bifurcation> hopf = r.bifurcations().stream().filter(b -> b.kind().equals("hopf")).toList();
        assertEquals(2, hopf.size(), r.bifurcations().toString());
        assertEquals(0.7259, hopf.get(0).pars()[0], 0.01);
        assertEquals(1.3315, hopf.get(1).pars()[0], 0.01);
        var e = assertThrows(IllegalArgumentException.class, () -> FHN.builder(1).tau(-1).build());
        assertTrue(e.getMessage().contains("FHN.tau: must be > 0"), e.getMessage());
    }

    /** QIF mean field against an independent RK4 of the same equations. */
    @Test
    void qifMeanFieldMatchesAnIndependentIntegration() {
        Config.enableX64();
        double x = -2, y = 0.5, h = 0.0005, xExt = 3;
        for (int s = 0; s < 40_000; s++) {
            double[] z = org.braindyn.testing.Rk4.step(q -> qif(q[0], q[1], xExt), new double[] {x, y}, h);
            x = z[0];
            y = z[1];
        }
        Qif q = Qif.builder(1).method("rk4").build();
        new DSRunner(q, List.of(), 0.001).input("input", xExt).progress(null).run(20);
        assertEquals(x, q.x.value().getDouble(0), 1e-6);
        assertEquals(y, q.y.value().getDouble(0), 1e-6);
        assertTrue(y > 0, "a positive firing rate");
    }

    static double[] qif(double x, double y, double xExt) {
        return new double[] {x * x - 5 + xExt + 15 * y - Math.pow(Math.PI * y, 2), 1 / Math.PI + 2 * x * y};
    }

    /** Threshold-linear units relax to β·max(input, 0) and stay non-negative. */
    @Test
    void thresholdLinearRelaxesToItsRectifiedDrive() {
        Config.enableX64();
        ThresholdLinear t = ThresholdLinear.builder(2).build();
        DSRunner r = new DSRunner(t, List.of(), 0.001).input("input", org.braindyn.tensor.BM.array(new double[] {10, -10}), false, DSRunner.Op.ADD)
                .input("inputY", 4).progress(null);
        r.run(1);
        assertEquals(0.66, t.x.value().getDouble(0), 1e-9);
        assertEquals(0.0, t.x.value().getDouble(1), 0, "a negative drive gives zero, not a negative rate");
        assertEquals(4 * 0.351, t.y.value().getDouble(0), 1e-9);
    }
}
