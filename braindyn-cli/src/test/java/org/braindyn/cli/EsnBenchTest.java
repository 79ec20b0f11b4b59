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
        assertTrue(line.startsWith("{\"bench\":\"esn-fit\",\"threads\":1,\"units\":60,\"steps\":300,"), line);
        for (String f : new String[] {"build_s", "run_s", "gram_s", "solve_s", "total_s", "states_per_s"}) assertTrue(line.contains("\"" + f + "\":"), f + " in " + line);
        assertTrue(line.contains("\"gram_overlapped\":false"), "one thread: the sums follow each chunk: " + line);
    }

    @Test
    void twoThreadsAreAcceptedAndZeroIsRefused() {
        NeuronCommandTest.Outcome two = NeuronCommandTest.run("bench", "esn-fit", "--units", "60", "--steps", "300", "--threads", "2", "--json");
        assertEquals(0, two.code(), two.err());
        assertTrue(two.out().strip().startsWith("{\"bench\":\"esn-fit\",\"threads\":2,"), two.out());
        NeuronCommandTest.Outcome zero = NeuronCommandTest.run("bench", "esn-fit", "--threads", "0");
        assertNotEquals(0, zero.code());
        assertTrue(zero.err().contains("--threads must be >= 1; got 0"), zero.err());
    }
}
