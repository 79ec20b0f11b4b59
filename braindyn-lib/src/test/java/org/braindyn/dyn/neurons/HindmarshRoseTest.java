package org.braindyn.dyn.neurons;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.dyn.DSRunner;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.braindyn.testing.Rk4;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Hindmarsh–Rose neurons against an independent float64 integration; bursting. */
class HindmarshRoseTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    static double[] f(double[] v, double i) {
        return new double[] {v[1] - v[0] * v[0] * v[0] + 3 * v[0] * v[0] - v[2] + i, 1 - 5 * v[0] * v[0] - v[1], 0.01 * (4 * (v[0] + 1.6) - v[2])};
    }

    @Test
    void spikesMatchAnIndependentIntegrationAndComeInBursts() {
        Config.enableX64();
        List<Double> ref = Rk4.crossings(z -> f(z, 2), new double[] {-1.6, -10, 0}, 0.002, 600, 1);
        HindmarshRose n = HindmarshRose.builder(1).method("rk4").build();
        DSRunner r = new DSRunner(n, List.of("spike"), 0.01).input("input", 2).progress(null).jit(true);
        r.run(600);
        List<Double> got = org.braindyn.testing.Spikes.times(r.mon("spike"), 0, 0.01);
        assertEquals(ref.size(), got.size(), ref + " vs " + got);
        for (int k = 0; k < ref.size(); k++) assertEquals(ref.get(k), got.get(k), 0.02 + 0.01 * k, "spike " + k);
        double shortest = Double.POSITIVE_INFINITY, longest = 0;
        for (int k = 1; k < got.size(); k++) { double isi = got.get(k) - got.get(k - 1); shortest = Math.min(shortest, isi); longest = Math.max(longest, isi); }
        assertTrue(longest > 5 * shortest, "bursts: short intervals within, long pauses between (" + shortest + " … " + longest + ")");
    }
}
