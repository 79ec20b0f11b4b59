package org.braindyn.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** {@code bench esn-fit --json} on a tiny reservoir prints its timing fields (the peer needs python3; not run here). */
class EsnBenchTest {
    @Test
    void printsOneJsonLineWithEveryPhase() {
        NeuronCommandTest.Outcome o = NeuronCommandTest.run("bench", "esn-fit", "--units", "60", "--steps", "300", "--json");
        assertEquals(0, o.code(), o.err());
        String line = o.out().strip();
        assertTrue(line.startsWith("{\"bench\":\"esn-fit\",\"units\":60,\"steps\":300,"), line);
        for (String f : new String[] {"build_s", "run_s", "gram_s", "solve_s", "total_s", "states_per_s"}) assertTrue(line.contains("\"" + f + "\":"), f + " in " + line);
    }
}
