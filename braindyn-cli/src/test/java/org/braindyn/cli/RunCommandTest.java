package org.braindyn.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code braindyn run}: every option is honoured or refused, impossible values are one-line errors with exit code 2. */
class RunCommandTest {
    record Outcome(int code, String out, String err) {}

    private static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream oldOut = System.out, oldErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            CommandLine cli = new CommandLine(new Main());
            cli.setErr(new java.io.PrintWriter(System.err, true));
            int code = cli.execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void durationAndSeedAreHonouredWithoutOtherOptions(@TempDir Path dir) throws Exception {
        Outcome a = run("run", "coba", "--duration", "20", "--seed", "7", "--neurons", "400", "--json", "--out", dir.toString());
        assertEquals(0, a.code, a.err);
        assertTrue(a.out.strip().startsWith("{\"model\":\"coba\",\"neurons\":400,\"duration_ms\":20.0,\"seed\":7,"), a.out);
        assertEquals(1, a.out.strip().lines().count(), "--json: one line on stdout and nothing else");
        Outcome text = run("run", "coba", "--duration", "20", "--seed", "7", "--neurons", "400", "--out", dir.toString());
        assertEquals(0, text.code, text.err);
        assertTrue(text.out.contains("for 20 ms"), text.out);
        assertTrue(Files.size(dir.resolve("coba/coba_raster.png")) > 1000, "the figure is written on every path");
        assertTrue(Files.exists(dir.resolve("coba/coba_spikes.npz")));
        Outcome other = run("run", "coba", "--duration", "20", "--seed", "8", "--neurons", "400", "--json", "--out", dir.toString());
        assertNotEquals(a.out.replaceAll(".*\"spikes\":(\\d+).*", "$1"), other.out.replaceAll(".*\"spikes\":(\\d+).*", "$1"), "another seed, another network");
    }

    @Test
    void impossibleValuesAreOneLineErrorsWithExitCode2() {
        String[][] cases = {
            {"--duration", "-10"}, {"--duration", "0"}, {"--duration", "NaN"}, {"--duration", "Infinity"},
            {"--threads", "0"}, {"--threads", "-1"}, {"--neurons", "-5"}, {"--neurons", "1"}, {"--seed", "-3"}, {"--save-spikes", "spikes.txt"}};
        for (String[] c : cases) {
            Outcome o = run("run", "coba", c[0], c[1]);
            assertEquals(2, o.code, String.join(" ", c) + ": " + o.err);
            assertEquals(1, o.err.strip().lines().count(), "one line: " + o.err);
            assertTrue(o.err.contains(c[0]) && o.err.contains("allowed"), "names the option and what is allowed: " + o.err);
            assertFalse(o.out.contains("NaN") || o.err.contains("Exception"), o.out + o.err);
        }
    }

    @Test
    void optionsAnExampleIgnoresAreRefused() {
        Outcome o = run("run", "linalg", "--neurons", "10");
        assertEquals(2, o.code);
        assertTrue(o.err.contains("--neurons") && o.err.contains("does not apply"), o.err);
        assertEquals(2, run("run", "integrators", "--json").code);
    }

    @Test
    void cubaIsListedAndHelpPrintsNoWarning() {
        Outcome list = run("run", "--list");
        assertEquals(0, list.code);
        assertTrue(list.out.lines().anyMatch(l -> l.strip().startsWith("cuba ")), list.out);
        Outcome help = run("run", "--help");
        assertEquals(0, help.code);
        assertFalse((help.out + help.err).contains("WARN"), help.out + help.err);
        assertTrue(help.out.contains("80% excitatory"), help.out);
    }

    @Test
    void unknownExamplesListTheKnownOnes() {
        Outcome o = run("run", "cobra");
        assertEquals(2, o.code);
        assertTrue(o.err.contains("unknown example 'cobra'") && o.err.contains("cuba"), o.err);
    }
}
