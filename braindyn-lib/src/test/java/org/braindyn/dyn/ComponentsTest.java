package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.braindyn.dyn.neurons.Leaky;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Alpha;
import org.braindyn.dyn.synapses.DualExpon;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.io.States;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Input groups, synapse kernels against their closed forms, and saving/restoring a run. */
class ComponentsTest {
    @BeforeEach void names() { Naming.clearNameCache(); }

    static Tensor step(DynamicalSystem d, double t, Tensor... in) { return Shared.with(new Shared(t, (long) (t / 0.1), 0.1, false), () -> d.update(in)); }

    @Test
    void synapseKernelsFollowTheirClosedForms() {
        Alpha a = new Alpha(null, 1, 8);
        DualExpon d = new DualExpon(null, 1, 1, 10);
        Expon e = new Expon(null, 1, 5);
        step(a, 0, ones(1));
        step(d, 0, ones(1));
        step(e, 0, ones(1));
        double peak = 0, tPeak = 0, areaD = 0.1 * d.conductance().item(), areaE = 0.1 * e.conductance().item();
        for (int i = 1; i < 4000; i++) {
            double g = step(a, i * 0.1).item();
            if (g > peak) { peak = g; tPeak = i * 0.1; }
            areaD += 0.1 * step(d, i * 0.1).item();
            areaE += 0.1 * step(e, i * 0.1).item();
        }
        assertEquals(Math.exp(-1), peak, 1e-4, "alpha peak 1/e");
        assertEquals(8.0, tPeak, 0.11, "at t = τ");
        assertEquals(10.0, areaD, 0.3, "dual exponential integral τ_d");
        assertEquals(5.0, areaE, 0.3, "exponential integral τ");
    }

    @Test
    void inputGroups() {
        PoissonGroup p = new PoissonGroup(null, 2000, scalar(50.0), new RandomState(3));
        double total = 0;
        for (int i = 0; i < 1000; i++) total += sum(step(p, i * 0.1)).item();
        assertEquals(50.0, total / 2000 / 0.1, 3, "rate in Hz");
        SpikeTimeGroup s = new SpikeTimeGroup(null, 3, new double[] {0.0, 0.25, 0.5}, new int[] {0, 2, 1});
        assertEquals(array(new boolean[] {true, false, false}), step(s, 0.0));
        assertEquals(array(new boolean[] {false, false, true}), step(s, 0.2));
        assertEquals(array(new boolean[] {false, true, false}), step(s, 0.5));
        InputGroup in = new InputGroup(null, 2);
        assertEquals(array(new float[] {1, 2}), step(in, 0, array(new float[] {1, 2})));
        Leaky l = new Leaky(null, 1, 10);
        assertEquals(1.0, step(l, 0, ones(1)).item(), 1e-7);
        Tensor x = null;
        for (int i = 1; i <= 100; i++) x = step(l, i * 0.1);
        assertEquals(Math.exp(-1), x.item(), 1e-5, "decays by e^{−t/τ}");
    }

    @Test
    void savingAndRestoringContinuesARunBitForBit(@TempDir Path dir) throws Exception {
        FrameworkTest.EINet net = new FrameworkTest.EINet(400, 3);
        DSRunner r = new DSRunner(net, List.of("E.spike"), 0.1).input("E.input", 20).input("I.input", 20).progress(null);
        r.run(50);
        Path file = dir.resolve("net.npz");
        States.save(net, file);
        r.run(50);
        Tensor reference = r.mon("E.spike").get("500:");
        Naming.clearNameCache();
        FrameworkTest.EINet fresh = new FrameworkTest.EINet(400, 3);
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        States.Report rep = States.load(fresh, file, true, new java.io.PrintStream(log));
        assertTrue(rep.missing().isEmpty() && rep.unexpected().isEmpty(), rep.toString());
        assertTrue(log.toString().contains("Loading E.V ..."), log.toString());
        DSRunner r2 = new DSRunner(fresh, List.of("E.spike"), 0.1).startAt(50).input("E.input", 20).input("I.input", 20).progress(null);
        r2.run(50);
        assertEquals(reference, r2.mon("E.spike"), "the restored run continues bit for bit");
        assertEquals(50.0, r2.ts().getDouble(0), 1e-12);
    }

    /** Spike-delay histories are states: a delayed network saved mid-run and restored continues bit for bit (compiled). */
    @Test
    void savedStatesIncludeSpikeDelayHistories(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("delayed.npz");
        Tensor reference = null;
        for (int k = 0; k < 2; k++) {
            Naming.clearNameCache();
            Lif[] g = FrameworkTest.quickstartGroups(300, 4);
            class Delayed extends Network {
                final Lif E = g[0], I = g[1];
                final Projection ee = Projection.full(null, E, 12, Comm.eventCsr(new org.braindyn.connect.FixedProb(0.05, false, 1).connect(240, 240), scalar(0.5)),
                        new Expon(null, 240, 5), SynOut.coba(0), E);
                final Projection ie = Projection.full(null, I, 6, Comm.eventCsr(new org.braindyn.connect.FixedProb(0.05, false, 3).connect(60, 240), scalar(4.0)),
                        new Expon(null, 240, 10), SynOut.coba(-80), E);
                Delayed() { super(null); }
            }
            Delayed net = new Delayed();
            assertTrue(net.vars().keys().stream().anyMatch(n -> n.endsWith("_spikeDelay.hist")), net.vars().keys().toString());
            if (k == 0) {
                DSRunner r = new DSRunner(net, List.of("E.spike"), 0.1).input("E.input", 20).input("I.input", 20).jit(true).progress(null);
                r.run(60);
                States.save(net, file);
                r.run(60);
                reference = r.mon("E.spike").get("600:");
            } else {
                States.load(net, file, true, null);
                DSRunner r = new DSRunner(net, List.of("E.spike"), 0.1).startAt(60).input("E.input", 20).input("I.input", 20).jit(true).progress(null);
                r.run(60);
                assertEquals(reference, r.mon("E.spike"), "the restored delayed run continues bit for bit");
                assertTrue(sum(reference.astype(org.braindyn.tensor.DType.I32)).item() > 10, "it spikes");
            }
        }
    }
}
