package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.analysis.FixedPoint;
import org.braindyn.analysis.PhasePlane2D;
import org.braindyn.analysis.Setup;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** FitzHugh–Nagumo neurons against an independent float64 integration; the model's own field in the phase plane (SPEC R4). */
class FHNTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static List<Double> reference(double i, double duration) {
        return org.braindyn.testing.Rk4.crossings(z -> f(z[0], z[1], i), new double[] {0, 0}, 0.001, duration, 1.8);
    }

    static double[] f(double v, double w, double i) { return new double[] {v - v * v * v / 3 - w + i, (v + 0.7 - 0.8 * w) / 12.5}; }

    @Test
    void crossingsMatchAnIndependentIntegrationAndCompiledEqualsEager() {
        Config.enableX64();
        List<Double> ref = reference(1.0, 300);
        FHN n = FHN.builder(1).method("rk4").build();
        DSRunner r = new DSRunner(n, List.of("spike"), 0.01).input("input", 1.0).progress(null).jit(true);
        r.run(300);
        List<Double> got = org.braindyn.testing.Spikes.times(r.mon("spike"), 0, 0.01);
        assertTrue(ref.size() >= 5, ref.toString());
        assertEquals(ref.size(), got.size(), ref + " vs " + got);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.011, "crossing " + k);
        FHN e = FHN.builder(1).method("rk4").build();
        DSRunner re = new DSRunner(e, List.of("spike"), 0.01).input("input", 1.0).progress(null);
        re.run(300);
        assertArrayEquals(r.mon("spike").astype(DType.F32).toFloatArray(), re.mon("spike").astype(DType.F32).toFloatArray(), "compiled = eager");
    }

    @Test
    void theModelsFieldHasR4sUnstableNode() {
        FHN n = FHN.builder(1).build();
        assertEquals(List.of("V", "w"), n.vectorField().variables());
        List<FixedPoint> fps = new PhasePlane2D(Setup.of(n.vectorField()).targetVar("V", -3, 3).targetVar("w", -3, 3).par("I", 0.8).resolutions(0.01).log(null).build()).fixedPoints();
        assertEquals(1, fps.size());
        assertArrayEquals(new double[] {-0.2729, 0.5339}, fps.get(0).x(), 2e-3);
        assertEquals("unstable node", fps.get(0).stability());
        assertThrows(IllegalArgumentException.class, () -> FHN.builder(2).tau(0).build());
        assertEquals(0, BM.sum(n.V().value()).item(), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> n.variable("u"));
        assertTrue(e.getMessage().contains("[V, w]"), e.getMessage());
    }
}
