package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Align-pre projections: for linear synapses they deliver the post-aligned conductance, with and without delays. */
class AlignPreProjectionTest {
    @Test
    void linearSynapsesGiveThePostAlignedConductance() {
        for (int d : new int[] {0, 3}) {
            Naming.clearNameCache();
            Lif pre = new Lif("Pre", 60, LifParams.defaults(), Lif.Reset.HARD, null, null), post = new Lif("Post", 40, LifParams.defaults(), Lif.Reset.HARD, null, null);
            var conn = new FixedProb(0.2, false, 5).connect(60, 40);
            Tensor w = new RandomState(3).uniform(0.1, 1.0, conn.size());
            Projection ref = Projection.full("Ref", pre, d, Comm.eventCsr(conn, w), new Expon(null, 40, 5), SynOut.cuba(), post);
            AlignPreProjection sd = AlignPreProjection.synapseThenDelay("SD", pre, new Expon(null, 60, 5), d, Comm.csr(conn, w), SynOut.cuba(), post);
            AlignPreProjection ds = AlignPreProjection.delayThenSynapse("DS", pre, d, new Expon(null, 60, 5), Comm.csr(conn, w), SynOut.cuba(), post);
            RandomState rng = new RandomState(9);
            double seen = 0;
            for (int step = 0; step < 40; step++) {
                pre.spike.set(rng.bernoulli(0.1, 60));
                int k = step;
                Shared.with(new Shared(k * 0.1, k, 0.1, false), () -> { ref.update(); sd.update(); ds.update(); });
                Tensor g = ((Expon) ref.syn).g.value();
                seen += sum(g).item();
                assertTrue(allclose(g, sd.postConductance(), 1e-4, 1e-5), "SD, delay " + d + ", step " + step);
                assertTrue(allclose(g, ds.postConductance(), 1e-4, 1e-5), "DS, delay " + d + ", step " + step);
            }
            assertTrue(seen > 0, "spikes arrived");
        }
    }

    @Test
    void aNetworkRunsWithAlignPreProjectionsAndRejectsMisalignedSynapses() {
        Naming.clearNameCache();
        Lif a = new Lif("A", 100, LifParams.defaults(), Lif.Reset.HARD, null, null);
        Lif b = new Lif("B", 50, LifParams.defaults(), Lif.Reset.HARD, null, null);
        var conn = new FixedProb(0.3, false, 2).connect(100, 50);
        var bad = assertThrows(IllegalArgumentException.class,
                () -> AlignPreProjection.synapseThenDelay("Bad", a, new Expon(null, 50, 5), 0, Comm.csr(conn, scalar(1)), SynOut.cuba(), b));
        assertTrue(bad.getMessage().contains("Bad.syn") && bad.getMessage().contains("100"), bad.getMessage());
        AlignPreProjection p = AlignPreProjection.synapseThenDelay("AB", a, new Expon(null, 100, 5), 2, Comm.csr(conn, scalar(2.0)), SynOut.cuba(), b);
        final class Net extends Network {
            final Lif A = a, B = b;
            final AlignPreProjection ab = p;
            Net() { super(null); }
        }
        Net net = new Net();
        DSRunner r = new DSRunner(net, java.util.List.of("A.spike", "B.V"), 0.1).input("A.input", 30).progress(null);
        r.run(50);
        assertTrue(sum(r.mon("A.spike").astype(DType.F32)).item() > 0);
        assertTrue(max(r.mon("B.V")).item() > LifParams.defaults().vRest() + 0.1, "the driven population depolarised B");
    }
    @Test
    void projectionsFromOneGroupShareOneSpikeDelay() {
        Naming.clearNameCache();
        Lif pre = new Lif("Pre", 8, LifParams.defaults(), Lif.Reset.HARD, null, null), post = new Lif("Post", 8, LifParams.defaults(), Lif.Reset.HARD, null, null);
        Projection p2 = Projection.full("P2", pre, 2, Comm.oneToOne(scalar(1.0)), new Expon(null, 8, 5), SynOut.cuba(), post);
        Projection p5 = Projection.full("P5", pre, 5, Comm.oneToOne(scalar(1.0)), new Expon(null, 8, 5), SynOut.cuba(), post);
        assertSame(pre.spikeDelay(0), pre.spikeDelay(5), "one buffer per group");
        assertEquals(5, pre.spikeDelay(0).length(), "as long as the longest delay");
        RandomState rng = new RandomState(4);
        double decay = Math.exp(-0.1 / 5);
        java.util.List<float[]> history = new java.util.ArrayList<>();
        double[] g2 = new double[8], g5 = new double[8];
        for (int k = 0; k < 30; k++) {
            Tensor s = rng.bernoulli(0.3, 8);
            pre.spike.set(s);
            history.add(s.astype(DType.F32).toFloatArray());
            int step = k;
            Shared.with(new Shared(k * 0.1, k, 0.1, false), () -> { p2.update(); p5.update(); });
            for (int j = 0; j < 8; j++) {
                g2[j] = g2[j] * decay + (step >= 2 ? history.get(step - 2)[j] : 0);
                g5[j] = g5[j] * decay + (step >= 5 ? history.get(step - 5)[j] : 0);
                assertEquals(g2[j], ((Expon) p2.syn).g.value().getDouble(j), 1e-5, "delay 2, step " + step);
                assertEquals(g5[j], ((Expon) p5.syn).g.value().getDouble(j), 1e-5, "delay 5, step " + step);
            }
        }
        var late = assertThrows(IllegalStateException.class, () -> pre.spikeDelay(9));
        assertTrue(late.getMessage().contains("9 steps") && late.getMessage().contains("before running"), late.getMessage());
    }
    @Test
    void perNeuronDelaysEqualHomogeneousProjectionsPerNeuron() {
        Naming.clearNameCache();
        Lif pre = new Lif("Pre", 6, LifParams.defaults(), Lif.Reset.HARD, null, null), post = new Lif("Post", 6, LifParams.defaults(), Lif.Reset.HARD, null, null);
        int[] delays = {0, 1, 3, 3, 2, 0};
        Projection het = Projection.full("Het", pre, delays, Comm.oneToOne(scalar(1.0)), new Expon(null, 6, 5), SynOut.cuba(), post);
        Projection[] hom = new Projection[4];
        for (int d = 0; d < 4; d++) hom[d] = Projection.full("Hom" + d, pre, d, Comm.oneToOne(scalar(1.0)), new Expon(null, 6, 5), SynOut.cuba(), post);
        RandomState rng = new RandomState(8);
        for (int k = 0; k < 25; k++) {
            pre.spike.set(rng.bernoulli(0.4, 6));
            Shared.with(new Shared(k * 0.1, k, 0.1, false), () -> { het.update(); for (Projection p : hom) p.update(); });
            for (int j = 0; j < 6; j++)
                assertEquals(((Expon) hom[delays[j]].syn).g.value().getDouble(j), ((Expon) het.syn).g.value().getDouble(j), 1e-6, "neuron " + j + " step " + k);
        }
        var e = assertThrows(IllegalArgumentException.class, () -> Projection.full("Bad", pre, new int[] {1, 2}, Comm.oneToOne(scalar(1.0)), new Expon(null, 6, 5), SynOut.cuba(), post));
        assertTrue(e.getMessage().contains("2 delays for 6"), e.getMessage());
    }
}
