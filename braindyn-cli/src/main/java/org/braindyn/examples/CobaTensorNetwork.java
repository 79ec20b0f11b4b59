package org.braindyn.examples;

import static org.braindyn.tensor.BM.*;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.io.Npz;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Index;
import org.braindyn.tensor.Tensor;

/**
 * The COBA E/I network of Brette et al. (2007) / BrainPy's quickstart, written directly in tensor operations
 * (the dynamical-system framework will wrap the same computation in reusable components): 3,200 excitatory and
 * 800 inhibitory leaky integrate-and-fire neurons,
 * {@code τ dV/dt = −(V − V_rest) + I + g_e (E_e − V) + g_i (E_i − V)}, {@code τ = 20 ms}, {@code V_rest = −60 mV},
 * {@code V_th = −50 mV}, reset to −60 mV, 5 ms refractory period, input {@code I = 20}; conductances decay with
 * {@code τ_e = 5 ms} and {@code τ_i = 10 ms} and jump by 0.6 (E) and 6.7 (I) per presynaptic spike, delivered by
 * the event-driven CSR operator over 80 random targets per neuron. Exponential Euler, {@code dt = 0.1 ms}.
 */
public final class CobaTensorNetwork implements Example {
    /** What a run produced. */
    public record Result(int steps, double seconds, double rateE, double rateI, int synapses, int[] spikeSteps, int[] spikeNeurons) {}

    @Override public String name() { return "coba-tensor"; }

    @Override public String description() { return "COBA E/I network of 4,000 LIF neurons in plain tensor ops (event-driven synapses)"; }

    @Override public void run(PrintStream log, Path out, RunOptions options) throws Exception {
        log.println("Simulating the COBA E/I network (4,000 LIF neurons, 320,000 synapses) for 500 ms ...");
        Result r = simulate(4000, 500, 42, log);
        log.printf("  %d steps of 0.1 ms in %.2f s wall (%.1f µs per step)%n", r.steps(), r.seconds(), r.seconds() * 1e6 / r.steps());
        log.printf("  mean firing rate: excitatory %.1f Hz, inhibitory %.1f Hz; %d spikes in all%n", r.rateE(), r.rateI(), r.spikeSteps().length);
        Map<String, Tensor> arrays = new LinkedHashMap<>();
        arrays.put("spike_times_ms", array(r.spikeSteps()).astype(DType.F32).mul(0.1));
        arrays.put("spike_neurons", array(r.spikeNeurons()));
        Path npz = out.resolve("coba_spikes.npz");
        Npz.write(npz, arrays);
        Path png = out.resolve("coba_raster.png");
        CobaNetwork.raster(r.spikeSteps(), 0.1, r.spikeNeurons(), 3200, 4000, png, "COBA network in tensor ops, 4,000 LIF neurons, 500 ms");
        log.println("  wrote " + npz + " (numpy.load) and " + png);
    }

    /** Runs the network of {@code n} neurons (80% excitatory) for {@code durationMs}. */
    public static Result simulate(int n, double durationMs, int seed, PrintStream progress) {
        double dt = 0.1, tau = 20, vRest = -60, vTh = -50, vReset = -60, tauRef = 5, input = 20;
        int ne = n * 4 / 5, steps = (int) Math.round(durationMs / dt), fanOut = Math.min(80, n);
        RandomState rng = new RandomState(seed);
        Csr ee = randomCsr(rng, ne, n, fanOut), ii = randomCsr(rng, n - ne, n, fanOut);
        Tensor v = rng.normal(-55, 5, n).astype(DType.F32);
        Tensor ge = zeros(n), gi = zeros(n), lastSpike = full(new int[] {n}, -1e7);
        Tensor decayE = scalar(Math.exp(-dt / 5)), decayI = scalar(Math.exp(-dt / 10));
        Tensor we = scalar(0.6), wi = scalar(6.7);
        int[] sSteps = new int[1 << 16], sNeurons = new int[1 << 16];
        int count = 0, countE = 0;
        long t0 = System.nanoTime();
        for (int step = 0; step < steps; step++) {
            double t = step * dt;
            Tensor iSyn = ge.mul(v.neg()).add(gi.mul(v.add(80).neg())).add(input);
            Tensor dv = v.sub(vRest).neg().add(iSyn).div(tau);
            Tensor active = lastSpike.lt(t - tauRef);
            v = where(active, v.add(dv.mul(dt)), v);
            Tensor spike = v.ge(vTh);
            v = where(spike, scalar(vReset), v);
            lastSpike = where(spike, scalar(t), lastSpike);
            ge = ge.mul(decayE).add(csrEventSum(ee, we, spike.get(Index.to(ne))));
            gi = gi.mul(decayI).add(csrEventSum(ii, wi, spike.get(Index.from(ne))));
            for (int j : nonzero(spike)[0].toIntArray()) {
                if (count == sSteps.length) { sSteps = java.util.Arrays.copyOf(sSteps, count * 2); sNeurons = java.util.Arrays.copyOf(sNeurons, count * 2); }
                sSteps[count] = step;
                sNeurons[count++] = j;
                if (j < ne) countE++;
            }
            if (progress != null && steps >= 1000 && (step + 1) % (steps / 5) == 0)
                progress.printf("  ... %3.0f%% (t = %.0f ms)%n", 100.0 * (step + 1) / steps, (step + 1) * dt);
        }
        double secs = (System.nanoTime() - t0) / 1e9, durS = durationMs / 1000;
        return new Result(steps, secs, countE / (ne * durS), (count - countE) / ((n - ne) * durS), ee.nnz() + ii.nnz(),
                java.util.Arrays.copyOf(sSteps, count), java.util.Arrays.copyOf(sNeurons, count));
    }

    /** {@code rows} presynaptic neurons, each with {@code fanOut} distinct random targets among {@code cols}. */
    static Csr randomCsr(RandomState rng, int rows, int cols, int fanOut) {
        int[][] t = new int[rows][];
        Tensor keys = rng.randint(0, Integer.MAX_VALUE, rows);
        int[] seeds = keys.toIntArray();
        for (int r = 0; r < rows; r++) {
            RandomState local = new RandomState(seeds[r]);
            t[r] = local.choice(cols, fanOut, false, null).toIntArray();
            java.util.Arrays.sort(t[r]);
        }
        return Csr.fromRows(cols, t);
    }
}
