package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.neurons.LifSpec;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.init.Normal;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The first framework pieces: the LIF interspike interval in closed form, and an E/I network through projections and a runner. */
class FrameworkTest {
    @BeforeEach void names() { Naming.clearNameCache(); }

    static final class Single extends Network {
        final Lif n;
        Single(Lif n) { super(null); this.n = n; }
    }

    @Test
    void lifFiresWithTheAnalyticInterspikeInterval() {
        LifParams p = LifParams.defaults().withTauRef(2);
        double current = 30, dt = 0.01;
        double isi = p.tauRef() + p.tau() * Math.log((p.vRest() + p.r() * current - p.vReset()) / (p.vRest() + p.r() * current - p.vTh()));
        Single net = new Single(new Lif("N", 1, p, Lif.Reset.HARD, null, null));
        DSRunner r = new DSRunner(net, List.of("n.spike"), dt).input("n.input", current).progress(null);
        r.run(100);
        boolean[] sp = r.mon("n.spike").flatten().toBoolArray();
        List<Double> times = new java.util.ArrayList<>();
        for (int i = 0; i < sp.length; i++) if (sp[i]) times.add(i * dt);
        assertTrue(times.size() >= 5, "fires repetitively: " + times.size());
        for (int k = 1; k < times.size(); k++) assertEquals(isi, times.get(k) - times.get(k - 1), dt + 1e-9, "interval " + k);
    }

    static double[] isis(DSRunner r, String path, int neuron, double dt) {
        boolean[] sp = r.mon(path).get(":, " + neuron).toBoolArray();
        java.util.List<Double> t = new java.util.ArrayList<>();
        for (int i = 0; i < sp.length; i++) if (sp[i]) t.add(i * dt);
        double[] out = new double[t.size() - 1];
        for (int k = 1; k < t.size(); k++) out[k - 1] = t.get(k) - t.get(k - 1);
        return out;
    }

    @Test
    void heterogeneousAndVariableParameters() {
        double dt = 0.01, current = 30;
        Tensor taus = array(new float[] {5, 10, 20});
        org.braindyn.state.Variable vTh = new org.braindyn.state.Variable(scalar(20), "vTh");
        Single net = new Single(new Lif("H", 3, new LifSpec(0.0, -5.0, vTh, taus, 1.0, 1.0), Lif.Reset.HARD, null, null));
        DSRunner r = new DSRunner(net, List.of("n.spike"), dt).input("n.input", current).progress(null);
        r.run(100);
        for (int k = 0; k < 3; k++) {
            double want = 1 + taus.getDouble(k) * Math.log((current + 5) / (current - 20));
            for (double isi : isis(r, "n.spike", k, dt)) assertEquals(want, isi, dt + 1e-9, "neuron " + k);
        }
        vTh.set(scalar(25));                                           // a Variable parameter changed between runs
        r.run(100);
        double[] after = isis(r, "n.spike", 1, dt);
        assertEquals(1 + 10 * Math.log(35.0 / 5), after[after.length - 1], dt + 1e-9, "the second run uses the new threshold");
        assertThrows(IllegalArgumentException.class, () -> new Lif(null, 3, new LifSpec(0.0, -5.0, 20.0, array(new float[] {5, -1, 2}), 1.0, 0.0), Lif.Reset.HARD, null, null));
    }

    /** BrainPy's quickstart E/I network with COBA synapses, small. */
    /** BrainPy's quickstart populations: 80% excitatory, 20% inhibitory LIF, V₀ ~ N(−55, 2²) from {@code seed}. */
    static Lif[] quickstartGroups(int n, long seed) {
        RandomState rng = new RandomState((int) seed);
        int ne = n * 4 / 5;
        LifParams p = new LifParams(-60, -60, -50, 20, 1, 5);
        return new Lif[] {new Lif("E", ne, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng)), new Lif("I", n - ne, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng))};
    }

    static final class EINet extends Network {
        final Lif E, I;
        final Projection e2e, e2i, i2e, i2i;

        EINet(int n, long seed) { this(n, seed, 80); }

        EINet(int n, long seed, double inDegree) {
            super(null);
            Lif[] g = quickstartGroups(n, seed);
            E = g[0];
            I = g[1];
            int ne = E.num(), ni = I.num();
            double prob = inDegree / n;
            e2e = Projection.full(null, E, 0, Comm.eventCsr(new FixedProb(prob, false, seed).connect(ne, ne), scalar(0.6)), new Expon(null, ne, 5), SynOut.coba(0), E);
            e2i = Projection.full(null, E, 0, Comm.eventCsr(new FixedProb(prob, false, seed + 1).connect(ne, ni), scalar(0.6)), new Expon(null, ni, 5), SynOut.coba(0), I);
            i2e = Projection.full(null, I, 0, Comm.eventCsr(new FixedProb(prob, false, seed + 2).connect(ni, ne), scalar(6.7)), new Expon(null, ne, 10), SynOut.coba(-80), E);
            i2i = Projection.full(null, I, 0, Comm.eventCsr(new FixedProb(prob, false, seed + 3).connect(ni, ni), scalar(6.7)), new Expon(null, ni, 10), SynOut.coba(-80), I);
        }
    }

    @Test
    void eiNetworkRunsThroughProjectionsAndIsReproducible() {
        EINet net = new EINet(800, 7);
        DSRunner r = new DSRunner(net, List.of("E.spike", "I.spike", "E.V"), 0.1).input("E.input", 20).input("I.input", 20).progress(null);
        r.run(100);
        r.run(100);                                                     // continues in time
        assertEquals(2000, r.ts().size());
        assertEquals(199.9, r.ts().getDouble(1999), 1e-9);
        Tensor se = r.mon("E.spike");
        assertEquals(org.braindyn.tensor.Shape.of(2000, 640), se.shape());
        double rateE = sum(se).item() / 640 / 0.2;
        assertTrue(rateE > 1 && rateE < 100, "excitatory rate " + rateE + " Hz");
        Naming.clearNameCache();
        EINet again = new EINet(800, 7);
        DSRunner r2 = new DSRunner(again, List.of("E.spike"), 0.1).input("E.input", 20).input("I.input", 20).progress(null);
        r2.run(200);
        assertEquals(se, r2.mon("E.spike"), "same seed, same spikes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DSRunner(net, List.of("Z.V"), 0.1));
        assertTrue(e.getMessage().contains("'Z.V'") && e.getMessage().contains("E.V"), e.getMessage());
    }

    @Test
    void eventDrivenProjectionEqualsDense() {
        var conn = new FixedProb(0.2, true, 3).connect(30, 20);
        Tensor w = new RandomState(2).uniform(0, 1, conn.size());
        Tensor dense = conn.csr().toDense(w);
        Tensor spikes = new RandomState(5).bernoulli(0.3, 30);
        assertTrue(allclose(Comm.dense(dense).apply(spikes), Comm.eventCsr(conn, w).apply(spikes), 1e-5, 1e-5));
    }
    /** The quickstart conveniences {@code expCoba}/{@code expCuba} build the same network as the explicit projections. */
    static final class QuickstartNet extends Network {
        final Lif E, I;
        final Projection e2e, e2i, i2e, i2i;

        QuickstartNet(int n, long seed) {
            super(null);
            Lif[] g = quickstartGroups(n, seed);
            E = g[0];
            I = g[1];
            double prob = 80.0 / n;
            e2e = Projection.expCoba("E2E", E, E, new FixedProb(prob, false, seed), 0.6, 5, 0);
            e2i = Projection.expCoba("E2I", E, I, new FixedProb(prob, false, seed + 1), 0.6, 5, 0);
            i2e = Projection.expCoba("I2E", I, E, new FixedProb(prob, false, seed + 2), 6.7, 10, -80);
            i2i = Projection.expCoba("I2I", I, I, new FixedProb(prob, false, seed + 3), 6.7, 10, -80);
        }
    }

    @Test
    void expCobaConvenienceEqualsExplicitProjections() {
        EINet explicit = new EINet(800, 7);
        DSRunner a = new DSRunner(explicit, List.of("E.spike"), 0.1).input("E.input", 20).input("I.input", 20).progress(null);
        a.run(100);
        Naming.clearNameCache();
        QuickstartNet quick = new QuickstartNet(800, 7);
        DSRunner b = new DSRunner(quick, List.of("E.spike"), 0.1).input("E.input", 20).input("I.input", 20).progress(null);
        b.run(100);
        assertTrue(sum(a.mon("E.spike")).item() > 0);
        assertEquals(a.mon("E.spike"), b.mon("E.spike"));
        Lif x = new Lif("X", 10, LifParams.defaults(), Lif.Reset.HARD, null, null);
        var cuba = Projection.expCuba("X2X", x, x, new FixedProb(0.5, false, 1), 1.5, 5);
        x.spike.set(ones(10).astype(org.braindyn.tensor.DType.BOOL));
        Shared.with(new Shared(0, 0, 0.1, false), () -> { cuba.update(); });
        Tensor g = ((Expon) cuba.syn).g.value();
        var conn = new FixedProb(0.5, false, 1).connect(10, 10);
        for (int j = 0; j < 10; j++)                                      // every presynaptic neuron spiked: g = 1.5 × in-degree
            assertEquals(1.5 * conn.csr().toDense(ones(conn.size())).get(":, " + j).sum().item(), g.getDouble(j), 1e-5, "post " + j);
        var bad = assertThrows(IllegalArgumentException.class, () -> Projection.expCoba("Bad", x, x, new FixedProb(0.5, false, 1), Double.NaN, 5, 0));
        assertTrue(bad.getMessage().contains("Bad.gMax") && bad.getMessage().contains("NaN"), bad.getMessage());
    }

    @Test
    void indexSubsetAndFunctionMonitors() throws Exception {
        EINet net = new EINet(400, 3);
        DSRunner r = new DSRunner(net, List.of(), 0.1).monitor("E.V").monitor("E.spike", 0, 5, 7)
                .monitor("nE", () -> sum(net.E.spike.value().astype(org.braindyn.tensor.DType.F32)))
                .monitor("ids", () -> nonzero(net.E.spike.value())[0]).monitor("IV", net.I.V)
                .input("E.input", 20).input("I.input", 20).progress(null);
        r.run(50);
        assertEquals(org.braindyn.tensor.Shape.of(500, 80), r.mon("IV").shape());
        assertEquals(net.I.V.value(), r.mon("IV").get("-1"), "a variable monitor records the variable's value after each step");
        Tensor v = r.mon("E.V");
        assertEquals(org.braindyn.tensor.Shape.of(500, 320), v.shape());
        assertEquals(org.braindyn.tensor.Shape.of(500, 3), r.mon("E.spike").shape());
        assertEquals(org.braindyn.tensor.Shape.of(500), r.mon("nE").shape());
        List<Tensor> ids = r.monSteps("ids");
        assertEquals(500, ids.size());
        double total = 0;
        for (int k = 0; k < 500; k++) {
            assertEquals(r.mon("nE").getDouble(k), ids.get(k).size(), "step " + k);
            total += ids.get(k).size();
            for (int j = 0; j < ids.get(k).size(); j++) {                        // every recorded index spiked, V was reset
                int id = ids.get(k).getInt(j);
                assertEquals(-60.0, v.getDouble(k, id), 1e-4, "step " + k + " neuron " + id);
                if (id == 5) assertTrue(r.mon("E.spike").get(k + ", 1").item() != 0, "the subset monitor saw neuron 5 spike at step " + k);
            }
        }
        assertTrue(total > 0, "the network spiked");
        java.nio.file.Path file = java.nio.file.Files.createTempDirectory("mon").resolve("m.npz");
        r.save(file);
        var saved = org.braindyn.io.Npz.read(file);
        assertEquals(concatenate(0, ids.toArray(Tensor[]::new)), saved.get("ids"), "ragged monitor concatenated");
        assertEquals(500, saved.get("ids_counts").size());
        assertEquals(total, sum(saved.get("ids_counts")).item(), 0.0);
        assertEquals(r.mon("E.V"), saved.get("E.V"));
        var bad = assertThrows(IllegalArgumentException.class, () -> new DSRunner(net, List.of(), 0.1).monitor("E.V", 320));
        assertTrue(bad.getMessage().contains("'E.V'") && bad.getMessage().contains("320") && bad.getMessage().contains("320 elements"), bad.getMessage());
        var dup = assertThrows(IllegalArgumentException.class, () -> new DSRunner(net, List.of("E.V"), 0.1).monitor("E.V", 1));
        assertTrue(dup.getMessage().contains("already"), dup.getMessage());
    }

    /**
     * Same seed ⇒ same spikes whether kernels run on one thread or are split across several: 400,000 neurons (320,000
     * excitatory) put the excitatory group's elementwise kernels above the splitting threshold (2^18 elements; 300,000 did not) (the test JVM's common pool has at least two workers).
     */
    @Test
    void spikeTrainsDoNotDependOnTheThreadCount() {
        assertTrue(java.util.concurrent.ForkJoinPool.getCommonPoolParallelism() >= 2, "the test JVM sets the common pool's parallelism to >= 2");
        assertTrue(400_000 * 4 / 5 > org.braindyn.tensor.Config.parallelElementwiseThreshold(),
                "the excitatory group's elementwise kernels are above the splitting threshold, so they do split");
        boolean before = org.braindyn.tensor.Config.parallelKernels();
        try {
            Tensor[] runs = new Tensor[2];
            for (int t = 0; t < 2; t++) {
                org.braindyn.tensor.Config.setParallelKernels(t == 1);
                Naming.clearNameCache();
                EINet net = new EINet(400_000, 11, 4);
                DSRunner r = new DSRunner(net, List.of(), 0.1).monitor("ids", () -> nonzero(net.E.spike.value())[0])
                        .input("E.input", 20).input("I.input", 20).progress(null);
                r.run(12);
                runs[t] = concatenate(0, r.monSteps("ids").toArray(Tensor[]::new));
            }
            assertTrue(runs[0].size() > 1000, "spikes: " + runs[0].size());
            assertEquals(runs[0], runs[1], "one thread and several threads give the same spike trains");
        } finally {
            org.braindyn.tensor.Config.setParallelKernels(before);
        }
    }
}
