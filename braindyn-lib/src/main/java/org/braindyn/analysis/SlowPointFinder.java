package org.braindyn.analysis;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.linalg.Linalg;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Fixed and slow points of a high-dimensional system (Sussillo &amp; Barak 2013; BrainPy's {@code SlowPointFinder}):
 * candidates are moved downhill on the speed {@code q(x) = mean_i f_i(x)²} of a continuous system
 * {@code dx/dt = f(x)} (or {@code mean_i (x_i − f_i(x))²} of a discrete map {@code x ↦ f(x)}), by Adam with an
 * exponentially decaying learning rate ({@link #findFpsWithGdMethod}) or by a quasi-Newton solver
 * ({@link #findFpsWithOptSolver}, L-BFGS with backtracking line search, all candidates at once). Then
 * {@link #filterLoss}, {@link #keepUnique}, {@link #excludeOutliers} select, {@link #computeJacobians} and
 * {@link #decomposeEigenvalues} linearise.
 *
 * <p>{@code fCell} maps a batch of states {@code (B, n)} to {@code (B, n)} (each row independently), float64.
 * <pre>{@code
 * SlowPointFinder finder = new SlowPointFinder(u -> cann.derivative(u), SlowPointFinder.Type.CONTINUOUS, System.out);
 * finder.findFpsWithOptSolver(candidates);     // (629, 512)
 * finder.filterLoss(1e-6);
 * finder.keepUnique(0.025);
 * Tensor jac = finder.computeJacobians(finder.fixedPoints().get("0:4"));
 * }</pre>
 */
public final class SlowPointFinder {
    /** Continuous derivative {@code dx/dt = f(x)} or discrete update {@code x ↦ f(x)}. */
    public enum Type { CONTINUOUS, DISCRETE }

    private final UnaryOperator<Tensor> fCell;
    private final Type type;
    private final PrintStream log;
    private double[][] points;
    private double[] losses;
    private int[] selected;

    public SlowPointFinder(UnaryOperator<Tensor> fCell, Type type, PrintStream log) {
        if (fCell == null) throw new IllegalArgumentException("SlowPointFinder: fCell is null; give a function (B, n) → (B, n)");
        if (type == null) throw new IllegalArgumentException("SlowPointFinder: type is null; expected CONTINUOUS or DISCRETE");
        this.fCell = fCell;
        this.type = type;
        this.log = log;
    }

    /**
     * A model's discrete update as a cell ({@link Type#DISCRETE}; BrainPy's {@code SlowPointFinder(f_cell=model)}):
     * for each candidate row, {@code state} is set to it, one {@code update()} runs with step {@code dt} ms, and the
     * new value is read; every variable of the model is restored afterwards, so finding points leaves the model as it
     * was. Differentiable through the update (autodiff records it), one row at a time.
     *
     * @throws IllegalArgumentException if {@code state} is not a variable of {@code model} or not one-dimensional
     */
    public static UnaryOperator<Tensor> stepOf(org.braindyn.dyn.DynamicalSystem model, org.braindyn.state.Variable state, double dt) {
        if (model == null || state == null) throw new IllegalArgumentException("SlowPointFinder.stepOf: model and state are required");
        if (!(dt > 0)) throw new IllegalArgumentException("SlowPointFinder.stepOf: dt must be > 0 ms; got " + dt);
        var all = model.vars(org.braindyn.state.Module.Scheme.RELATIVE).unique().asMap();
        if (!all.containsValue(state))
            throw new IllegalArgumentException("SlowPointFinder.stepOf: " + state.describe() + " is not a variable of " + model + "; its variables are " + all.keySet());
        if (state.value().ndim() != 1)
            throw new IllegalArgumentException("SlowPointFinder.stepOf: " + state.describe() + " must be one-dimensional (a non-batched model); got shape " + state.value().shape());
        return x -> {
            java.util.Map<org.braindyn.state.Variable, Tensor> saved = new java.util.IdentityHashMap<>();
            all.values().forEach(v -> saved.put(v, v.value()));
            try {
                Tensor[] rows = new Tensor[x.dim(0)];
                for (int r = 0; r < rows.length; r++) {
                    state.set(x.get(String.valueOf(r)).astype(state.dtype()));
                    org.braindyn.dyn.Shared.with(new org.braindyn.dyn.Shared(0, 0, dt, false), () -> { model.update(); });
                    rows[r] = state.value().astype(x.dtype());
                }
                return BM.stack(0, rows);
            } finally {
                saved.forEach((v, val) -> v.swapValue(val));
            }
        };
    }

    private void say(String fmt, Object... a) { if (log != null) log.println(String.format(Locale.ROOT, fmt, a)); }

    /** Per-candidate loss of {@code x (B, n)} as a {@code (B,)} tensor (differentiable). */
    private Tensor lossRows(Tensor x) {
        Tensor f = fCell.apply(x);
        if (!f.shape().equals(x.shape()))
            throw new IllegalStateException("SlowPointFinder: fCell returned shape " + f.shape() + " for states of shape " + x.shape() + "; expected the same shape");
        Tensor r = type == Type.CONTINUOUS ? f : x.sub(f);
        return BM.mean(r.mul(r), 1);
    }

    private Tensor check(Tensor candidates) {
        if (candidates == null || candidates.ndim() != 2 || candidates.dim(0) < 1 || candidates.dim(1) < 1)
            throw new IllegalArgumentException("SlowPointFinder: candidates must be (batch, dim) with batch, dim >= 1; got "
                    + (candidates == null ? "null" : candidates.shape().toString()));
        return candidates.astype(DType.F64);
    }

    /**
     * Adam ({@code β₁ 0.9, β₂ 0.999, ε 1e-8}) on the mean loss over candidates with learning rate
     * {@code lr · decay^step}, {@code numBatch} steps between progress lines, stopping when the mean loss is below
     * {@code tolerance} or after {@code numOpt} steps. All candidates are kept (use {@link #filterLoss}).
     */
    public void findFpsWithGdMethod(Tensor candidates, double tolerance, int numBatch, int numOpt, double lr, double decay) {
        Tensor x = check(candidates);
        if (!(tolerance > 0) || numBatch < 1 || numOpt < numBatch || !(lr > 0) || !(decay > 0 && decay <= 1))
            throw new IllegalArgumentException("SlowPointFinder.findFpsWithGdMethod: need tolerance > 0, 1 <= numBatch <= numOpt, lr > 0, 0 < decay <= 1; got "
                    + tolerance + ", " + numBatch + ", " + numOpt + ", " + lr + ", " + decay);
        say("Optimizing with Adam(lr=ExponentialDecay(%s, 1, %s)) to find fixed points:", lr, decay);
        int b = x.dim(0), n = x.dim(1);
        double[] xv = x.toDoubleArray(), m = new double[xv.length], v = new double[xv.length];
        double mean = Double.NaN;
        for (int step = 1, batch = 0; step <= numOpt; batch++) {
            long t0 = System.nanoTime();
            int first = step;
            for (int k = 0; k < numBatch && step <= numOpt; k++, step++) {
                Tensor cur = BM.array(xv).reshape(b, n);
                var r = Autodiff.valueAndGrad(a -> BM.mean(lossRows(a)), cur);
                mean = r.value().item();
                double[] g = r.argGrads()[0].toDoubleArray();
                double rate = lr * Math.pow(decay, step - 1), c1 = 1 - Math.pow(0.9, step), c2 = 1 - Math.pow(0.999, step);
                for (int i = 0; i < xv.length; i++) {
                    m[i] = 0.9 * m[i] + 0.1 * g[i];
                    v[i] = 0.999 * v[i] + 0.001 * g[i] * g[i];
                    xv[i] -= rate * (m[i] / c1) / (Math.sqrt(v[i] / c2) + 1e-8);
                }
            }
            say("    Batches %d-%d in %.2f sec, Training loss %.10f", first, step - 1, (System.nanoTime() - t0) / 1e9, mean);
            if (mean < tolerance) {
                say("    Stop optimization as mean training loss %.10f is below tolerance %.10f.", mean, tolerance);
                break;
            }
        }
        store(xv, b, n);
    }

    /** With BrainPy's defaults: tolerance 1e-5, 100 steps a batch, at most 10,000 steps, {@code lr 0.2·0.9999^step}. */
    public void findFpsWithGdMethod(Tensor candidates) { findFpsWithGdMethod(candidates, 1e-5, 100, 10_000, 0.2, 0.9999); }

    /** With the stopping rule of BrainPy's BFGS (JAX's {@code minimize}): largest gradient component below 1e-5, at most 200 iterations. */
    public void findFpsWithOptSolver(Tensor candidates) { findFpsWithOptSolver(candidates, 1e-5, 200); }

    /**
     * Minimises each candidate's loss by L-BFGS (memory 10, Armijo backtracking), all candidates at once; a candidate
     * stops when its largest gradient component is below {@code gtol} (so slow points, whose loss decreases only
     * slowly, stop early and are then removed by {@link #filterLoss}) or after {@code maxIter} iterations.
     */
    public void findFpsWithOptSolver(Tensor candidates, double gtol, int maxIter) {
        if (!(gtol > 0) || maxIter < 1) throw new IllegalArgumentException("SlowPointFinder.findFpsWithOptSolver: need gtol > 0 and maxIter >= 1; got " + gtol + ", " + maxIter);
        Tensor x0 = check(candidates);
        say("Optimizing with L-BFGS to find fixed points:");
        int b = x0.dim(0), n = x0.dim(1), mem = 10;
        double[] x = x0.toDoubleArray();
        double[][] lg = valueGrad(x, b, n);
        double[] loss = lg[0], g = lg[1];
        double[][] sHist = new double[mem][], yHist = new double[mem][];
        double[][] rho = new double[mem][];
        boolean[] active = new boolean[b];
        Arrays.fill(active, true);
        int stored = 0, head = 0, it = 0;
        for (; it < maxIter; it++) {
            int activeCount = 0;
            for (int r = 0; r < b; r++) {
                if (active[r] && (maxAbs(g, r, n) < gtol || loss[r] < 1e-30)) active[r] = false;
                if (active[r]) activeCount++;
            }
            if (activeCount == 0) break;
            if (it % 50 == 0) say("    iteration %d: mean loss %.3e, %d of %d candidates still moving", it, Arrays.stream(loss).average().orElse(0), activeCount, b);
            double[] d = direction(g, sHist, yHist, rho, stored, head, mem, b, n);
            for (int r = 0; r < b; r++) if (!active[r] || dot(d, g, r, n) >= 0) for (int i = 0; i < n; i++) d[r * n + i] = active[r] ? -g[r * n + i] : 0;
            double[] step = new double[b], xNew = x.clone(), newLoss = loss.clone();
            Arrays.fill(step, 1);
            boolean[] accepted = new boolean[b];
            for (int r = 0; r < b; r++) accepted[r] = !active[r];
            for (int tries = 0; tries < 30; tries++) {
                for (int r = 0; r < b; r++) if (!accepted[r]) for (int i = 0; i < n; i++) xNew[r * n + i] = x[r * n + i] + step[r] * d[r * n + i];
                double[] tl = lossOnly(xNew, b, n);
                boolean pending = false;
                for (int r = 0; r < b; r++) {
                    if (accepted[r]) continue;
                    if (tl[r] <= loss[r] + 1e-4 * step[r] * dot(d, g, r, n)) { accepted[r] = true; newLoss[r] = tl[r]; }
                    else { step[r] *= 0.5; pending = true; }
                }
                if (!pending) break;
            }
            for (int r = 0; r < b; r++) if (!accepted[r]) { active[r] = false; for (int i = 0; i < n; i++) xNew[r * n + i] = x[r * n + i]; newLoss[r] = loss[r]; }
            double[][] ng = valueGrad(xNew, b, n);
            double[] s = new double[b * n], y = new double[b * n], rh = new double[b];
            for (int k = 0; k < b * n; k++) { s[k] = xNew[k] - x[k]; y[k] = ng[1][k] - g[k]; }
            for (int r = 0; r < b; r++) { double sy = dot(s, y, r, n); rh[r] = sy > 1e-300 ? 1 / sy : 0; }
            sHist[head] = s; yHist[head] = y; rho[head] = rh;
            head = (head + 1) % mem;
            stored = Math.min(stored + 1, mem);
            x = xNew;
            loss = ng[0];
            g = ng[1];
        }
        say("    %d iterations (all candidates at once)", it);
        say("Found %d fixed points from %d initial points.", b, b);
        store(x, b, n);
    }

    /** The two-loop recursion of L-BFGS per row: {@code −H·g}. */
    private static double[] direction(double[] g, double[][] sH, double[][] yH, double[][] rho, int stored, int head, int mem, int b, int n) {
        double[] q = g.clone();
        double[][] alpha = new double[stored][b];
        for (int k = 0; k < stored; k++) {
            int idx = Math.floorMod(head - 1 - k, mem);
            for (int r = 0; r < b; r++) {
                alpha[k][r] = rho[idx][r] * dot(sH[idx], q, r, n);
                for (int i = 0; i < n; i++) q[r * n + i] -= alpha[k][r] * yH[idx][r * n + i];
            }
        }
        if (stored > 0) {
            int last = Math.floorMod(head - 1, mem);
            for (int r = 0; r < b; r++) {
                double yy = dot(yH[last], yH[last], r, n), sy = dot(sH[last], yH[last], r, n), gamma = yy > 0 && sy > 0 ? sy / yy : 1;
                for (int i = 0; i < n; i++) q[r * n + i] *= gamma;
            }
        }
        for (int k = stored - 1; k >= 0; k--) {
            int idx = Math.floorMod(head - 1 - k, mem);
            for (int r = 0; r < b; r++) {
                double beta = rho[idx][r] * dot(yH[idx], q, r, n);
                for (int i = 0; i < n; i++) q[r * n + i] += sH[idx][r * n + i] * (alpha[k][r] - beta);
            }
        }
        for (int k = 0; k < q.length; k++) q[k] = -q[k];
        return q;
    }

    private static double dot(double[] a, double[] c, int r, int n) {
        double s = 0;
        for (int i = r * n; i < (r + 1) * n; i++) s += a[i] * c[i];
        return s;
    }

    private static double maxAbs(double[] a, int r, int n) {
        double m = 0;
        for (int i = r * n; i < (r + 1) * n; i++) m = Math.max(m, Math.abs(a[i]));
        return m;
    }

    private double[][] valueGrad(double[] x, int b, int n) {
        Tensor cur = BM.array(x).reshape(b, n);
        Tensor[] rows = new Tensor[1];
        var r = Autodiff.valueAndGrad(a -> { rows[0] = lossRows(a); return BM.sum(rows[0]); }, cur);
        return new double[][] {rows[0].toDoubleArray(), r.argGrads()[0].toDoubleArray()};
    }

    private double[] lossOnly(double[] x, int b, int n) { return lossRows(BM.array(x).reshape(b, n)).toDoubleArray(); }

    private void store(double[] x, int b, int n) {
        points = new double[b][n];
        for (int r = 0; r < b; r++) System.arraycopy(x, r * n, points[r], 0, n);
        losses = lossOnly(x, b, n);
        selected = new int[b];
        for (int r = 0; r < b; r++) selected[r] = r;
    }

    private void requireFound(String what) {
        if (points == null) throw new IllegalStateException("SlowPointFinder." + what + ": no fixed points yet; call findFpsWithGdMethod or findFpsWithOptSolver first");
    }

    private void keep(int[] rows) {
        double[][] p = new double[rows.length][];
        double[] l = new double[rows.length];
        int[] s = new int[rows.length];
        for (int k = 0; k < rows.length; k++) { p[k] = points[rows[k]]; l[k] = losses[rows[k]]; s[k] = selected[rows[k]]; }
        points = p;
        losses = l;
        selected = s;
    }

    /** Keeps the points whose loss is below {@code tolerance}. */
    public void filterLoss(double tolerance) {
        requireFound("filterLoss");
        say("Excluding fixed points with squared speed above tolerance %s:", tolerance);
        int before = points.length;
        keep(java.util.stream.IntStream.range(0, before).filter(k -> losses[k] < tolerance).toArray());
        say("    Kept %d/%d fixed points with tolerance under %s.", points.length, before, tolerance);
    }

    /** Drops points within {@code tolerance} (Euclidean) of one kept before (default 0.025). */
    public void keepUnique(double tolerance) {
        requireFound("keepUnique");
        say("Excluding non-unique fixed points:");
        int before = points.length;
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < before; k++) {
            boolean dup = false;
            for (int j : kept) if (dist(points[k], points[j]) < tolerance) { dup = true; break; }
            if (!dup) kept.add(k);
        }
        keep(kept.stream().mapToInt(Integer::intValue).toArray());
        say("    Kept %d/%d unique fixed points with uniqueness tolerance %s.", points.length, before, tolerance);
    }

    /** Drops points whose nearest other point is farther than {@code tolerance} (default 1). */
    public void excludeOutliers(double tolerance) {
        requireFound("excludeOutliers");
        say("Excluding outliers:");
        int before = points.length;
        if (before <= 1) return;
        List<Integer> kept = new ArrayList<>();
        for (int k = 0; k < before; k++) {
            double nearest = Double.POSITIVE_INFINITY;
            for (int j = 0; j < before; j++) if (j != k) nearest = Math.min(nearest, dist(points[k], points[j]));
            if (nearest <= tolerance) kept.add(k);
        }
        keep(kept.stream().mapToInt(Integer::intValue).toArray());
        say("    Kept %d/%d fixed points with within outlier tolerance %s.", points.length, before, tolerance);
    }

    private static double dist(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) s += (a[i] - b[i]) * (a[i] - b[i]);
        return Math.sqrt(s);
    }

    /** The Jacobian of {@code fCell} at each of {@code pts (k, n)}: {@code (k, n, n)} (reverse mode). */
    public Tensor computeJacobians(Tensor pts) {
        Tensor p = check(pts);
        int k = p.dim(0), n = p.dim(1);
        double[] out = new double[k * n * n];
        for (int r = 0; r < k; r++) {
            Tensor row = p.get(String.valueOf(r));
            Tensor j = Autodiff.jacrev(x -> fCell.apply(x.reshape(1, n)).reshape(n), row).astype(DType.F64);
            System.arraycopy(j.contiguous().toDoubleArray(), 0, out, r * n * n, n * n);
        }
        return BM.array(out).reshape(k, n, n);
    }

    /** Eigenvalues of one matrix, sorted by decreasing magnitude (or real part): {@code re}, {@code im}. */
    public record Eigen(double[] re, double[] im) {}

    /** The eigen-decomposition of each {@code (n, n)} matrix of {@code (k, n, n)}, sorted by {@code "magnitude"} or {@code "real"}. */
    public static List<Eigen> decomposeEigenvalues(Tensor matrices, String sortBy) {
        if (matrices.ndim() != 3 || matrices.dim(1) != matrices.dim(2))
            throw new IllegalArgumentException("SlowPointFinder.decomposeEigenvalues: expected (k, n, n) matrices; got " + matrices.shape());
        if (!"magnitude".equals(sortBy) && !"real".equals(sortBy))
            throw new IllegalArgumentException("SlowPointFinder.decomposeEigenvalues: sortBy must be \"magnitude\" or \"real\"; got \"" + sortBy + "\"");
        List<Eigen> out = new ArrayList<>();
        for (int k = 0; k < matrices.dim(0); k++) {
            Tensor[] e = Linalg.eigvals(matrices.get(String.valueOf(k)).astype(DType.F64));
            double[] re = e[0].toDoubleArray(), im = e[1].toDoubleArray();
            Integer[] order = new Integer[re.length];
            for (int i = 0; i < re.length; i++) order[i] = i;
            Arrays.sort(order, (a, c) -> "real".equals(sortBy) ? Double.compare(re[c], re[a]) : Double.compare(Math.hypot(re[c], im[c]), Math.hypot(re[a], im[a])));
            double[] sr = new double[re.length], si = new double[re.length];
            for (int i = 0; i < re.length; i++) { sr[i] = re[order[i]]; si[i] = im[order[i]]; }
            out.add(new Eigen(sr, si));
        }
        return out;
    }

    /** The kept points, {@code (k, n)}. */
    public Tensor fixedPoints() {
        requireFound("fixedPoints");
        int k = points.length, n = k == 0 ? 0 : points[0].length;
        double[] flat = new double[k * n];
        for (int r = 0; r < k; r++) System.arraycopy(points[r], 0, flat, r * n, n);
        return BM.array(flat).reshape(k, n);
    }

    /** The kept points' losses. */
    public double[] losses() { requireFound("losses"); return losses.clone(); }

    /** Which candidates the kept points came from. */
    public int[] selectedIds() { requireFound("selectedIds"); return selected.clone(); }
}
