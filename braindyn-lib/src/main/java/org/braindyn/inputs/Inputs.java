package org.braindyn.inputs;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Input currents as time series (BrainPy's {@code bp.inputs}): the first axis is time, one row per step of
 * {@code dt} ms (pass {@code dt <= 0} for {@link Config#dt()}). Times in ms, frequencies in Hz.
 * <pre>{@code
 * Tensor i = Inputs.sectionInput(new Tensor[] {BM.scalar(0), BM.ones(10), BM.scalar(0)}, new double[] {100, 300, 100}, 0.1);
 * // (5000, 10): zero for 100 ms, one for 300 ms, zero for 100 ms
 * }</pre>
 */
public final class Inputs {
    private Inputs() {}

    private static double dt(double dt) { return dt > 0 ? dt : Config.dt(); }

    private static int steps(double duration, double dt) {
        if (!(duration >= 0)) throw new IllegalArgumentException("inputs: duration must be >= 0 ms; got " + duration);
        return (int) Math.ceil(duration / dt - 1e-9);
    }

    /** Piecewise-constant input: {@code values[k]} (scalars or arrays, broadcast together) for {@code durations[k]} ms each. */
    public static Tensor sectionInput(Tensor[] values, double[] durations, double dt) {
        if (values.length != durations.length)
            throw new IllegalArgumentException("sectionInput: " + values.length + " values for " + durations.length + " durations; give one duration per value");
        double h = dt(dt);
        Shape common = Shape.SCALAR;
        for (Tensor v : values) common = Shape.broadcast(common, v.shape());
        Tensor[] parts = new Tensor[values.length];
        for (int k = 0; k < values.length; k++) {
            int n = steps(durations[k], h);
            int[] shape = new int[common.rank() + 1];
            shape[0] = n;
            System.arraycopy(common.toArray(), 0, shape, 1, common.rank());
            parts[k] = values[k].astype(Config.defaultFloat()).broadcastTo(shape);
        }
        return BM.concatenate(0, parts).contiguous();
    }

    /** Piecewise-constant scalar input from (value, duration) pairs; returns the current and the total duration. */
    public record Constant(Tensor current, double duration) {}

    /** BrainPy's {@code constant_input([(value, duration), …])}. */
    public static Constant constantInput(double[][] valueAndDuration, double dt) {
        Tensor[] v = new Tensor[valueAndDuration.length];
        double[] d = new double[valueAndDuration.length];
        double total = 0;
        for (int k = 0; k < v.length; k++) {
            v[k] = BM.scalar(valueAndDuration[k][0]);
            d[k] = valueAndDuration[k][1];
            total += d[k];
        }
        return new Constant(sectionInput(v, d, dt), total);
    }

    /** Pulses of size {@code spSize} lasting {@code spLen} ms starting at each of {@code spTimes}, over {@code duration}. */
    public static Tensor spikeInput(double[] spTimes, double spLen, double spSize, double duration, double dt) {
        double h = dt(dt);
        int n = steps(duration, h);
        double[] out = new double[n];
        for (double t0 : spTimes) {
            int a = (int) Math.round(t0 / h), b = (int) Math.round((t0 + spLen) / h);
            for (int i = Math.max(0, a); i < Math.min(n, b); i++) out[i] = spSize;
        }
        return BM.array(out).astype(Config.defaultFloat());
    }

    /** Zero, then a linear ramp from {@code cStart} to {@code cEnd} between {@code tStart} and {@code tEnd} (ms), then zero. */
    public static Tensor rampInput(double cStart, double cEnd, double duration, double tStart, double tEnd, double dt) {
        double h = dt(dt);
        int n = steps(duration, h), p1 = (int) Math.ceil(tStart / h - 1e-9), p2 = (int) Math.ceil(Math.min(tEnd, duration) / h - 1e-9);
        double[] out = new double[n];
        int len = Math.max(0, p2 - p1);
        for (int k = 0; k < len && p1 + k < n; k++) out[p1 + k] = len == 1 ? cStart : cStart + (cEnd - cStart) * k / (len - 1);
        return BM.array(out).astype(Config.defaultFloat());
    }

    /** Wiener increments {@code dW ~ N(0, dt)} for {@code n} channels between {@code tStart} and {@code tEnd}, zero elsewhere; shape (T, n). */
    public static Tensor wienerProcess(double duration, double dt, int n, double tStart, double tEnd, long seed) {
        double h = dt(dt);
        int steps = steps(duration, h), a = (int) Math.round(tStart / h), b = Math.min(steps, (int) Math.round(Math.min(tEnd, duration) / h));
        Tensor w = new RandomState((int) seed).normal(0, Math.sqrt(h), Math.max(0, b - a), n).astype(Config.defaultFloat());
        return BM.pad(w, new int[][] {{a, steps - b}, {0, 0}}, 0);
    }

    /** Ornstein–Uhlenbeck noise {@code dx = (μ − x)/τ·dt + σ·dW} from x = μ, for {@code n} channels; shape (T, n). */
    public static Tensor ouProcess(double mean, double sigma, double tau, double duration, double dt, int n, double tStart, double tEnd, long seed) {
        if (!(tau > 0)) throw new IllegalArgumentException("ouProcess.tau: must be > 0 ms; got " + tau);
        double h = dt(dt);
        Tensor dw = wienerProcess(duration, h, n, tStart, tEnd, seed).astype(DType.F64);
        int steps = dw.dim(0);
        double[] out = new double[steps * n], x = new double[n], d = dw.toDoubleArray();
        java.util.Arrays.fill(x, mean);
        int a = (int) Math.round(tStart / h), b = Math.min(steps, (int) Math.round(Math.min(tEnd, duration) / h));
        for (int i = 0; i < steps; i++) for (int c = 0; c < n; c++) {
            if (i >= a && i < b) x[c] += (mean - x[c]) / tau * h + sigma * d[i * n + c];
            out[i * n + c] = i >= a && i < b ? x[c] : 0;
        }
        return BM.array(out).reshape(steps, n).astype(Config.defaultFloat());
    }

    /** {@code amplitude·sin(2π·f·t)} (f in Hz, t in ms from {@code tStart}) between {@code tStart} and {@code tEnd}; with {@code dcBias} shifted up by the amplitude. */
    public static Tensor sinusoidalInput(double amplitude, double frequency, double duration, double dt, double tStart, double tEnd, boolean dcBias) {
        return periodic(amplitude, frequency, duration, dt, tStart, tEnd, dcBias, false);
    }

    /** A square wave {@code amplitude·sign(sin(2π·f·t))} (f in Hz, t in ms), optionally shifted up by the amplitude. */
    public static Tensor squareInput(double amplitude, double frequency, double duration, double dt, double tStart, double tEnd, boolean dcBias) {
        return periodic(amplitude, frequency, duration, dt, tStart, tEnd, dcBias, true);
    }

    private static Tensor periodic(double amp, double freq, double duration, double dt, double tStart, double tEnd, boolean dc, boolean square) {
        double h = dt(dt);
        int n = steps(duration, h), a = (int) Math.round(tStart / h), b = Math.min(n, (int) Math.round(Math.min(tEnd, duration) / h));
        double[] out = new double[n];
        for (int i = Math.max(0, a); i < b; i++) {
            double s = Math.sin(2 * Math.PI * freq * (i - a) * h / 1000.0);
            out[i] = amp * (square ? (s >= 0 ? 1 : -1) : s) + (dc ? amp : 0);
        }
        return BM.array(out).astype(Config.defaultFloat());
    }
}
