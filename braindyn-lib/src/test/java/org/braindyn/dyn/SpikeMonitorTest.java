package org.braindyn.dyn;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link DSRunner#spikeMonitor}: (step, index) spike lists recorded inside compiled loops equal the eager run's and
 * the positions of the spikes in a full raster, with memory proportional to the spikes; and a compiled runner
 * never silently ignores an input added after its first run.
 */
class SpikeMonitorTest {
    @BeforeEach void names() { Naming.clearNameCache(); }

    /** The (step, index) pairs of a (T, n) boolean raster, in the order a spike monitor records them. */
    private static List<long[]> pairs(Tensor raster) {
        boolean[] r = raster.contiguous().toBoolArray();
        int n = raster.dim(1);
        List<long[]> out = new ArrayList<>();
        for (int k = 0; k < r.length; k++) if (r[k]) out.add(new long[] {k / n, k % n});
        return out;
    }

    private static List<long[]> pairs(SpikeMonitor m) {
        long[] s = m.steps();
        int[] i = m.indices();
        List<long[]> out = new ArrayList<>();
        for (int k = 0; k < s.length; k++) out.add(new long[] {s[k], i[k]});
        return out;
    }

    @Test
    void aLongRecordingAcrossManyBlocksKeepsEveryPairInOrder() {
        // dense frames (half the elements) of 20,000: blocks fill and new ones start mid-recording; clear() restarts
        SpikeMonitor m = new SpikeMonitor("x", 0.25);
        java.util.SplittableRandom r = new java.util.SplittableRandom(4);
        List<long[]> expected = new ArrayList<>();
        int n = 20_000;
        m.at(7);
        for (int step = 7; step < 7 + 60; step++) {
            boolean[] b = new boolean[n + 3];
            double p = step % 5 == 0 ? 0 : 0.5;     // some steps without spikes
            for (int i = 0; i < n; i++) if (r.nextDouble() < p) { b[i + 3] = true; expected.add(new long[] {step, i}); }
            m.accept(b, 3, n);
            if (step == 20) { m.clear(); expected.clear(); }
        }
        List<long[]> got = pairs(m);
        assertEquals(expected.size(), got.size());
        assertEquals(expected.size(), m.count());
        for (int k = 0; k < got.size(); k++) assertArrayEquals(expected.get(k), got.get(k), "spike " + k);
        double[] t = m.timesMs();
        for (int k = 0; k < t.length; k++) assertEquals(expected.get(k)[0] * 0.25, t[k], 0, "time of spike " + k);
    }

    @Test
    void compiledAndEagerSpikeListsAreEqualAndMatchTheRaster() {
        FrameworkTest.EINet a = new FrameworkTest.EINet(600, 11);
        Naming.clearNameCache();
        FrameworkTest.EINet b = new FrameworkTest.EINet(600, 11);
        DSRunner eager = new DSRunner(a, List.of("I.spike"), 0.1).spikeMonitor("E.spike").spikeMonitor("I.spike")
                .input("E.input", 20).input("I.input", 20).jit(false).progress(null);
        DSRunner compiled = new DSRunner(b, List.of("I.spike"), 0.1).spikeMonitor("E.spike").spikeMonitor("I.spike")
                .input("E.input", 20).input("I.input", 20).jit(true).progress(null);
        eager.run(300);
        compiled.run(300);
        eager.run(10);                                   // continuing runs continue the step count
        compiled.run(10);
        for (String p : List.of("E.spike", "I.spike")) {
            List<long[]> e = pairs(eager.spikes(p)), c = pairs(compiled.spikes(p));
            assertEquals(e.size(), c.size(), p);
            for (int k = 0; k < e.size(); k++) assertArrayEquals(e.get(k), c.get(k), p + " spike " + k);
        }
        List<long[]> raster = pairs(compiled.mon("I.spike")), list = pairs(compiled.spikes("I.spike"));
        assertEquals(raster.size(), list.size());
        for (int k = 0; k < raster.size(); k++) assertArrayEquals(raster.get(k), list.get(k), "spike " + k);
        SpikeMonitor m = compiled.spikes("E.spike");
        assertTrue(m.count() > 200, "the network is active: " + m.count());
        assertEquals(3099L, java.util.Arrays.stream(m.steps()).max().orElse(0), 1000, "steps cover the whole run");
        double[] t = m.timesMs();
        assertEquals(m.steps()[m.count() - 1] * 0.1, t[m.count() - 1], 1e-9);
        assertTrue(compiled.compileSeconds() > 0);
        assertEquals(0, eager.compileSeconds());
    }

    @Test
    void spikeMonitorsAreSavedAsTimesAndIndicesAndRefusedAfterTheFirstRun() throws Exception {
        FrameworkTest.EINet net = new FrameworkTest.EINet(300, 2);
        DSRunner r = new DSRunner(net, List.of(), 0.1).spikeMonitor("E.spike").input("E.input", 20).jit(true).progress(null);
        r.run(50);
        java.nio.file.Path f = java.nio.file.Files.createTempFile("spikes", ".npz");
        r.save(f);
        var m = org.braindyn.io.Npz.read(f);
        assertEquals(BM.array(r.spikes("E.spike").timesMs()), m.get("E.spike_times"));
        assertEquals(BM.array(r.spikes("E.spike").indices()), m.get("E.spike_indices"));
        IllegalStateException late = assertThrows(IllegalStateException.class, () -> r.spikeMonitor("I.spike"));
        assertTrue(late.getMessage().contains("before the first run"), late.getMessage());
        IllegalArgumentException dup = assertThrows(IllegalArgumentException.class,
                () -> new DSRunner(net, List.of(), 0.1).spikeMonitor("E.spike").spikeMonitor("E.spike"));
        assertTrue(dup.getMessage().contains("already monitored"), dup.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> r.spikes("I.spike"));
        assertTrue(none.getMessage().contains("E.spike"), none.getMessage());
        java.nio.file.Files.deleteIfExists(f);
    }

    @Test
    void anInputAddedAfterTheFirstCompiledRunIsAppliedAsInTheEagerRun() {
        FrameworkTest.EINet a = new FrameworkTest.EINet(400, 4);
        Naming.clearNameCache();
        FrameworkTest.EINet b = new FrameworkTest.EINet(400, 4);
        DSRunner eager = new DSRunner(a, List.of("E.V"), 0.1).input("E.input", 10).jit(false).progress(null);
        DSRunner compiled = new DSRunner(b, List.of("E.V"), 0.1).input("E.input", 10).jit(true).progress(null);
        eager.run(20);
        compiled.run(20);
        eager.input("E.input", 15);                      // added later: 25 in all from now on
        compiled.input("E.input", 15);
        eager.run(20);
        compiled.run(20);
        assertEquals(eager.mon("E.V"), compiled.mon("E.V"));
        Tensor last = compiled.mon("E.V").get(String.valueOf(399)), before = compiled.mon("E.V").get(String.valueOf(199));
        assertNotEquals(before, last);
        assertEquals(DType.F32, last.dtype());
    }
}
