package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.jit.Allocations;
import org.braindyn.jit.Loops;
import org.braindyn.state.Naming;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Steady-state allocation of a compiled network step, one communication path at a time: a driven population
 * projects onto a second one through the path under test. (Both populations have the same size, so fusion merges
 * their updates into one chain; before fused kernels were capped at {@code Fusion.MAX_MEMBERS} ops, that 36-op SIMD
 * kernel boxed its Vector API masks and allocated ~4 KB per step.) 2,000 more steps must not allocate more than TLAB noise
 * (16 KB, i.e. under 8 bytes per step). {@link Allocations#measure} throws where the JVM cannot count allocations,
 * so these tests fail there instead of passing vacuously.
 */
class CommAllocationTest {
    @BeforeEach void names() { Naming.clearNameCache(); }

    private static final int N = 400;

    /** Two populations and one projection with {@code comm} (and {@code delay} steps) from the first to the second. */
    static final class Pair extends Network {
        final Lif pre, post;
        final Projection proj;

        Pair(Comm comm, int delay) {
            super(null);
            pre = FrameworkTest.quickstartGroups(N * 5 / 4, 3)[0];
            post = new Lif(null, N, new LifParams(-60, -60, -50, 20, 1, 5), Lif.Reset.HARD, null,
                    new org.braindyn.init.Normal(-55, 2, new org.braindyn.random.RandomState(4)));
            proj = Projection.full(null, pre, delay, comm, new Expon(null, N, 5), SynOut.coba(0), post);
        }
    }

    private static long extraBytes(Network net, Lif pre) {
        Function<Tensor[], Tensor[]> body = x -> {
            Shared.with(new Shared(0, 0, 0.1, false), x[0], () -> {
                pre.input.addAssign(20);
                net.update();
            });
            return new Tensor[0];
        };
        Tensor t1 = arange(2000).astype(DType.F32).mul(0.1f), t2 = arange(4000).astype(DType.F32).mul(0.1f);
        // steady state: two runs of the short loop allocate the same (HotSpot's warm-up over); a smaller second
        // measurement must not make the difference negative and pass vacuously
        // (while the SIMD kernels still run in C1 every step allocates boxed vectors, steadily: keep going until the
        // extra steps allocate nothing or the attempts run out, and report the last settled figure)
        long last = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 40; attempt++) {
            long a1 = Allocations.measure(() -> Loops.forLoop(body, t1));
            long a2 = Allocations.measure(() -> Loops.forLoop(body, t2));
            long a1b = Allocations.measure(() -> Loops.forLoop(body, t1));
            if (Math.abs(a1 - a1b) >= 1024) continue;
            last = a2 - Math.max(a1, a1b);
            if (last < 16 * 1024) return last;
        }
        return last;
    }

    private static void check(String path, Comm comm, int delay) {
        Pair net = new Pair(comm, delay);
        long more = extraBytes(net, net.pre);
        assertTrue(more < 16 * 1024, path + ": 2,000 more compiled steps allocated " + more + " bytes");
    }

    private static org.braindyn.connect.Conn conn() { return new FixedProb(0.05, false, 9).connect(N, N); }

    @Test void eventCsrWithOneWeight() { check("Comm.eventCsr, scalar weight", Comm.eventCsr(conn(), scalar(0.6)), 0); }

    @Test void eventCsrWithPerSynapseWeights() {
        org.braindyn.connect.Conn c = conn();
        check("Comm.eventCsr, per-synapse weights", Comm.eventCsr(c, full(Shape.of((int) c.size()), 0.6, DType.F32)), 0);
    }

    @Test void jitConnectivity() { check("JitComm.fixedProb (connectivity regenerated every step)", JitComm.fixedProb(N, N, 0.05, 0.6, 9), 0); }

    @Test void eventCsrWithASpikeDelay() { check("Comm.eventCsr behind a 20-step spike delay", Comm.eventCsr(conn(), scalar(0.6)), 20); }

    @Test void dense() { check("Comm.dense", Comm.dense(full(Shape.of(N, N), 0.01, DType.F32)), 0); }

    @Test void csrGraded() { check("Comm.csr (graded activity)", Comm.csr(conn(), scalar(0.6)), 0); }

    @Test void oneToOne() { check("Comm.oneToOne", Comm.oneToOne(scalar(0.6)), 0); }
}
