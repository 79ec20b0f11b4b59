package org.braindyn.dyn;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.dyn.neurons.Lif;
import org.braindyn.dyn.neurons.LifParams;
import org.braindyn.dyn.synapses.Expon;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Just-in-time connectivity: regenerated rows are stable, statistics are right, and it acts as the dense matrix would. */
class JitCommTest {
    @Test
    void regeneratesTheSameNetworkAndActsLikeItsDenseMatrix() {
        JitComm c = JitComm.fixedProb(300, 200, 0.1, 0.5, 7);
        Tensor w = c.toDense();
        assertEquals(w, JitComm.fixedProb(300, 200, 0.1, 0.5, 7).toDense(), "same seed, same network");
        assertNotEquals(w, JitComm.fixedProb(300, 200, 0.1, 0.5, 8).toDense(), "another seed, another network");
        double synapses = sum(w.ne(0).astype(DType.F32)).item();
        assertEquals(300 * 200 * 0.1, synapses, 4 * Math.sqrt(300 * 200 * 0.1 * 0.9), "binomial number of synapses");
        assertEquals(0.5, sum(w).item() / synapses, 1e-6, "homogeneous weight");
        Tensor spikes = new RandomState(3).bernoulli(0.2, 300);
        assertTrue(allclose(matmul(spikes.astype(DType.F32), w), c.apply(spikes), 1e-5, 1e-5), "event-driven = dense");
        Tensor batch = new RandomState(4).uniform(0, 1, 4, 300);
        assertTrue(allclose(matmul(batch, w), c.apply(batch), 1e-4, 1e-4), "batched, graded activity");
        var e = assertThrows(IllegalArgumentException.class, () -> c.apply(zeros(299)));
        assertTrue(e.getMessage().contains("(300,)") && e.getMessage().contains("299"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JitComm.fixedProb(3, 3, 1.5, 1, 0));
    }

    @Test
    void randomWeightsHaveTheirMoments() {
        Tensor n = JitComm.fixedProbNormal(400, 400, 0.2, 1.0, 0.5, 11).toDense();
        Tensor u = JitComm.fixedProbUniform(400, 400, 0.2, -1.0, 3.0, 11).toDense();
        assertEquals(n.ne(0), u.ne(0), "the weight law does not change who connects to whom");
        double[] wn = values(n), wu = values(u);
        double mn = mean(wn), mu = mean(wu);
        assertEquals(1.0, mn, 0.02);
        assertEquals(0.25, var(wn, mn), 0.02);
        assertEquals(1.0, mu, 0.05);
        assertEquals(16.0 / 12, var(wu, mu), 0.05);
        for (double x : wu) assertTrue(x >= -1 && x < 3, "uniform weight " + x);
    }

    @Test
    void fullConnectivityAndNoConnectivity() {
        assertEquals(full(new int[] {5, 4}, 2.0f), JitComm.fixedProb(5, 4, 1.0, 2.0, 1).toDense());
        assertEquals(zeros(5, 4), JitComm.fixedProb(5, 4, 0.0, 2.0, 1).toDense());
    }

    @Test
    void drivesAProjection() {
        org.braindyn.state.Naming.clearNameCache();
        Lif pre = new Lif("Pre", 50, LifParams.defaults(), Lif.Reset.HARD, null, null), post = new Lif("Post", 30, LifParams.defaults(), Lif.Reset.HARD, null, null);
        JitComm c = JitComm.fixedProbNormal(50, 30, 0.3, 0.5, 0.1, 9);
        Projection p = Projection.full("P", pre, 0, c, new Expon(null, 30, 5), SynOut.cuba(), post);
        Tensor spikes = new RandomState(1).bernoulli(0.4, 50);
        pre.spike.set(spikes);
        Shared.with(new Shared(0, 0, 0.1, false), () -> { p.update(); });
        assertTrue(allclose(matmul(spikes.astype(DType.F32), c.toDense()), ((Expon) p.syn).g.value(), 1e-5, 1e-5));
    }

    /** A network on regenerated connectivity runs as a compiled loop (one host call per projection) exactly as step by step. */
    @Test
    void compiledRunsEqualEagerRuns() {
        Tensor[] spikes = new Tensor[2];
        for (int k = 0; k < 2; k++) {
            org.braindyn.state.Naming.clearNameCache();
            Lif[] g = FrameworkTest.quickstartGroups(500, 4);
            class Regenerated extends Network {
                final Lif E = g[0], I = g[1];
                final Projection ee = Projection.full(null, E, 0, JitComm.fixedProb(400, 400, 0.05, 0.6, 1), new Expon(null, 400, 5), SynOut.coba(0), E);
                final Projection ie = Projection.full(null, I, 0, JitComm.fixedProbNormal(100, 400, 0.05, 6.7, 1, 2), new Expon(null, 400, 10), SynOut.coba(-80), E);
                final Projection ei = Projection.full(null, E, 0, JitComm.fixedProbUniform(400, 100, 0.05, 0.3, 0.9, 3), new Expon(null, 100, 5), SynOut.coba(0), I);
                Regenerated() { super(null); }
            }
            DSRunner r = new DSRunner(new Regenerated(), java.util.List.of("E.spike", "I.spike"), 0.1).input("E.input", 20).input("I.input", 20)
                    .jit(k == 1).progress(null);
            r.run(100);
            if (k == 1) assertTrue(r.compileSeconds() > 0, "compiled");
            spikes[k] = concatenate(1, r.mon("E.spike"), r.mon("I.spike"));
        }
        assertEquals(spikes[0], spikes[1]);
        assertTrue(sum(spikes[1].astype(DType.I32)).item() > 100, "the network spikes");
    }

    private static double[] values(Tensor w) {
        return take(w.flatten(), nonzero(w.flatten())[0], 0).astype(DType.F64).toDoubleArray();
    }

    private static double mean(double[] x) { double s = 0; for (double v : x) s += v; return s / x.length; }

    private static double var(double[] x, double m) { double s = 0; for (double v : x) s += (v - m) * (v - m); return s / x.length; }
}
