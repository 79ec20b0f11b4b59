package org.braindyn.dyn.projections;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.All2All;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.PoissonGroup;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.SpikeTimeGroup;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Trace-based STDP: the declared exponential window, accumulation over pairs, bounds, compiled = eager, errors. */
class StdpTest {
    @AfterEach void back() { Naming.clearNameCache(); }

    static final class Pair extends Network {
        final SpikeTimeGroup pre, post;
        final Stdp stdp;

        Pair(double[] preTimes, double[] postTimes, double wMax) {
            super(null);
            pre = new SpikeTimeGroup(null, 1, preTimes, new int[preTimes.length]);
            post = new SpikeTimeGroup(null, 1, postTimes, new int[postTimes.length]);
            stdp = Stdp.song2000(pre, post, new All2All()).weights(0.0).wMax(wMax).syn(new Expon(null, 1, 5)).build();
        }
    }

    static double change(double[] preTimes, double[] postTimes) {
        Pair p = new Pair(preTimes, postTimes, Double.POSITIVE_INFINITY);
        new DSRunner(p, List.of(), 0.1).progress(null).run(400);
        return p.stdp.w.value().getDouble(0);
    }

    @Test
    void onePairChangesTheWeightByTheDeclaredExponentialWindow() {
        for (double dt : new double[] {-80, -30, -10, -2, 0, 1, 5, 16.8, 40, 90}) {
            double got = change(new double[] {100}, new double[] {100 + dt});
            double expected = dt > 0 ? 0.96 * Math.exp(-dt / 16.8) : dt < 0 ? -0.53 * Math.exp(dt / 33.7) : 0.96 - 0.53;
            assertEquals(expected, got, 2e-5, "Δt = " + dt + " ms");
        }
    }

    @Test
    void pairsAddUpThroughTheTracesAndBoundsHold() {
        double got = change(new double[] {50}, new double[] {60, 70});
        assertEquals(0.96 * (Math.exp(-10 / 16.8) + Math.exp(-20 / 16.8)), got, 2e-5, "all-to-all pairing: both post spikes see the pre trace");
        double mixed = change(new double[] {50, 80}, new double[] {60});
        assertEquals(0.96 * Math.exp(-10 / 16.8) - 0.53 * Math.exp(-20 / 33.7), mixed, 2e-5);
        Pair capped = new Pair(new double[] {50, 150, 250}, new double[] {51, 151, 251}, 1.0);
        new DSRunner(capped, List.of(), 0.1).progress(null).run(300);
        assertEquals(1.0, capped.stdp.w.value().getDouble(0), 0, "wMax bounds the weight");
    }

    static final class Driven extends Network {
        final PoissonGroup in;
        final Lif out;
        final Stdp plastic;

        Driven(double a1, double a2) {
            super(null);
            in = new PoissonGroup(null, 200, BM.scalar(20.0), new RandomState(5));
            out = Lif.builder(20).vRest(0).vReset(0).vTh(10).tau(10).tauRef(2).build();
            plastic = Stdp.song2000(in, out, new FixedProb(0.3, false, 2)).weights(2.0).a1(a1).a2(a2).wMin(0).wMax(4)
                    .syn(new Expon(null, 20, 5)).delay(3).build();
        }
    }

    @Test
    void compiledRunsEqualEagerRunsAndLearningChangesTheWeights() {
        Driven e = new Driven(0.01, 0.0105), c = new Driven(0.01, 0.0105);
        DSRunner re = new DSRunner(e, List.of("out.spike"), 0.1).progress(null);
        DSRunner rc = new DSRunner(c, List.of("out.spike"), 0.1).progress(null).jit(true);
        re.run(300);
        rc.run(300);
        assertTrue(BM.sum(re.mon("out.spike").astype(DType.F32)).item() > 20, "the output fires");
        assertArrayEquals(re.mon("out.spike").astype(DType.F32).toFloatArray(), rc.mon("out.spike").astype(DType.F32).toFloatArray(), "spike for spike");
        assertArrayEquals(e.plastic.w.value().toFloatArray(), c.plastic.w.value().toFloatArray(), 1e-5f, "the same learned weights");
        float[] w = e.plastic.w.value().toFloatArray();
        long moved = 0;
        for (float v : w) if (Math.abs(v - 2f) > 1e-4) moved++;
        assertTrue(moved > w.length / 2, moved + " of " + w.length + " weights changed");
        e.plastic.resetWeights();
        assertEquals(2.0, e.plastic.w.value().getDouble(3), 0);
    }

    static final class Fixed extends Network {
        final PoissonGroup in;
        final Lif out;
        final org.braindyn.dyn.DynamicalSystem link;

        Fixed(boolean plastic) {
            super(null);
            in = new PoissonGroup(null, 100, BM.scalar(30.0), new RandomState(8));
            out = Lif.builder(10).vRest(0).vReset(0).vTh(5).tau(10).build();
            FixedProb fp = new FixedProb(0.2, false, 4);
            link = plastic ? Stdp.song2000(in, out, fp).weights(3.0).a1(0).a2(0).syn(new Expon(null, 10, 5)).out(SynOut.cuba()).build()
                    : Projection.full(null, in, 0, Comm.eventCsr(fp.connect(100, 10), BM.scalar(3.0f)), new Expon(null, 10, 5), SynOut.cuba(), out);
        }
    }

    @Test
    void withoutLearningItDrivesThePostGroupExactlyAsAPlainProjection() {
        Fixed a = new Fixed(true), b = new Fixed(false);
        DSRunner ra = new DSRunner(a, List.of("out.spike"), 0.1).progress(null), rb = new DSRunner(b, List.of("out.spike"), 0.1).progress(null);
        ra.run(200);
        rb.run(200);
        assertTrue(BM.sum(ra.mon("out.spike").astype(DType.F32)).item() > 10);
        assertArrayEquals(rb.mon("out.spike").astype(DType.F32).toFloatArray(), ra.mon("out.spike").astype(DType.F32).toFloatArray());
    }

    @Test
    void badParametersAreRefused() {
        SpikeTimeGroup a = new SpikeTimeGroup(null, 2, new double[0], new int[0]), b = new SpikeTimeGroup(null, 3, new double[0], new int[0]);
        var e = assertThrows(IllegalArgumentException.class, () -> Stdp.song2000(a, b, new All2All()).name("p").tauS(-1).syn(new Expon(null, 3, 5)).build());
        assertTrue(e.getMessage().contains("Stdp 'p'.tauS: must be > 0 ms; got -1.0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdp.song2000(a, b, new All2All()).syn(new Expon(null, 2, 5)).build());
        assertTrue(e.getMessage().contains("has 2 targets but") && e.getMessage().contains("3 neurons"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdp.song2000(a, b, new All2All()).wMin(1).wMax(0).syn(new Expon(null, 3, 5)).build());
        assertTrue(e.getMessage().contains("expected wMin <= wMax"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdp.song2000(a, b, new All2All()).weights(BM.ones(4)).syn(new Expon(null, 3, 5)).build());
        assertTrue(e.getMessage().contains("4 values for 6 synapses"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Stdp.song2000(a, b, new All2All()).build());
        assertTrue(e.getMessage().contains(".syn: a synapse is required"), e.getMessage());
    }
}
