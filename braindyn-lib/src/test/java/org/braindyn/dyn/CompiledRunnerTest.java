package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.jit.TracerError;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DSRunner#jit}: a whole run as a compiled loop gives exactly the eager run, and says clearly what it cannot compile. */
class CompiledRunnerTest {
    @BeforeEach void names() { Naming.clearNameCache(); }

    /** Two networks built alike (the same seed, the same names): one to run each way. */
    private static FrameworkTest.EINet[] twins(int n, long seed) {
        FrameworkTest.EINet a = new FrameworkTest.EINet(n, seed);
        Naming.clearNameCache();
        return new FrameworkTest.EINet[] {a, new FrameworkTest.EINet(n, seed)};
    }

    private static DSRunner runner(FrameworkTest.EINet net, Tensor drive, boolean jit) {
        return new DSRunner(net, List.of("E.spike", "I.V"), 0.1).monitor("E.V", 0, 5, 7)
                .input("E.input", drive, true, DSRunner.Op.ADD).input("I.input", 20).jit(jit).progress(null);
    }

    @Test
    void aCompiledRunEqualsTheEagerRunWithIteratedInputsAndIndexMonitors() {
        int steps = 3000;                                                   // more than one compiled chunk
        Tensor drive = full(Shape.of(steps + 500, 1), 20, DType.F32).add(linspace(0, 5, steps + 500).astype(DType.F32).reshape(steps + 500, 1));
        FrameworkTest.EINet[] nets = twins(600, 11);
        FrameworkTest.EINet a = nets[0], b = nets[1];
        DSRunner eager = runner(a, drive, false), compiled = runner(b, drive, true);
        eager.run(steps * 0.1);
        compiled.run(steps * 0.1);
        eager.run(20);                                                      // and both continue in time
        compiled.run(20);
        assertEquals(eager.ts(), compiled.ts());
        for (String m : List.of("E.spike", "I.V", "E.V")) assertEquals(eager.mon(m), compiled.mon(m), m);
        assertEquals(a.E.V.value(), b.E.V.value());
        assertTrue(sum(compiled.mon("E.spike").astype(DType.I32)).item() > 100, "the network is active");
        assertEquals(steps + 200, compiled.monSteps("E.spike").size());
    }

    /** {@link DSRunner#profile}: the network's kernels and event sums timed, spikes as in an unprofiled run. */
    @Test
    void aProfiledRunTimesTheNetworksKernelsAndChangesNoSpike() {
        Tensor drive = full(Shape.of(400, 1), 20, DType.F32);
        FrameworkTest.EINet[] nets = twins(600, 11);
        FrameworkTest.EINet a = nets[0], b = nets[1];
        DSRunner plain = runner(a, drive, true), timed = runner(b, drive, true);
        plain.run(30);
        timed.run(10);
        org.braindyn.jit.LoopProfile p = timed.profile(20);
        assertEquals(200, p.steps());
        assertEquals(plain.mon("E.spike"), timed.mon("E.spike"));
        List<String> labels = p.rows().stream().map(org.braindyn.jit.LoopProfile.Row::label).toList();
        assertTrue(labels.stream().anyMatch(l -> l.startsWith("fused kernel")) && labels.stream().anyMatch(l -> l.startsWith("csr_event_sum")), labels.toString());
        assertTrue(p.kernelMicrosPerStep() > 0 && p.executorMicrosPerStep() >= 0, p.toString());
        IllegalStateException eager = assertThrows(IllegalStateException.class, () -> runner(new FrameworkTest.EINet(600, 1), drive, false).profile(1));
        assertTrue(eager.getMessage().contains("jit(false)"), eager.getMessage());
    }

    /** The network step as DSRunner compiles it (no monitors): more steps cost no more allocation. */
    @Test
    void theCompiledNetworkStepAllocatesNothingInSteadyState() {
        FrameworkTest.EINet net = new FrameworkTest.EINet(2000, 5);
        java.util.function.Function<Tensor[], Tensor[]> body = x -> {
            Shared.with(new Shared(0, 0, 0.1, false), x[0], () -> {
                net.E.input.addAssign(20);
                net.I.input.addAssign(20);
                net.update();
            });
            return new Tensor[0];
        };
        Tensor t1 = arange(2000).astype(DType.F32).mul(0.1f), t2 = arange(4000).astype(DType.F32).mul(0.1f);
        long more = Long.MAX_VALUE, a1 = 0;
        for (int attempt = 0; attempt < 40 && more >= 16 * 1024; attempt++) {   // steady state: after HotSpot's warm-up
            a1 = org.braindyn.jit.Allocations.measure(() -> org.braindyn.jit.Loops.forLoop(body, t1));
            long a2 = org.braindyn.jit.Allocations.measure(() -> org.braindyn.jit.Loops.forLoop(body, t2));
            long a1b = org.braindyn.jit.Allocations.measure(() -> org.braindyn.jit.Loops.forLoop(body, t1));
            if (Math.abs(a1 - a1b) < 1024) more = a2 - Math.max(a1, a1b);   // settled: a noisy first run cannot make it negative
        }
        assertTrue(more < 16 * 1024, "2,000 more steps allocated " + more + " bytes (a 2,000-step loop in all: " + a1 + ")");
    }

    /** Poisson input draws its uniforms on the host before each compiled step: the same spikes as the eager run. */
    @Test
    void poissonInputRunsCompiledWithTheEagerRandomStream() {
        class Driven extends Network {
            final PoissonGroup noise = new PoissonGroup(null, 200, scalar(40.0), new org.braindyn.random.RandomState(9));
            final Lif post = new Lif(null, 50, LifParams.defaults(), Lif.Reset.HARD, null, null);
            final Projection p = Projection.full(null, noise, 0, Comm.eventCsr(new FixedProb(0.2, false, 4).connect(200, 50), scalar(3.0)),
                    new Expon(null, 50, 5), SynOut.cuba(), post);
            Driven() { super(null); }
        }
        Tensor[] spikes = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            Naming.clearNameCache();
            Driven net = new Driven();
            DSRunner r = new DSRunner(net, List.of("noise.spike", "post.spike"), 0.1).jit(k == 1).progress(null);
            r.run(300);
            spikes[k] = concatenate(1, r.mon("noise.spike"), r.mon("post.spike"));
        }
        assertEquals(spikes[0], spikes[1]);
        assertTrue(sum(spikes[1].astype(DType.I32)).item() > 100, "the noise drives spikes");
    }

    /** A Poisson group's rates changed between runs take effect in the already compiled loop, as in the eager one. */
    @Test
    void poissonRatesChangedBetweenRunsApplyInsideTheCompiledLoop() {
        Tensor[] spikes = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            Naming.clearNameCache();
            PoissonGroup g = new PoissonGroup("g", 500, scalar(0.0), new org.braindyn.random.RandomState(3));
            DSRunner r = new DSRunner(g, List.of("spike"), 0.1).jit(k == 1).progress(null);
            r.run(100);
            g.rates(scalar(200.0));
            r.run(100);
            g.rates(scalar(0.0));
            r.run(100);
            spikes[k] = r.mon("spike");
        }
        assertEquals(spikes[0], spikes[1], "compiled = eager");
        Tensor counts = sum(spikes[1].astype(DType.I32), 1);
        long off = 0, on = 0;
        for (int s = 0; s < 3000; s++) { long c = (long) counts.getDouble(s); if (s >= 1000 && s < 2000) on += c; else off += c; }
        assertEquals(0, off, "silent at 0 Hz");
        assertEquals(500 * 0.1 * 200, on, 4 * Math.sqrt(500 * 0.1 * 200), "200 Hz for 100 ms: about 10,000 spikes in all");
    }

    @Test
    void whatCannotBeCompiledIsNamed() {
        FrameworkTest.EINet net = new FrameworkTest.EINet(200, 3);
        DSRunner r = new DSRunner(net, List.of(), 0.1).monitor("spiking", () -> nonzero(net.E.spike.value())[0]).jit(true).progress(null);
        TracerError e = assertThrows(TracerError.class, () -> r.run(1));
        assertTrue(e.getMessage().contains("nonzero") || e.getMessage().contains("CompiledRunnerTest"), e.getMessage());
        Naming.clearNameCache();
        Lif[] g = FrameworkTest.quickstartGroups(100, 1);
        class SynapseDelayed extends Network {               // align-pre with the delay after the synapse: a Java-held history
            final Lif E = g[0], I = g[1];
            final AlignPreProjection p = AlignPreProjection.synapseThenDelay(null, E, new Expon(null, 80, 5), 3,
                    Comm.csr(new FixedProb(0.1, false, 1).connect(80, 20), scalar(0.5)), SynOut.cuba(), I);
            SynapseDelayed() { super(null); }
        }
        DSRunner d = new DSRunner(new SynapseDelayed(), List.of(), 0.1).input("E.input", 20).jit(true).progress(null);
        TracerError de = assertThrows(TracerError.class, () -> d.run(1));
        assertTrue(de.getMessage().contains("LengthDelay") && de.getMessage().contains("jit(false)"), de.getMessage());
    }

    /** Spike delays (homogeneous and per neuron) are a ring buffer of tensor ops: compiled runs equal eager ones. */
    @Test
    void spikeDelaysRunCompiledExactlyAsEager() {
        Tensor[] out = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            Naming.clearNameCache();
            Lif[] g = FrameworkTest.quickstartGroups(400, 2);
            int[] perNeuron = new int[g[0].num()];
            for (int j = 0; j < perNeuron.length; j++) perNeuron[j] = 5 + j % 11;
            class Delayed extends Network {
                final Lif E = g[0], I = g[1];
                final Projection ee = Projection.full(null, E, 15, Comm.eventCsr(new FixedProb(0.05, false, 1).connect(320, 320), scalar(0.4)),
                        new Expon(null, 320, 5), SynOut.coba(0), E);
                final Projection ei = Projection.full(null, E, perNeuron, Comm.eventCsr(new FixedProb(0.05, false, 2).connect(320, 80), scalar(0.4)),
                        new Expon(null, 80, 5), SynOut.coba(0), I);
                final Projection ie = Projection.full(null, I, 8, Comm.eventCsr(new FixedProb(0.05, false, 3).connect(80, 320), scalar(4.0)),
                        new Expon(null, 320, 10), SynOut.coba(-80), E);
                Delayed() { super(null); }
            }
            DSRunner r = new DSRunner(new Delayed(), List.of("E.spike", "I.spike", "E.V"), 0.1).input("E.input", 20).input("I.input", 20)
                    .jit(k == 1).progress(null);
            r.run(200);
            out[k] = concatenate(1, r.mon("E.spike").astype(DType.F32), r.mon("I.spike").astype(DType.F32), r.mon("E.V"));
        }
        assertEquals(out[0], out[1]);
        assertTrue(sum(out[1].get(":, 0:400")).item() > 50, "the delayed network spikes");
    }

    /** {@code explain()} shows the compiled step (event sums, one fused kernel per population) and runs nothing. */
    @Test
    void explainShowsTheCompiledStepWithoutRunningIt() {
        FrameworkTest.EINet net = new FrameworkTest.EINet(500, 3);
        DSRunner r = new DSRunner(net, List.of(), 0.1).input("E.input", 20).input("I.input", 20).jit(true).progress(null);
        Tensor v0 = net.E.V.value().contiguous().add(0f);
        String plan = r.explain();
        assertTrue(plan.contains("csr_event_sum"), plan);
        assertTrue(plan.contains("over 400 elements") && plan.contains("over 100 elements"), plan);
        assertEquals(0, r.ts().size());
        assertEquals(v0, net.E.V.value());
        r.run(5);                                                            // and the explained step is the one that runs
        assertEquals(50, r.ts().size());
    }

    /** Without {@code jit(…)} a runner compiles (BrainPy's default) and gives the eager run's results. */
    @Test
    void runnersCompileByDefault() {
        Tensor drive = full(Shape.of(600, 1), 22, DType.F32);
        FrameworkTest.EINet[] nets = twins(300, 5);
        FrameworkTest.EINet a = nets[0], b = nets[1];
        DSRunner byDefault = new DSRunner(a, List.of("E.spike"), 0.1).input("E.input", drive, true, DSRunner.Op.ADD).input("I.input", 20).progress(null);
        DSRunner eager = new DSRunner(b, List.of("E.spike"), 0.1).input("E.input", drive, true, DSRunner.Op.ADD).input("I.input", 20).jit(false).progress(null);
        assertTrue(byDefault.compiled());
        assertFalse(eager.compiled());
        byDefault.run(50);
        eager.run(50);
        assertTrue(byDefault.compileSeconds() > 0, "the default run traced and compiled its step");
        assertEquals(0.0, eager.compileSeconds());
        assertEquals(eager.mon("E.spike"), byDefault.mon("E.spike"));
        assertTrue(sum(byDefault.mon("E.spike").astype(DType.I32)).item() > 10, "the network is active");
    }

    /** A step that cannot be traced runs step by step by default, saying so once; with {@code jit(true)} it is an error. */
    @Test
    void anUntraceableStepFallsBackToEagerWithANotice() {
        java.io.ByteArrayOutputStream log = new java.io.ByteArrayOutputStream();
        FrameworkTest.EINet net = new FrameworkTest.EINet(200, 3);
        DSRunner r = new DSRunner(net, List.of(), 0.1).monitor("spiking", () -> nonzero(net.E.spike.value())[0])
                .input("E.input", 20).input("I.input", 20).progress(new java.io.PrintStream(log, true));
        r.run(20);
        r.run(20);
        String said = log.toString();
        assertTrue(said.contains("cannot be compiled") && said.contains("jit(false)"), said);
        assertEquals(said.indexOf("cannot be compiled"), said.lastIndexOf("cannot be compiled"), "said once: " + said);
        assertFalse(r.compiled());
        assertEquals(0.0, r.compileSeconds());
        assertEquals(400, r.monSteps("spiking").size());
        Naming.clearNameCache();
        FrameworkTest.EINet same = new FrameworkTest.EINet(200, 3);
        DSRunner e = new DSRunner(same, List.of(), 0.1).monitor("spiking", () -> nonzero(same.E.spike.value())[0])
                .input("E.input", 20).input("I.input", 20).jit(false).progress(null);
        e.run(40);
        for (int k = 0; k < 400; k++) assertEquals(e.monSteps("spiking").get(k), r.monSteps("spiking").get(k), "step " + k);
    }

    /** {@link SpikeTimeGroup} compiles (time compared as a float64 tensor) and fires in the same steps as step by step. */
    @Test
    void spikeTimesFireInTheirStepsCompiledAsEager() {
        double[] times = {0.05, 0.3, 0.3, 1.0, 12.34, 99.0};
        int[] ids = {0, 1, 2, 1, 3, 0};
        Tensor[] rasters = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            Naming.clearNameCache();
            SpikeTimeGroup g = new SpikeTimeGroup(null, 4, times, ids);
            DSRunner r = new DSRunner(g, List.of("spike"), 0.1).jit(k == 1).progress(null);
            r.run(20);
            if (k == 1) assertTrue(r.compileSeconds() > 0, "compiled");
            rasters[k] = r.mon("spike");
        }
        assertEquals(rasters[0], rasters[1]);
        boolean[] f = rasters[1].toBoolArray();
        java.util.Set<String> fired = new java.util.TreeSet<>();
        for (int q = 0; q < f.length; q++) if (f[q]) fired.add((q / 4) + ":" + (q % 4));
        assertEquals(new java.util.TreeSet<>(List.of("0:0", "3:1", "3:2", "10:1", "123:3")), fired);
    }
}
