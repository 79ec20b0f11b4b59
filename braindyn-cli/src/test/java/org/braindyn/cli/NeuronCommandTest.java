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

/** {@code braindyn neuron}: the catalogue workbench prints spikes, rates, latencies and f–I curves, and refuses unknown names. */
class NeuronCommandTest {
    record Outcome(int code, String out, String err) {}

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        PrintStream o = System.out, e = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int code = new CommandLine(new Main()).execute(args);
            return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }

    @Test
    void listsEveryModelWithParametersDefaultsAndUnits() {
        Outcome o = run("neuron", "--list", "--json");
        assertEquals(0, o.code);
        assertTrue(o.out.lines().anyMatch(l -> l.startsWith("{\"model\":\"izhikevich\",\"parameters\":{\"a\":{\"default\":0.02,\"unit\":\"\"}")), o.out);
        assertTrue(o.out.contains("\"gNa\":{\"default\":120,\"unit\":\"mS/cm²\"}"), o.out);
    }

    @Test
    void anFiCurveIsOneJsonLinePerCurrentAndAFigure(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("fi.png");
        Outcome o = run("neuron", "lif", "--set", "tau=20", "--set", "tauRef=2", "--fi", "10,25,40", "--duration", "500", "--json", "--plot", png.toString());
        assertEquals(0, o.code, o.err);
        String[] lines = o.out.strip().split("\n");
        assertEquals(3, lines.length, o.out);
        assertTrue(lines[0].contains("\"current\":10,\"spikes\":0,"), "below threshold (R·I = 10 < 20 mV): " + lines[0]);
        // LIF (V_rest 0, V_reset −5, V_th 20): the first spike after τ ln(RI/(RI − V_th)) = 20 ln 5 = 32.19 ms, then every
        // τ ln((RI − V_reset)/(RI − V_th)) + τ_ref = 20 ln 6 + 2 = 37.8 ms → 13 spikes in 500 ms
        assertTrue(lines[1].startsWith("{\"model\":\"lif\",\"current\":25,\"spikes\":13,\"rate_hz\":26,\"first_spike_ms\":32.2}"), lines[1]);
        assertTrue(lines[2].contains("\"first_spike_ms\":"), lines[2]);
        assertTrue(Files.size(png) > 5_000);
    }

    @Test
    void theGeneralizedAndTheAdaptiveLifFireThroughTheWorkbench() {
        Outcome g = run("neuron", "gif", "--current", "1.5", "--duration", "300", "--json");
        assertEquals(0, g.code, g.err);
        assertTrue(g.out.startsWith("{\"model\":\"gif\",\"current\":1.5,\"spikes\":") && !g.out.contains("\"spikes\":0,"), g.out);
        Outcome a = run("neuron", "alif", "--set", "beta=0", "--current", "25", "--duration", "1000", "--json");
        Outcome b = run("neuron", "alif", "--current", "25", "--duration", "1000", "--json");
        int plain = Integer.parseInt(a.out.replaceAll(".*\"spikes\":(\\d+).*\\s*", "$1")), adapting = Integer.parseInt(b.out.replaceAll(".*\"spikes\":(\\d+).*\\s*", "$1"));
        assertTrue(plain > adapting && adapting > 5, "adaptation lowers the count: " + plain + " vs " + adapting);
    }

    @Test
    void unknownModelsParametersAndImpossibleValuesAreRefused() {
        Outcome m = run("neuron", "cobra", "--current", "5");
        assertEquals(2, m.code);
        assertTrue(m.err.contains("unknown model 'cobra'") && m.err.contains("izhikevich"), m.err);
        Outcome p = run("neuron", "hh", "--set", "gX=1", "--current", "5");
        assertEquals(2, p.code);
        assertTrue(p.err.contains("no parameter 'gX'") && p.err.contains("gNa"), p.err);
        assertEquals(2, run("neuron", "hh", "--set", "C=-1", "--current", "5").code);
        assertEquals(2, run("neuron", "lif", "--method", "rk4", "--current", "5").code, "the LIF step is exact: no method to choose");
        assertEquals(2, run("neuron", "izhikevich", "--current", "5", "--fi", "1,2").code, "one of --current or --fi");
        assertEquals(2, run("neuron", "izhikevich", "--current", "5", "--dt", "0").code);
    }
}
