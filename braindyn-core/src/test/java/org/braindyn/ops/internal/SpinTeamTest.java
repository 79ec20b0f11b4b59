package org.braindyn.ops.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The spinning worker team: every part runs once per call, part 0 on the caller, failures come back to the caller. */
class SpinTeamTest {
    @Test
    void everyPartRunsOncePerCallAndOnlyThePartsOfWorkersRunOnWorkers() {
        SpinTeam team = SpinTeam.shared(1);
        int[] runs = new int[2];
        boolean[] worker = new boolean[2];
        for (int call = 0; call < 1000; call++) team.run(2, p -> { runs[p]++; worker[p] = SpinTeam.onWorker(); });
        assertArrayEquals(new int[] {1000, 1000}, runs, "each part once per call");
        assertFalse(worker[0], "part 0 runs on the calling thread");
        assertTrue(worker[1], "part 1 runs on a worker");
        assertFalse(SpinTeam.onWorker());
    }

    @Test
    void aFailingPartIsRethrownToTheCallerAndTheTeamStaysUsable() {
        SpinTeam team = SpinTeam.shared(1);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> team.run(2, p -> { if (p == 1) throw new IllegalStateException("part 1 failed"); }));
        assertEquals("part 1 failed", e.getMessage());
        int[] after = new int[1];
        team.run(2, p -> { synchronized (after) { after[0]++; } });
        assertEquals(2, after[0], "the next call runs both parts");
    }

    @Test
    void morePartsThanThreadsAreRefusedWithTheLimit() {
        SpinTeam team = SpinTeam.shared(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> team.run(team.size() + 2, p -> {}));
        assertTrue(e.getMessage().contains("parts must be 1 to " + (team.size() + 1)), e.getMessage());
    }
}
