package org.braindyn.dyn.projections;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.braindyn.connect.Conn;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.AlignPreProjection;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.PoissonGroup;
import org.braindyn.dyn.SpikeTimeGroup;
import org.braindyn.dyn.SynOut;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.synapses.Ampa;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.RandomState;
import org.braindyn.state.Naming;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-synapse states: equal to the presynaptic-state form where that is exact (SPEC P9's equivalence), heterogeneous kinetics, errors. */
class PerSynapseProjectionTest {
    @AfterEach void clean() { Config.disableX64(); Naming.clearNameCache(); }

    /** AMPA kinetics per synapse and per presynaptic neuron give the same postsynaptic conductances, eager and compiled. */
    @Test
    void ampaPerSynapseEqualsAmpaPerPresynapticNeuron() {
        Config.enableX64();
        Conn conn = new FixedProb(0.2, false, 5).connect(60, 30);
        double[][] out = new double[4][];
        for (int run = 0; run < 4; run++) {
            Naming.clearNameCache();
            final boolean perSynapse = run % 2 == 0;
            class Net extends Network {
                final PoissonGroup pre = new PoissonGroup("pre", 60, BM.scalar(80.0), new RandomState(2));
                final Lif post = Lif.builder(30).vRest(-65).vTh(100).tau(10).build();
                final DynamicalSystemHolder proj = new DynamicalSystemHolder(perSynapse
                        ? PerSynapseProjection.of("p", pre, 3, conn, Ampa.builder(conn.size()).build(), BM.scalar(0.42), SynOut.coba(0), post)
                        : AlignPreProjection.delayThenSynapse("p", pre, 3, Ampa.builder(60).build(), Comm.csr(conn, BM.scalar(0.42)), SynOut.coba(0), post));
                Net() { super("net"); }
            }
            Net net = new Net();
            DSRunner r = new DSRunner(net, List.of("post.V"), 0.1).jit(run >= 2).progress(null);
            r.run(30);
            out[run] = r.mon("post.V").toDoubleArray();
        }
        assertArrayEquals(out[1], out[0], 1e-10, "per synapse = per presynaptic neuron (eager)");
        assertArrayEquals(out[0], out[2], 1e-12, "compiled = eager (per synapse)");
        double spread = 0;
        for (double v : out[0]) spread = Math.max(spread, v + 65);
        assertTrue(spread > 1, "the synapses depolarise the targets: " + spread + " mV");
    }

    /** Holds either projection type as a field, so the network finds it. */
    static final class DynamicalSystemHolder extends org.braindyn.dyn.DynamicalSystem implements org.braindyn.dyn.SynapticProjection {
        final org.braindyn.dyn.DynamicalSystem inner;
        DynamicalSystemHolder(org.braindyn.dyn.DynamicalSystem inner) { super(null); this.inner = inner; }
        @Override public org.braindyn.tensor.Tensor update(org.braindyn.tensor.Tensor... in) { return inner.update(in); }
        @Override public void resetState(int b) { inner.resetState(b); }
    }

    /** One presynaptic spike into three synapses with their own time constants: g_i = Σ_k w_k e^{−m·dt/τ_k} over i's synapses. */
    @Test
    void heterogeneousPerSynapseKineticsAddUpAtEachTarget() {
        Config.enableX64();
        Conn conn = Conn.fromIJ(1, 2, new int[] {0, 0, 0}, new int[] {0, 1, 1});
        double[] tau = {2, 5, 20}, w = {1.0, 0.5, 2.0};
        class Net extends Network {
            final SpikeTimeGroup pre = new SpikeTimeGroup("pre", 1, new double[] {0.0}, new int[] {0});
            final Lif post = Lif.builder(2).vTh(1e9).build();
            final PerSynapseProjection p = PerSynapseProjection.of("p", pre, 0, conn, Expon.builder(3).tau(BM.array(tau)).build(), BM.array(w), SynOut.cuba(), post);
            Net() { super("net"); }
        }
        Net net = new Net();
        DSRunner r = new DSRunner(net, List.of(), 0.1).monitor("g", net.p.gPost).jit(false).progress(null);
        r.run(10);
        double[] g = r.mon("g").toDoubleArray();
        for (int k = 1; k < g.length / 2; k++) {
            double t = (k - 1) * 0.1;
            assertEquals(w[0] * Math.exp(-t / tau[0]), g[2 * k], 1e-12, "target 0, step " + k);
            assertEquals(w[1] * Math.exp(-t / tau[1]) + w[2] * Math.exp(-t / tau[2]), g[2 * k + 1], 1e-12, "target 1, step " + k);
        }
    }

    @Test
    void badInputIsRefused() {
        Conn conn = new FixedProb(0.5, false, 1).connect(10, 10);
        Lif a = Lif.builder(10).build(), b = Lif.builder(10).build();
        var e = assertThrows(IllegalArgumentException.class, () -> PerSynapseProjection.of("P", a, 0, conn, Ampa.builder(10).build(), BM.scalar(1.0), SynOut.cuba(), b));
        assertTrue(e.getMessage().contains("P.syn") && e.getMessage().contains("expected one per synapse (" + conn.size() + ")"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> PerSynapseProjection.of("P", a, 0, conn, Ampa.builder(conn.size()).build(), BM.ones(3), SynOut.cuba(), b));
        assertTrue(e.getMessage().contains("P.weight: one value or one per synapse"), e.getMessage());
        Lif small = Lif.builder(4).build();
        e = assertThrows(IllegalArgumentException.class, () -> PerSynapseProjection.of("P", a, 0, conn, Ampa.builder(conn.size()).build(), BM.scalar(1.0), SynOut.cuba(), small));
        assertTrue(e.getMessage().contains("P.conn"), e.getMessage());
    }
}
