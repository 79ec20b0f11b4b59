package org.braindyn.analysis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** SPEC R1–R3: one-variable phase planes and bifurcations with exactly known answers. */
class LowDimTest {
    static final VectorField SIN = VectorField.of((y, t, p) -> new Tensor[] {org.braindyn.tensor.BM.sin(y[0]).add(p[0])}, List.of("x"), List.of("Iext"));

    /** R1: sin(x) + 0 on [−10, 10], resolution 0.001: the seven fixed points and their stabilities, exactly. */
    @Test
    void r1SevenFixedPointsOfSinX() {
        Setup s = Setup.of(SIN).targetVar("x", -10, 10).par("Iext", 0).resolutions(0.001).log(null).build();
        List<FixedPoint> fps = new PhasePlane1D(s).fixedPoints();
        assertEquals(7, fps.size(), fps.toString());
        for (int i = 0; i < 7; i++) {
            int k = i - 3;
            assertEquals(k * Math.PI, fps.get(i).x()[0], 1e-12, "fixed point " + i);
            assertEquals(Math.abs(k) % 2 == 1 ? "stable point" : "unstable point", fps.get(i).stability(), "at " + k + "π");
        }
    }

    /** R2: the fold of sin(x) + Iext where the fixed-point pairs merge, at Iext = 1 (± the resolution). */
    @Test
    void r2FoldAtIextOne() {
        Setup s = Setup.of(SIN).targetVar("x", -10, 10).targetPar("Iext", 0, 1.5).resolutions(0.001).log(null).build();
        Bifurcation1D.Result r = new Bifurcation1D(s).compute();
        assertFalse(r.bifurcations().isEmpty());
        for (Bifurcation b : r.bifurcations()) {
            assertEquals("fold", b.kind());
            assertEquals(1.0, b.pars()[0], 0.001, "fold parameter");
            assertEquals(-Math.PI / 2, Math.IEEEremainder(b.x()[0] + Math.PI / 2, 2 * Math.PI) - Math.PI / 2, 0.01, "fold at x = −π/2 + 2πk");
        }
        assertEquals(3, r.bifurcations().size(), "three pairs merge in [−10, 10]: at −5π/2, −π/2, 3π/2");
    }

    /** R3: ExpIF, τ dV/dt = −(V − V_rest) + Δ_T exp((V − V_T)/Δ_T) + R·I: fold at V = V_T, I = V_T − V_rest − Δ_T = 4.1. */
    @Test
    void r3ExpIfFoldAtTheThresholdPotential() {
        double vRest = -65, vT = -59.9, dT = 1, r = 1, tau = 10;
        VectorField expIf = VectorField.of((y, t, p) -> new Tensor[] {
                y[0].sub(vRest).neg().add(org.braindyn.tensor.BM.exp(y[0].sub(vT).div(dT)).mul(dT)).add(p[0].mul(r)).div(tau)}, List.of("V"), List.of("I_ext"));
        Setup s = Setup.of(expIf).targetVar("V", -70, -55).targetPar("I_ext", 0, 6).resolutions(0.01).log(null).build();
        Bifurcation1D.Result res = new Bifurcation1D(s).compute();
        assertEquals(1, res.bifurcations().size(), res.bifurcations().toString());
        Bifurcation fold = res.bifurcations().get(0);
        assertEquals(4.1, fold.pars()[0], 0.01);
        assertEquals(-59.9, fold.x()[0], 0.1);
        long stable = res.fixedPoints().stream().filter(FixedPoint::stable).count();
        assertTrue(stable > 0 && stable < res.fixedPoints().size(), "a stable and an unstable branch");
    }
}
