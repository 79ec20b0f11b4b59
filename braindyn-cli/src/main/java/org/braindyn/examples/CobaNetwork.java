package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.braindyn.connect.FixedProb;
import org.braindyn.dyn.Comm;
import org.braindyn.dyn.DSRunner;
import org.braindyn.dyn.Expon;
import org.braindyn.dyn.Lif;
import org.braindyn.dyn.LifParams;
import org.braindyn.dyn.Network;
import org.braindyn.dyn.Projection;
import org.braindyn.dyn.SynOut;
import org.braindyn.init.Normal;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Tensor;

/**
 * BrainPy's quickstart E/I network built from components: 3,200 excitatory and 800 inhibitory {@link Lif} neurons
 * (V_rest −60, V_th −50, V_reset −60 mV, τ 20 ms, 5 ms refractory, V₀ ~ N(−55, 2²)), four {@link Projection}s with
 * fixed-probability (p = 0.02) event-driven connectivity, exponential conductances (τ_e 5 ms, τ_i 10 ms, weights 0.6
 * and 6.7, reversal 0 and −80 mV), input current 20, dt 0.1 ms, run by a {@link DSRunner}.
 */
public final class CobaNetwork implements Example {
    @Override public String name() { return "coba"; }

    @Override public String description() { return "COBA E/I network from components (Lif, Expon, projections) run by DSRunner"; }

    /** The network. */
    public static final class EINet extends Network {
        public final Lif E, I;
        public final Projection e2e, e2i, i2e, i2i;

        public EINet(int n, long seed) {
            super(null);
            RandomState rng = new RandomState((int) seed);
            int ne = n * 4 / 5, ni = n - ne;
            double prob = 0.02 * 4000 / n;
            LifParams p = new LifParams(-60, -60, -50, 20, 1, 5);
            E = new Lif("E", ne, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng));
            I = new Lif("I", ni, p, Lif.Reset.HARD, null, new Normal(-55, 2, rng));
            e2e = proj(E, E, prob, seed, 0.6, 5, 0);
            e2i = proj(E, I, prob, seed + 1, 0.6, 5, 0);
            i2e = proj(I, E, prob, seed + 2, 6.7, 10, -80);
            i2i = proj(I, I, prob, seed + 3, 6.7, 10, -80);
        }

        private static Projection proj(Lif pre, Lif post, double prob, long seed, double w, double tau, double e) {
            return Projection.full(null, pre, 0, Comm.eventCsr(new FixedProb(prob, false, seed).connect(pre.num(), post.num()), scalar(w)),
                    new Expon(null, post.num(), tau), SynOut.coba(e), post);
        }
    }

    @Override public void run(PrintStream log, Path out) throws Exception {
        long t0 = System.nanoTime();
        EINet net = new EINet(4000, 42);
        double build = (System.nanoTime() - t0) / 1e9;
        DSRunner runner = new DSRunner(net, List.of("E.spike", "I.spike"), 0.1).input("E.input", 20).input("I.input", 20).progress(log);
        log.println("Running the COBA network (4,000 LIF neurons, event-driven projections) for 500 ms ...");
        double secs = runner.run(500);
        Tensor se = runner.mon("E.spike"), si = runner.mon("I.spike");
        double rateE = sum(se).item() / 3200 / 0.5, rateI = sum(si).item() / 800 / 0.5;
        log.printf("  built in %.2f s; 5000 steps in %.2f s (%.1f µs per step)%n", build, secs, secs * 1e6 / 5000);
        log.printf("  mean rate: excitatory %.1f Hz, inhibitory %.1f Hz%n", rateE, rateI);
        Path npz = out.resolve("coba_monitors.npz");
        runner.save(npz);
        Tensor[] nz = nonzero(concatenate(1, se, si));
        Path png = out.resolve("coba_components_raster.png");
        RasterPng.write(png, nz[0].toIntArray(), nz[1].toIntArray(), 5000, 4000, 3200, "COBA network (components), 500 ms");
        log.println("  wrote " + npz + " and " + png);
    }
}
