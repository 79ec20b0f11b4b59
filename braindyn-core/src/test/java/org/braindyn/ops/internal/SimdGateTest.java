package org.braindyn.ops.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a SIMD loop takes over from its scalar twin. */
class SimdGateTest {
    @Test
    void probesEveryCallAtFirstThenPeriodically() {
        SimdGate g = new SimdGate();
        for (int c = 1; c <= SimdGate.TRIGGER; c++) assertTrue(g.probe(), "call " + c);
        int probes = 0;
        for (int c = SimdGate.TRIGGER + 1; c <= SimdGate.TRIGGER + 10 * SimdGate.PROBE_EVERY; c++) if (g.probe()) probes++;
        assertTrue(probes == 10, "one probe per " + SimdGate.PROBE_EVERY + " calls after the first " + SimdGate.TRIGGER + "; got " + probes);
        assertFalse(g.open());
    }

    @Test
    void opensAfterEnoughFastProbesInARowOnly() {
        SimdGate g = new SimdGate();
        for (int k = 0; k < SimdGate.GOOD - 1; k++) g.probed(SimdGate.COMPILED_NS / 2);
        g.probed(SimdGate.COMPILED_NS * 10);   // a slow probe (the loop still boxed) starts the count again
        for (int k = 0; k < SimdGate.GOOD - 1; k++) g.probed(SimdGate.COMPILED_NS / 2);
        assertFalse(g.open());
        g.probed(SimdGate.COMPILED_NS / 2);
        assertTrue(g.open());
    }

    @Test
    void givesUpWaitingAfterManyCalls() {
        SimdGate g = new SimdGate();
        for (int c = 0; c <= SimdGate.GIVE_UP; c++) g.probe();
        assertTrue(g.open(), "a JVM that never compiles the SIMD loop still ends up running it");
    }
}
