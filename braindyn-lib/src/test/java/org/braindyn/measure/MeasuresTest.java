package org.braindyn.measure;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.Map;
import org.braindyn.io.Npz;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Every measure against values NumPy computed on fixed data ({@code measure/make_measures_golden.py}), float64, 1e-10. */
class MeasuresTest {
    static final Map<String, Tensor> G = load();

    private static Map<String, Tensor> load() {
        try {
            return Npz.read(Path.of("src/test/resources/measure/measures_golden.npz"));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("run make_measures_golden.py in src/test/resources/measure", e);
        }
    }

    private static void close(Tensor expected, Tensor got, String what) {
        double[] e = expected.toDoubleArray(), g = got.toDoubleArray();
        assertEquals(e.length, g.length, what + " length");
        for (int i = 0; i < e.length; i++) assertEquals(e[i], g[i], 1e-10 * Math.max(1, Math.abs(e[i])), what + " element " + i);
    }

    @Test
    void crossCorrelationAndVoltageFluctuation() {
        assertEquals(G.get("cross_correlation_2ms").item(), Measures.crossCorrelation(G.get("spikes"), 2.0, 0.1), 1e-10);
        assertEquals(G.get("cross_correlation_0_5ms").item(), Measures.crossCorrelation(G.get("spikes"), 0.5, 0.1), 1e-10);
        assertEquals(G.get("voltage_fluctuation").item(), Measures.voltageFluctuation(G.get("potentials")), 1e-10);
        assertEquals(1.0, Measures.crossCorrelation(BM.ones(100, 5), 1.0, 0.1), 1e-15, "all neurons always firing");
        assertEquals(0.0, Measures.crossCorrelation(BM.zeros(100, 5), 1.0, 0.1), 1e-15, "silence");
    }

    @Test
    void correlationsAndFunctionalConnectivity() {
        assertEquals(G.get("matrix_correlation").item(), Measures.matrixCorrelation(G.get("m1"), G.get("m2")), 1e-10);
        assertEquals(G.get("weighted_correlation").item(), Measures.weightedCorrelation(G.get("x"), G.get("y"), G.get("w")), 1e-10);
        close(G.get("functional_connectivity"), Measures.functionalConnectivity(G.get("potentials")), "FC");
    }

    @Test
    void firingRateRasterAndLfp() {
        close(G.get("firing_rate_5ms"), Measures.firingRate(G.get("spikes"), 5.0, 0.1), "firing rate");
        Measures.Raster r = Measures.rasterPlot(G.get("spikes"), G.get("times"));
        assertEquals((int) BM.sum(G.get("spikes")).item(), r.index().length);
        assertEquals(0.1 * java.util.stream.IntStream.range(0, 400).filter(t -> G.get("spikes").getDouble(t, r.index()[0]) > 0).findFirst().orElseThrow(), r.time()[0], 1e-12);
        double[] xs = G.get("xs").toDoubleArray(), ys = G.get("ys").toDoubleArray();
        close(G.get("unitary_lfp_exc"), Measures.unitaryLfp(G.get("times"), G.get("spikes"), "exc", "soma layer", xs, ys, 0), "uLFP exc");
        close(G.get("unitary_lfp_inh"), Measures.unitaryLfp(G.get("times"), G.get("spikes"), "inh", "soma layer", xs, ys, 0), "uLFP inh");
    }

    @Test
    void badInputNamesTheMeasureAndWhatWasExpected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Measures.crossCorrelation(BM.zeros(10), 1, 0.1));
        assertTrue(e.getMessage().contains("crossCorrelation") && e.getMessage().contains("(T, N)"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Measures.matrixCorrelation(BM.zeros(3, 3), BM.zeros(4, 4)));
        assertTrue(e.getMessage().contains("same shape"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Measures.unitaryLfp(BM.zeros(3), BM.zeros(3, 2), "excitatory", "soma layer", null, null, 1));
        assertTrue(e.getMessage().contains("\"exc\" or \"inh\""), e.getMessage());
    }
}
