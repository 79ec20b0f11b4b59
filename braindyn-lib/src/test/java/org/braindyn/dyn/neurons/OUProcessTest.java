package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Ornstein–Uhlenbeck processes: stationary statistics and autocorrelation against theory, compiled = eager, errors. */
class OUProcessTest {
    @AfterEach void back() { Naming.clearNameCache(); }

    /** Mean, variance and lag-τ autocorrelation of 2,000 processes over the second half of a 200 ms run. */
    static double[] stats(Tensor xs, int lag) {
        int t = xs.dim(0), n = xs.dim(1), from = t / 2;
        double s = 0, s2 = 0, c = 0, cnt = 0, ccnt = 0;
        for (int k = from; k < t; k++)
            for (int i = 0; i < n; i++) {
                double v = xs.getDouble(k, i);
                s += v; s2 += v * v; cnt++;
                if (k + lag < t) { c += v * xs.getDouble(k + lag, i); ccnt++; }
            }
        double mean = s / cnt, var = s2 / cnt - mean * mean;
        return new double[] {mean, var, (c / ccnt - mean * mean) / var};
    }

    @Test
    void stationaryMomentsAndCorrelationTimeMatchTheory() {
        for (String method : List.of("euler", "exact")) {
            OUProcess ou = OUProcess.builder(2000).mean(1.5).sigma(0.4).tau(5).method(method).seed(3).build();
            DSRunner r = new DSRunner(ou, List.of("x"), 0.1).progress(null).jit(true);
            r.run(200);
            double[] st = stats(r.mon("x"), 50);
            assertEquals(1.5, st[0], 0.01, method + " mean");
            assertEquals(0.4 * 0.4 * 5 / 2, st[1], 0.02, method + " variance σ²τ/2 = 0.4");
            assertEquals(Math.exp(-1), st[2], 0.03, method + " autocorrelation at lag τ = e⁻¹");
        }
    }

    @Test
    void compiledRunsDrawTheEagerNumbersAndTheProcessDrivesAGroup() {
        DSRunner re = new DSRunner(OUProcess.builder(5).seed(9).build(), List.of("x"), 0.1).progress(null);
        DSRunner rc = new DSRunner(OUProcess.builder(5).seed(9).build(), List.of("x"), 0.1).progress(null).jit(true);
        re.run(20);
        rc.run(20);
        assertArrayEquals(re.mon("x").toFloatArray(), rc.mon("x").toFloatArray(), 1e-5f);
        OUProcess zero = OUProcess.builder(1).sigma(0).mean(2).build();
        assertEquals(2, zero.x.value().getDouble(0), 0, "starts at the mean");
        var e = assertThrows(IllegalArgumentException.class, () -> OUProcess.builder(2).tau(-1).build());
        assertTrue(e.getMessage().contains("OUProcess.tau: must be > 0 ms"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OUProcess.builder(2).method("rk4").build());
        assertTrue(e.getMessage().contains("unknown method 'rk4'") && e.getMessage().contains("euler, exact"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> OUProcess.builder(2).build().currentFor(Alif.builder(3).build()));
        assertTrue(e.getMessage().contains("has 3 units; expected 2"), e.getMessage());
    }
}
