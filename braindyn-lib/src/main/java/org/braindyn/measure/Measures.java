package org.braindyn.measure;

import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Measures of simulated activity (BrainPy's {@code bp.measure}), in float64, working on monitor records directly:
 * spike rasters {@code (T, N)} (bool or 0/1) and traces {@code (T, N)}.
 * <pre>{@code
 * double kappa = Measures.crossCorrelation(runner.mon("E.spike"), 2.0, 0.1);     // synchrony in 2 ms bins
 * Tensor rate = Measures.firingRate(runner.mon("E.spike"), 5.0, 0.1);           // population rate, Hz
 * }</pre>
 */
public final class Measures {
    private Measures() {}

    private static double[][] matrix(String fn, String what, Tensor t) {
        if (t == null) throw new IllegalArgumentException("Measures." + fn + ": " + what + " is null");
        if (t.ndim() != 2) throw new IllegalArgumentException("Measures." + fn + ": " + what + " must be (T, N); got shape " + t.shape());
        int T = t.dim(0), N = t.dim(1);
        double[] flat = t.astype(DType.F64).contiguous().toDoubleArray();
        double[][] m = new double[T][N];
        for (int i = 0; i < T; i++) System.arraycopy(flat, i * N, m[i], 0, N);
        return m;
    }

    private static double[] vector(String fn, String what, Tensor t) {
        if (t == null) throw new IllegalArgumentException("Measures." + fn + ": " + what + " is null");
        if (t.ndim() != 1) throw new IllegalArgumentException("Measures." + fn + ": " + what + " must be 1-D; got shape " + t.shape());
        return t.astype(DType.F64).toDoubleArray();
    }

    /**
     * Synchrony index (Wang &amp; Buzsáki 1996): spikes binned in windows of {@code bin} ms (a neuron is 1 in a bin where
     * it fired), {@code κᵢⱼ = Σ XᵢXⱼ / √(ΣXᵢ ΣXⱼ)} (0 when either never fired), averaged over all pairs. The last
     * partial bin is padded with silence.
     */
    public static double crossCorrelation(Tensor spikes, double bin, double dt) {
        if (!(dt > 0) || !(bin >= dt)) throw new IllegalArgumentException("Measures.crossCorrelation: need dt > 0 and bin >= dt (ms); got bin " + bin + ", dt " + dt);
        double[][] s = matrix("crossCorrelation", "spikes", spikes);
        int T = s.length, N = T == 0 ? 0 : s[0].length, size = (int) (bin / dt), bins = (int) Math.ceil(T / (double) size);
        if (N < 2) throw new IllegalArgumentException("Measures.crossCorrelation: needs at least 2 neurons; got " + N);
        double[][] x = new double[N][bins];
        for (int t = 0; t < T; t++) for (int n = 0; n < N; n++) if (s[t][n] > 0) x[n][t / size] = 1;
        double[] sums = new double[N];
        for (int n = 0; n < N; n++) for (double v : x[n]) sums[n] += v;
        double total = 0;
        long pairs = 0;
        for (int i = 1; i < N; i++)
            for (int j = 0; j < i; j++) {
                double den = Math.sqrt(sums[i] * sums[j]), num = 0;
                if (den != 0) for (int b = 0; b < bins; b++) num += x[i][b] * x[j][b];
                total += den == 0 ? 0 : num / den;
                pairs++;
            }
        return total / pairs;
    }

    /**
     * Synchrony by voltage variance (Golomb &amp; Rinzel 1993): {@code χ² = σ²(V̄) / mean_i σ²(Vᵢ)} where {@code V̄(t)} is
     * the population mean; 1 when no neuron fluctuates.
     */
    public static double voltageFluctuation(Tensor potentials) {
        double[][] v = matrix("voltageFluctuation", "potentials", potentials);
        int T = v.length, N = v[0].length;
        double[] avg = new double[T];
        for (int t = 0; t < T; t++) { for (double x : v[t]) avg[t] += x; avg[t] /= N; }
        double avgVar = variance(avg), varMean = 0;
        for (int n = 0; n < N; n++) {
            double[] col = new double[T];
            for (int t = 0; t < T; t++) col[t] = v[t][n];
            varMean += variance(col);
        }
        varMean /= N;
        return varMean == 0 ? 1 : avgVar / varMean;
    }

    private static double variance(double[] x) {
        double m = 0, m2 = 0;
        for (double v : x) { m += v; m2 += v * v; }
        m /= x.length;
        return m2 / x.length - m * m;
    }

    /** Pearson correlation of the upper triangles (diagonal excluded) of two square matrices of one size. */
    public static double matrixCorrelation(Tensor x, Tensor y) {
        double[][] a = matrix("matrixCorrelation", "x", x), b = matrix("matrixCorrelation", "y", y);
        if (a.length != b.length || a[0].length != b[0].length)
            throw new IllegalArgumentException("Measures.matrixCorrelation: x is " + x.shape() + " and y is " + y.shape() + "; expected the same shape");
        int n = a.length, m = a[0].length, k = 0;
        double[] u = new double[n * m], w = new double[n * m];
        for (int i = 0; i < n; i++) for (int j = i + 1; j < m; j++) { u[k] = a[i][j]; w[k++] = b[i][j]; }
        return pearson(java.util.Arrays.copyOf(u, k), java.util.Arrays.copyOf(w, k));
    }

    /** The {@code (N, N)} matrix of Pearson correlations between the columns of {@code (T, N)} activities (NaN → 0). */
    public static Tensor functionalConnectivity(Tensor activities) {
        double[][] a = matrix("functionalConnectivity", "activities", activities);
        int T = a.length, N = a[0].length;
        double[][] cols = new double[N][T];
        for (int t = 0; t < T; t++) for (int n = 0; n < N; n++) cols[n][t] = a[t][n];
        double[] fc = new double[N * N];
        for (int i = 0; i < N; i++)
            for (int j = i; j < N; j++) {
                double r = pearson(cols[i], cols[j]);
                if (Double.isNaN(r)) r = 0;
                fc[i * N + j] = fc[j * N + i] = r;
            }
        return BM.array(fc).reshape(N, N);
    }

    /** Weighted Pearson correlation of {@code x} and {@code y} with weights {@code w} (all 1-D, one length). */
    public static double weightedCorrelation(Tensor x, Tensor y, Tensor w) {
        double[] a = vector("weightedCorrelation", "x", x), b = vector("weightedCorrelation", "y", y), c = vector("weightedCorrelation", "w", w);
        if (a.length != b.length || a.length != c.length)
            throw new IllegalArgumentException("Measures.weightedCorrelation: lengths " + a.length + ", " + b.length + ", " + c.length + "; expected equal");
        return wcov(a, b, c) / Math.sqrt(wcov(a, a, c) * wcov(b, b, c));
    }

    private static double wmean(double[] x, double[] w) {
        double s = 0, sw = 0;
        for (int i = 0; i < x.length; i++) { s += x[i] * w[i]; sw += w[i]; }
        return s / sw;
    }

    private static double wcov(double[] x, double[] y, double[] w) {
        double mx = wmean(x, w), my = wmean(y, w), s = 0, sw = 0;
        for (int i = 0; i < x.length; i++) { s += w[i] * (x[i] - mx) * (y[i] - my); sw += w[i]; }
        return s / sw;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = 0, my = 0;
        for (int i = 0; i < n; i++) { mx += x[i]; my += y[i]; }
        mx /= n;
        my /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }

    /** The spikes of a raster as parallel arrays: neuron index and time of each ({@code raster_plot}). */
    public record Raster(int[] index, double[] time) {}

    /** Spike events of {@code spikes (T, N)} at {@code times (T,)}, in time order. */
    public static Raster rasterPlot(Tensor spikes, Tensor times) {
        double[][] s = matrix("rasterPlot", "spikes", spikes);
        double[] ts = vector("rasterPlot", "times", times);
        if (ts.length != s.length) throw new IllegalArgumentException("Measures.rasterPlot: " + ts.length + " times for " + s.length + " rows of spikes");
        int count = 0;
        for (double[] row : s) for (double v : row) if (v > 0) count++;
        int[] idx = new int[count];
        double[] time = new double[count];
        int k = 0;
        for (int t = 0; t < s.length; t++) for (int n = 0; n < s[t].length; n++) if (s[t][n] > 0) { idx[k] = n; time[k++] = ts[t]; }
        return new Raster(idx, time);
    }

    /**
     * Population firing rate in Hz (Brian2's and BrainPy's definition): the mean over neurons at each step, convolved
     * ("same" length, centred) with a box of {@code 2·⌊width/2/dt⌋ + 1} steps of height {@code 1000/width}.
     */
    public static Tensor firingRate(Tensor spikes, double width, double dt) {
        if (!(dt > 0) || !(width > 0)) throw new IllegalArgumentException("Measures.firingRate: need width > 0 and dt > 0 (ms); got width " + width + ", dt " + dt);
        double[][] s = matrix("firingRate", "spikes", spikes);
        int T = s.length, w = (int) (width / 2 / dt) * 2 + 1, half = (w - 1) / 2;
        double[] mean = new double[T], out = new double[T];
        for (int t = 0; t < T; t++) { for (double v : s[t]) mean[t] += v; mean[t] /= s[t].length; }
        double h = 1000 / width;
        for (int t = 0; t < T; t++) {
            double acc = 0;
            for (int k = Math.max(0, t - half); k <= Math.min(T - 1, t + half); k++) acc += mean[k];
            out[t] = acc * h;
        }
        return BM.array(out);
    }

    /**
     * Unitary local field potential (Telenczuk et al. 2020 kernel method) of {@code spikes (T, N)} recorded at
     * {@code times (T,)} ms from neurons at positions {@code xs, ys} (mm; null: uniform in the array, drawn from
     * {@code seed}): each spike adds {@code A·exp(−(t − t_s − δ)²/(2σ²))} with {@code A = amp·exp(−dist/λ)},
     * {@code δ = 10.4 + dist/va} ms, at an electrode in the array's centre.
     *
     * @param spikeType "exc" (σ = sig_e) or "inh" (σ = sig_i)
     * @param location  "soma layer", "deep layer", "superficial layer" or "surface layer" (amplitudes per layer)
     */
    public static Tensor unitaryLfp(Tensor times, Tensor spikes, String spikeType, String location, double[] xs, double[] ys, long seed) {
        final double xmax = 0.2, ymax = 0.2, va = 200, lambda = 0.2, sigI = 2.1, sigE = 2.1 * 1.5;
        if (!"exc".equals(spikeType) && !"inh".equals(spikeType))
            throw new IllegalArgumentException("Measures.unitaryLfp: spikeType must be \"exc\" or \"inh\"; got \"" + spikeType + "\"");
        double[][] s = matrix("unitaryLfp", "spikes", spikes);
        double[] ts = vector("unitaryLfp", "times", times);
        if (ts.length != s.length) throw new IllegalArgumentException("Measures.unitaryLfp: " + ts.length + " times for " + s.length + " rows of spikes");
        double[] amp = switch (location == null ? "soma layer" : location) {
            case "soma layer" -> new double[] {0.48, 3};
            case "deep layer" -> new double[] {-0.16, -0.2};
            case "superficial layer" -> new double[] {0.24, -1.2};
            case "surface layer" -> new double[] {-0.08, 0.3};
            default -> throw new IllegalArgumentException("Measures.unitaryLfp: location \"" + location
                    + "\" is unknown; expected soma layer, deep layer, superficial layer or surface layer");
        };
        int N = s[0].length;
        if (xs == null || ys == null) {
            double[] r = new RandomState((int) seed).random(2, N).astype(DType.F64).toDoubleArray();
            xs = new double[N];
            ys = new double[N];
            for (int n = 0; n < N; n++) { xs[n] = r[n] * xmax; ys[n] = r[N + n] * ymax; }
        }
        if (xs.length != N || ys.length != N) throw new IllegalArgumentException("Measures.unitaryLfp: " + xs.length + " positions for " + N + " neurons");
        boolean exc = spikeType.equals("exc");
        double[] a = new double[N], delay = new double[N];
        for (int n = 0; n < N; n++) {
            double dist = Math.hypot(xs[n] - xmax / 2, ys[n] - ymax / 2);
            a[n] = Math.exp(-dist / lambda) * (exc ? amp[0] : amp[1]);
            delay[n] = 10.4 + dist / va;
        }
        double tau = exc ? 2 * sigE * sigE : 2 * sigI * sigI;
        java.util.List<double[]> events = new java.util.ArrayList<>();
        for (int t = 0; t < s.length; t++) for (int n = 0; n < N; n++) if (s[t][n] > 0) events.add(new double[] {ts[t] + delay[n], a[n]});
        double[] out = new double[ts.length];
        for (int t = 0; t < ts.length; t++) {
            double acc = 0;
            for (double[] e : events) acc += e[1] * Math.exp(-(ts[t] - e[0]) * (ts[t] - e[0]) / tau);
            out[t] = acc;
        }
        return BM.array(out);
    }
}
