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

    /** An integrator (here of a JointEq) is a target too: its derivative with the names given. */
    @Test
    void integratorsAndJointEquationsAreTargets() {
        var dv = (org.braindyn.integrators.Derivative) (y, t, p) -> new Tensor[] {y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0])};
        var dw = (org.braindyn.integrators.Derivative) (y, t, p) -> new Tensor[] {y[0].add(0.7).sub(y[1].mul(0.8)).div(12.5)};
        var integ = org.braindyn.integrators.Odeint.odeint(org.braindyn.integrators.JointEq.of(dv, dw), org.braindyn.integrators.Method.RK4, 0.01);
        VectorField f = VectorField.of(integ, List.of("V", "w"), List.of("Iext"));
        List<FixedPoint> fps = new PhasePlane2D(Setup.of(f).targetVar("V", -3, 3).targetVar("w", -3, 3).par("Iext", 0.8).resolutions(0.05).log(null).build()).fixedPoints();
        assertEquals(1, fps.size());
        assertEquals(-0.2729, fps.get(0).x()[0], 1e-4);
        // with w held fixed, V alone is a 1-D system: V − V³/3 − 0.5 + 0.8 = 0 has three roots in [−3, 3]
        List<FixedPoint> line = new PhasePlane1D(Setup.of(f).targetVar("V", -3, 3).fixedVar("w", 0.5).par("Iext", 0.8).resolutions(0.001).log(null).build()).fixedPoints();
        assertEquals(3, line.size());
        for (FixedPoint p : line) { double v = p.x()[0]; assertEquals(0, v - v * v * v / 3 + 0.3, 1e-12); }
    }

    /** FastSlow1D on FHN with slow w: the fast V-subsystem folds where dV/dt = V − V³/3 − w + I has a double root, w = I ± 2/3. */
    @Test
    void fastSlow1DFoldsOfFitzHughNagumo() {
        VectorField fhn = PhasePlane2DTest.FHN;
        var fast = new java.util.LinkedHashMap<String, double[]>();
        var slow = new java.util.LinkedHashMap<String, double[]>();
        fast.put("V", new double[] {-3, 3});
        slow.put("w", new double[] {-1, 2.5});
        FastSlow1D fs = new FastSlow1D(fhn, fast, slow, java.util.Map.of("Iext", 0.8, "a", 0.7, "b", 0.8, "tau", 12.5), java.util.Map.of("V", 0.01, "w", 0.005), null);
        Bifurcation1D.Result r = fs.bifurcation();
        assertEquals(2, r.bifurcations().size(), r.bifurcations().toString());
        double[] folds = r.bifurcations().stream().mapToDouble(b -> b.pars()[0]).sorted().toArray();
        assertEquals(0.8 - 2.0 / 3, folds[0], 0.005);
        assertEquals(0.8 + 2.0 / 3, folds[1], 0.005);
        var e = assertThrows(IllegalArgumentException.class, () -> new FastSlow1D(fhn, fast, new java.util.LinkedHashMap<>(java.util.Map.of("u", new double[] {0, 1})), java.util.Map.of(), null, null));
        assertTrue(e.getMessage().contains("slow variable 'u'"), e.getMessage());
    }
}
