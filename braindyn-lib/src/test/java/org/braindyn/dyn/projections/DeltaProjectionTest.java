package org.braindyn.dyn.projections;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.Conn;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.SpikeTimeGroup;
import org.braindyn.dyn.neurons.Izhikevich;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Voltage jumps: the size, the delay to the step, refractory neurons left alone, compiled = eager, bad input. */
class DeltaProjectionTest {
    @AfterEach void clean() { Config.disableX64(); Naming.clearNameCache(); }

    /**
     * Input spikes at 1 and 3 ms, 5 steps of delay, +2 mV. Projections read the spikes of the previous step (as every
     * projection of a {@link Network}), so a spike of step k lands on step k + 1 + delay.
     */
    static final class Net extends Network {
        final SpikeTimeGroup in = new SpikeTimeGroup("in", 1, new double[] {1.0, 3.0}, new int[] {0, 0});
        // neuron 0 at rest; neuron 1 starts above threshold, fires at once and is refractory for 5 ms when the jumps land
        final Lif post = Lif.builder(2).vRest(-60).vReset(-60).vTh(-50).tau(20).tauRef(5).vInit(BM.array(new double[] {-60, -45})).build();
        final DeltaProjection d = DeltaProjection.full("d", in, 5, Comm.eventCsr(Conn.fromIJ(1, 2, new int[] {0, 0}, new int[] {0, 1}), BM.scalar(2.0)), post);
        Net() { super("net"); }
    }

    private static double[][] run(boolean jit) {
        Naming.clearNameCache();
        Net net = new Net();
        DSRunner r = new DSRunner(net, List.of("post.V"), 0.1).jit(jit).progress(null);
        r.run(5);
        double[] flat = r.mon("post.V").toDoubleArray();
        double[][] v = new double[flat.length / 2][2];
        for (int k = 0; k < v.length; k++) { v[k][0] = flat[2 * k]; v[k][1] = flat[2 * k + 1]; }
        return v;
    }

    @Test
    void aSpikeJumpsThePotentialByItsWeightExactlyDelayStepsLater() {
        Config.enableX64();
        double[][] v = run(false);
        int spikeStep = 10, arrival = spikeStep + 1 + 5;                     // the spike group fires at step 10 (t = 1 ms)
        for (int k = 0; k < arrival; k++) assertEquals(-60, v[k][0], 1e-12, "no change before the jump, step " + k);
        assertEquals(-58, v[arrival][0], 1e-12, "+2 mV on the arrival step");
        double decay = Math.exp(-0.1 / 20);
        assertEquals(-60 + 2 * decay, v[arrival + 1][0], 1e-12, "then relaxes with τ = 20 ms");
        int second = 30 + 1 + 5;                                             // the second spike (3 ms) lands at step 36
        double before = -60 + 2 * Math.pow(decay, second - arrival - 1);
        assertEquals(before * decay + -60 * (1 - decay) + 2, v[second][0], 1e-12, "the jumps add up");
        for (int k = 1; k < 49; k++) assertEquals(-60, v[k][1], 1e-12, "refractory neuron 1 keeps its reset value, step " + k);
    }

    @Test
    void compiledRunEqualsEager() {
        Config.enableX64();
        double[][] eager = run(false), jit = run(true);
        for (int k = 0; k < eager.length; k++) assertArrayEquals(eager[k], jit[k], 0, "step " + k);
    }

    /** Every catalogue family takes delta inputs: an Izhikevich neuron at rest jumps by the weight too. */
    @Test
    void izhikevichNeuronsTakeTheJumpsToo() {
        Config.enableX64();
        Naming.clearNameCache();
        class IzNet extends Network {
            final SpikeTimeGroup in = new SpikeTimeGroup("in", 1, new double[] {0.5}, new int[] {0});
            final Izhikevich post = Izhikevich.builder(1).vInit(-70.0).uInit(-14.0).method("euler").build();
            final DeltaProjection d = DeltaProjection.full("d", in, 0, Comm.oneToOne(BM.scalar(3.0)), post);
            IzNet() { super("iz"); }
        }
        IzNet net = new IzNet();
        DSRunner with = new DSRunner(net, List.of("post.V"), 0.1).jit(false).progress(null);
        with.run(1);
        Naming.clearNameCache();
        Izhikevich alone = Izhikevich.builder(1).vInit(-70.0).uInit(-14.0).method("euler").build();
        DSRunner without = new DSRunner(alone, List.of("V"), 0.1).jit(false).progress(null);
        without.run(1);
        double[] a = with.mon("post.V").toDoubleArray(), b = without.mon("V").toDoubleArray();
        for (int k = 0; k < 6; k++) assertEquals(b[k], a[k], 1e-12, "before the jump, step " + k);
        assertEquals(b[6] + 3, a[6], 1e-9, "the step after the spike (step 5): +3 mV");
    }

    @Test
    void badInputIsRefused() {
        Naming.clearNameCache();
        Lif post = Lif.builder(3).build();
        SpikeTimeGroup in = new SpikeTimeGroup("in", 2, new double[] {1}, new int[] {0});
        var e = assertThrows(IllegalArgumentException.class, () -> DeltaProjection.full("D", in, -1, Comm.oneToOne(BM.scalar(1.0)), post));
        assertTrue(e.getMessage().contains("D.delaySteps: must be >= 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> DeltaProjection.full("D", in, 0, Comm.oneToOne(BM.scalar(1.0)), post));
        assertTrue(e.getMessage().contains("maps") && e.getMessage().contains("expected equal sizes"), e.getMessage());
        DeltaProjection half = DeltaProjection.half("H", Comm.oneToOne(BM.scalar(1.0)), post);
        e = assertThrows(IllegalArgumentException.class, half::update);
        assertTrue(e.getMessage().contains("half projection needs its presynaptic activity"), e.getMessage());
    }
}
