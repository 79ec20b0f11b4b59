package org.braindyn.datasets;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Turn intensities in [0, 1] into spike trains {@code (batch, steps, features)} of 0/1 (float32).
 * <ul>
 *   <li>{@link #latency}: one spike per feature at step {@code ⌊τ·ln(x/(x − θ))⌋} (the time a leaky integrator driven
 *       by x needs to reach θ), none when {@code x < θ} or the time is past the window — seed {@code 004}'s
 *       {@code current2firing_time} with τ = 2 ms/dt (20 steps at dt 0.1 ms), θ = 0.2.</li>
 *   <li>{@link #latencySpikes}: the same code as boolean spikes {@code (steps, batch, features)}, time first — what a
 *       compiled loop over the steps reads, one byte per entry (a quarter of float32's memory traffic) and no
 *       transposition.</li>
 *   <li>{@link #poisson}: independent Bernoulli spikes with probability {@code x·maxRate·dt} per step.</li>
 * </ul>
 */
public final class Encoders {
    private Encoders() {}

    /** Latency code of {@code x} {@code (batch, features)} over {@code steps}, with τ in steps and threshold θ in (0, 1). */
    public static Tensor latency(Tensor x, int steps, double tauSteps, double threshold) {
        int b = x.dim(0), f = x.dim(1);
        int[] when = spikeSteps(x, steps, tauSteps, threshold);
        float[] out = new float[b * steps * f];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < f; j++) {
                int t = when[i * f + j];
                if (t >= 0) out[(i * steps + t) * f + j] = 1;
            }
        return Tensor.wrap(DType.F32, Shape.of(b, steps, f), out);
    }

    /** The step of each entry's one latency spike, {@code -1} for none (below threshold or after the last step). */
    private static int[] spikeSteps(Tensor x, int steps, double tauSteps, double threshold) {
        if (x.ndim() != 2) throw new IllegalArgumentException("Encoders.latency: x must be (batch, features); got " + x.shape());
        if (steps < 1 || !(tauSteps > 0) || !(threshold > 0 && threshold < 1))
            throw new IllegalArgumentException("Encoders.latency: needs steps >= 1, tau > 0 and threshold in (0, 1); got " + steps + ", " + tauSteps + ", " + threshold);
        double[] v = x.astype(DType.F64).contiguous().toDoubleArray();
        int[] when = new int[v.length];
        for (int k = 0; k < v.length; k++) {
            double xi = v[k];
            when[k] = -1;
            if (xi < threshold) continue;
            double c = Math.max(xi, threshold + 1e-7);
            int t = (int) (tauSteps * Math.log(c / (c - threshold)));
            if (t < steps) when[k] = t;
        }
        return when;
    }

    /**
     * {@link #latency} as boolean spikes, time first: {@code (steps, batch, features)}, {@code true} where the float
     * code has a 1.
     */
    public static Tensor latencySpikes(Tensor x, int steps, double tauSteps, double threshold) {
        int b = x.dim(0), f = x.dim(1);
        int[] when = spikeSteps(x, steps, tauSteps, threshold);
        boolean[] out = new boolean[steps * b * f];
        for (int i = 0; i < b; i++)
            for (int j = 0; j < f; j++) {
                int t = when[i * f + j];
                if (t >= 0) out[(t * b + i) * f + j] = true;
            }
        return Tensor.wrap(DType.BOOL, Shape.of(steps, b, f), out);
    }

    /** Seed {@code 004}'s latency code as time-first boolean spikes (τ = 2 ms / {@code dtMs}, θ = 0.2). */
    public static Tensor latencySpikes(Tensor x, int steps, double dtMs) { return latencySpikes(x, steps, 2.0 / dtMs, 0.2); }

    /** Seed {@code 004}'s latency code: τ = 2 ms / {@code dtMs}, θ = 0.2. */
    public static Tensor latency(Tensor x, int steps, double dtMs) { return latency(x, steps, 2.0 / dtMs, 0.2); }

    /** Poisson (Bernoulli per step) code with rates {@code x·maxRateHz}, steps of {@code dtMs}. */
    public static Tensor poisson(Tensor x, int steps, double maxRateHz, double dtMs, RandomState rng) {
        if (x.ndim() != 2) throw new IllegalArgumentException("Encoders.poisson: x must be (batch, features); got " + x.shape());
        double scale = maxRateHz * dtMs / 1000;
        if (!(scale >= 0 && scale <= 1)) throw new IllegalArgumentException("Encoders.poisson: maxRateHz·dt must give a probability in [0, 1] per step; got " + scale);
        int b = x.dim(0), f = x.dim(1);
        double[] p = x.astype(DType.F64).contiguous().toDoubleArray();
        double[] u = rng.random(b, steps, f).astype(DType.F64).toDoubleArray();
        float[] out = new float[b * steps * f];
        for (int i = 0; i < b; i++)
            for (int t = 0; t < steps; t++)
                for (int j = 0; j < f; j++) {
                    int k = (i * steps + t) * f + j;
                    if (u[k] < p[i * f + j] * scale) out[k] = 1;
                }
        return Tensor.wrap(DType.F32, Shape.of(b, steps, f), out);
    }
}
