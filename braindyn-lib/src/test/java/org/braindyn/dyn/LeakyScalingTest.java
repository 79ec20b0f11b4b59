package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The three input scalings of {@code Leaky} against their closed forms under a constant input. */
class LeakyScalingTest {
    @AfterEach void back() { Config.disableX64(); Naming.clearNameCache(); }

    @Test
    void constantInputSettlesWhereEachScalingSays() {
        Config.enableX64();
        double tau = 5, dt = 0.1, i = 2, beta = Math.exp(-dt / tau);
        double[] want = {i / (1 - beta), dt * i / (1 - beta), i};       // fixed points of x = βx + scaled input
        Leaky.InputScaling[] kinds = Leaky.InputScaling.values();
        for (int k = 0; k < kinds.length; k++) {
            Leaky l = new Leaky(null, 1, tau, kinds[k]);
            for (int s = 0; s < 3000; s++) { int step = s; Shared.with(new Shared(step * dt, step, dt, false), () -> l.update(full(org.braindyn.tensor.Shape.of(1), i, org.braindyn.tensor.DType.F64))); }
            assertEquals(want[k], l.x.value().getDouble(0), 1e-6 * want[k], kinds[k].toString());
        }
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Leaky(null, 1, tau, null)).getMessage().contains("ADD, DT, EXACT"));
    }
}
