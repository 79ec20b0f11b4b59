package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.FixedProb;
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
    static final class EINet extends Network {
        final Lif E, I;
        final Projection e2e, e2i, i2e, i2i;

        EINet(int n, long seed) {
            super(null);
            RandomState rng = new RandomState((int) seed);
            int ne = n * 4 / 5, ni = n - ne;
            LifParams p = new LifParams(-60, -60, -50, 20, 1, 5);
            E = new Lif("E", ne, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng));
            I = new Lif("I", ni, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng));
            double prob = 0.02 * 4000 / n;
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
}
