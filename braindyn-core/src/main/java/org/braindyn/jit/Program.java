package org.braindyn.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braindyn.ops.Kernels;
import org.braindyn.ops.Op;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * An executable graph: its fusion schedule with each fused group compiled to a {@link FusedKernel}, and a
 * buffer plan. Every value lives in a primitive array at an offset ({@code arr}/{@code off}, per value id).
 * Fused outputs get preallocated buffers that are reused once their value is dead (same dtype and size only, so
 * a buffer is always exactly its value); inputs and constants are never written. A caller may direct an output
 * into its own array ({@link #target}): a fused kernel then writes there directly, otherwise the value is copied
 * after the run. A run that only uses fused kernels allocates nothing.
 *
 * <p>Not thread-safe: one program instance runs one call at a time.
 */
final class Program {
    final Graph graph;
    final List<Fusion.Step> schedule;
    private final Object[] arr;
    private final int[] off;
    private final Object[] tgtArr;
    private final int[] tgtOff;
    private final boolean[] direct;
    private final Runnable[] steps;
    private final int fusedKernels;
    private final long plannedBytes;

    Program(Graph graph, boolean fuse) { this(graph, fuse, new int[0][]); }

    /**
     * A program where each pair {@code {input k, output k'}} of {@code inPlace} (see {@link #inPlaceCandidates})
     * is computed in place: the caller binds both to the same array, and the kernel stores over the old value.
     */
    Program(Graph graph, boolean fuse, int[][] inPlace) {
        this.graph = graph;
        this.schedule = Fusion.schedule(graph, fuse);
        int nv = graph.valueCount();
        arr = new Object[nv];
        off = new int[nv];
        tgtArr = new Object[nv];
        tgtOff = new int[nv];
        for (int v = 0; v < nv; v++) {
            Tensor c = graph.constant(v);
            if (c != null) { Tensor cc = c.contiguous(); arr[v] = cc.storage(); off[v] = cc.offset(); }
        }
        // outputs a fused kernel can write straight into a caller's array
        direct = new boolean[graph.outputs.length];
        copyTarget = new Object[graph.outputs.length];
        copyOff = new int[graph.outputs.length];
        boolean[] fusedOut = new boolean[nv], taken = new boolean[nv];
        for (Fusion.Step s : schedule) if (s instanceof Fusion.Fused f) for (int v : f.outputs()) fusedOut[v] = true;
        for (int k = 0; k < graph.outputs.length; k++) {
            int v = graph.outputs[k];
            if (fusedOut[v] && !taken[v]) { direct[k] = true; taken[v] = true; }
        }
        // liveness over schedule positions, with views sharing their source's buffer
        int[] root = new int[nv];
        for (int v = 0; v < nv; v++) root[v] = v;
        int[] lastUse = new int[nv];
        Arrays.fill(lastUse, -1);
        for (int p = 0; p < schedule.size(); p++) {
            Fusion.Step s = schedule.get(p);
            if (s instanceof Fusion.Single(Graph.Node n)) {
                if (isView(n.op()) || isRowGather(n)) root[n.out()] = root[n.in()[0]];
                for (int i : n.in()) lastUse[root[i]] = Math.max(lastUse[root[i]], p);
            } else for (int i : ((Fusion.Fused) s).inputs()) lastUse[root[i]] = Math.max(lastUse[root[i]], p);
        }
        for (int o : graph.outputs) lastUse[root[o]] = Integer.MAX_VALUE;
        // buffer plan
        List<Object> pool = new ArrayList<>();
        long bytes = 0;
        int[] bufOf = new int[nv];
        Arrays.fill(bufOf, -1);
        List<Runnable> run = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        int kernels = 0;
        List<Integer> live = new ArrayList<>();
        for (int p = 0; p < schedule.size(); p++) {
            Fusion.Step s = schedule.get(p);
            for (int q = live.size() - 1; q >= 0; q--) {
                int v = live.get(q);
                if (lastUse[v] < p || lastUse[v] == p && s instanceof Fusion.Fused) {
                    live.remove(q);
                    pool.add(bufferArray(v, bufOf));
                }
            }
            if (s instanceof Fusion.Fused f) {
                Object[] bufs = new Object[f.outputs().length];
                for (int j = 0; j < bufs.length; j++) {
                    int v = f.outputs()[j];
                    TensorType t = graph.type(v);
                    if (taken[v]) {   // a graph output: its own buffer, unless a caller directs it elsewhere
                        bufs[j] = Storage.allocate(t.dtype(), t.shape().size());
                        bytes += (long) t.shape().size() * t.dtype().byteSize();
                        continue;
                    }
                    Object b = take(pool, t);
                    if (b == null) { b = Storage.allocate(t.dtype(), t.shape().size()); bytes += (long) t.shape().size() * t.dtype().byteSize(); }
                    bufs[j] = b;
                    bufOf[v] = bufferById.size();
                    bufferById.add(b);
                    live.add(v);
                }
                run.add(fusedStep(f, bufs, inPlace));
                labels.add("fused kernel #" + kernels + ": " + f.members().size() + " ops over " + f.n() + " elements");
                kernels++;
            } else {
                Graph.Node n = ((Fusion.Single) s).node();
                boolean eventSum = writesInto(n);
                if ((eventSum || matvecInto(n) || matmulInto(n) || eventMatmulInto(n) || n.op() == Op.HOST_CALL) && !taken[n.out()]) {   // an event sum, CSR mat-vec, matmul or host call into a planned buffer: no allocation per step
                    TensorType t = graph.type(n.out());
                    Object b = take(pool, t);
                    if (b == null) { b = Storage.allocate(t.dtype(), t.shape().size()); bytes += (long) t.dtype().byteSize() * t.shape().size(); }
                    bufOf[n.out()] = bufferById.size();
                    bufferById.add(b);
                    live.add(n.out());
                    labels.add(stepLabel(n));
                    if (n.op() == Op.MATMUL) { run.add(matmulStep(n, (float[]) b)); continue; }
                    if (n.op() == Op.EVENT_MATMUL) { run.add(eventMatmulStep(n, (float[]) b)); continue; }
                    if (n.op() == Op.HOST_CALL) { run.add(hostStep(n, b)); continue; }
                    if (!eventSum) { run.add(matvecStep(n, (float[]) b)); continue; }
                    int ev = n.in()[3];
                    EventList list = eventLists.get(ev);
                    if (list == null) {   // the first event sum on these events: turn them into a list of active rows once
                        list = new EventList(graph.type(ev).shape().size());
                        eventLists.put(ev, list);
                        run.add(compactStep(ev, list));
                        labels.add(labels.size() - 1, "active rows of %" + ev + " (event list)");
                    }
                    run.add(eventSumStep(n, (float[]) b, list));
                } else {
                    if (isRowGather(n)) run.add(rowViewStep(n));
                    else if (n.op() == Op.RESHAPE) run.add(aliasStep(n));
                    else if (scatterInPlace(n, inPlace)) run.add(scatterInPlaceStep(n));
                    else run.add(singleStep(n));
                    labels.add(stepLabel(n));
                }
            }
        }
        this.steps = run.toArray(Runnable[]::new);
        labels.addAll(List.of(HOST_VALUES, CARRY_COPIES, SPIKE_LISTS, MONITORS));
        this.stepLabels = labels.toArray(String[]::new);
        this.fusedKernels = kernels;
        this.plannedBytes = bytes + bytesExpanded;
    }

    /** A scheduled primitive in a profile's words: its label, a host call's name, the value it makes. */
    private static String stepLabel(Graph.Node n) {
        String name = n.attr() instanceof org.braindyn.ops.Attr.Host h ? " " + h.name() : "";
        return n.op().label() + name + " -> %" + n.out();
    }

    private final List<Object> bufferById = new ArrayList<>();

    private Object bufferArray(int v, int[] bufOf) { return bufferById.get(bufOf[v]); }

    /** A free buffer of exactly {@code t}'s dtype and size from the pool (removed from it), or null. */
    private static Object take(List<Object> pool, TensorType t) {
        Class<?> kind = Storage.allocate(t.dtype(), 0).getClass();
        for (int q = 0; q < pool.size(); q++) {
            Object cand = pool.get(q);
            if (cand.getClass() == kind && Storage.length(t.dtype(), cand) == t.shape().size()) return pool.remove(q);
        }
        return null;
    }

    private static boolean isView(Op op) {
        return op == Op.RESHAPE || op == Op.BROADCAST || op == Op.TRANSPOSE || op == Op.SLICE || op == Op.CAST;
    }

    private Runnable fusedStep(Fusion.Fused f, Object[] bufs, int[][] inPlace) {
        java.util.Map<Integer, Integer> alias = new java.util.HashMap<>();
        for (int[] pr : inPlace) {
            int u = graph.inputs[pr[0]], v = graph.outputs[pr[1]];
            for (int o : f.outputs()) if (o == v) alias.put(v, u);
        }
        Object[] expanded = new Object[f.inputs().length];
        Fusion.Load[] before = f.loads();
        int[] period = f.loadParam();
        f = expandRepeatedInputs(f, expanded);
        FusedKernel k = KernelEmitter.emit(f, graph, alias);
        int nIn = f.inputs().length, nOut = f.outputs().length, n = f.n();
        Object[] a = new Object[nIn + nOut];
        int[] o = new int[nIn + nOut];
        int[] ins = f.inputs(), outs = f.outputs();
        Runnable bind = () -> {
            for (int j = 0; j < nIn; j++) {
                if (expanded[j] != null) { expand(ins[j], before[j] == Fusion.Load.MOD, period[j], expanded[j], n); a[j] = expanded[j]; o[j] = 0; }
                else { a[j] = arr[ins[j]]; o[j] = off[ins[j]]; }
            }
            for (int j = 0; j < nOut; j++) {
                int v = outs[j];
                if (tgtArr[v] != null) { arr[v] = tgtArr[v]; off[v] = tgtOff[v]; }
                else { arr[v] = bufs[j]; off[v] = 0; }
                a[nIn + j] = arr[v];
                o[nIn + j] = off[v];
            }
        };
        StepTeam.Workers team = splittable(f) ? StepTeam.workers(threads) : null;
        if (team == null) return () -> { bind.run(); k.run(a, o, n); };
        // one contiguous range per thread (whole cache lines of floats), each with its own offsets and warm-up state
        int parts = threads, chunk = ((n + parts - 1) / parts + 63) & ~63;
        FusedKernel[] ks = new FusedKernel[parts];
        int[][] po = new int[parts][nIn + nOut];
        boolean[] shift = new boolean[nIn + nOut];
        for (int j = 0; j < nIn + nOut; j++) shift[j] = j >= nIn || whole(f, j);
        for (int p = 0; p < parts; p++) ks[p] = k instanceof WarmingKernel w && p > 0 ? w.copy() : k;
        org.braindyn.ops.internal.SpinTeam.Part part = p -> {
            int lo = p * chunk, hi = Math.min(n, lo + chunk);
            if (lo >= hi) return;
            int[] op = po[p];
            for (int j = 0; j < op.length; j++) op[j] = o[j] + (shift[j] ? lo : 0);
            ks[p].run(a, op, hi - lo);
        };
        return () -> { bind.run(); team.run(parts, part); };
    }

    /**
     * A group that is SIMD-able except for inputs read with a repeating index ({@link Fusion.Load#MOD}, a bias
     * broadcast over a batch; {@link Fusion.Load#DIV}) would run its scalar loop: such inputs are instead expanded
     * into full planned buffers before each run ({@code expanded[j]}), and the group reads them whole. The copy costs
     * one pass over n elements per input; the SIMD loop saves far more on groups of more than a few ops (a 25-op
     * backward kernel of a batched SNN step ran ~10× slower scalar). Same values read, so same results.
     */
    private Fusion.Fused expandRepeatedInputs(Fusion.Fused f, Object[] expanded) {
        if (!VectorEmitter.ENABLED || f.n() < 4 * VectorEmitter.LANES || f.members().size() < 2) return f;
        Fusion.Load[] loads = f.loads().clone();
        int[] params = f.loadParam().clone();
        boolean any = false;
        for (int j = 0; j < loads.length; j++)
            if (loads[j] == Fusion.Load.MOD || loads[j] == Fusion.Load.DIV) { loads[j] = Fusion.Load.FULL; params[j] = 0; any = true; }
        if (!any) return f;
        Fusion.Fused g = new Fusion.Fused(f.members(), f.n(), f.inputs(), loads, params, f.outputs());
        if (!VectorEmitter.applies(g, graph)) return f;
        expandedGroups.add(f);
        for (int j = 0; j < loads.length; j++)
            if (loads[j] != f.loads()[j]) {
                expanded[j] = Storage.allocate(graph.type(f.inputs()[j]).dtype(), f.n());
                bytesExpanded += (long) f.n() * graph.type(f.inputs()[j]).dtype().byteSize();
            }
        return g;
    }

    private long bytesExpanded;
    private final java.util.Set<Fusion.Fused> expandedGroups = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    /**
     * Writes value {@code v} repeated to {@code n} elements into {@code dst}: tiled with period {@code p} ({@code mod})
     * or each element repeated {@code p} times.
     */
    private void expand(int v, boolean mod, int p, Object dst, int n) {
        Object src = arr[v];
        int so = off[v];
        if (mod) {
            for (int at = 0; at < n; at += p) System.arraycopy(src, so, dst, at, Math.min(p, n - at));
        } else if (dst instanceof float[] d) {
            float[] sf = (float[]) src;
            for (int i = 0, at = 0; at < n; i++, at += p) java.util.Arrays.fill(d, at, Math.min(n, at + p), sf[so + i]);
        } else {
            boolean[] d = (boolean[]) dst, sb = (boolean[]) src;
            for (int i = 0, at = 0; at < n; i++, at += p) java.util.Arrays.fill(d, at, Math.min(n, at + p), sb[so + i]);
        }
    }

    /** Threads this program's kernels are split across ({@link StepTeam#threads()} when it was built). */
    private final int threads = StepTeam.threads();

    /** An element-wise group big enough to split: every input read whole or as one scalar, no reductions. */
    private boolean splittable(Fusion.Fused f) {
        if (threads < 2 || (long) f.n() * scalarCost(f) < StepTeam.minElements()) return false;
        for (int j = 0; j < f.loads().length; j++) if (!whole(f, j) && f.loads()[j] != Fusion.Load.SCALAR) return false;
        for (Graph.Node m : f.members()) if (Fusion.isFullReduction(m, graph)) return false;
        return true;
    }

    /**
     * Whether input {@code j} is read element for element: a full load, or a repeating one whose period is the whole
     * kernel (a batch of one: element i reads {@code i mod n = i}), so that a range of the kernel reads the same range.
     */
    private static boolean whole(Fusion.Fused f, int j) {
        return f.loads()[j] == Fusion.Load.FULL || (f.loads()[j] == Fusion.Load.MOD && f.loadParam()[j] == f.n());
    }

    /**
     * Per-element cost of a kernel relative to a SIMD one, for the split threshold: {@value #SCALAR_TRANSCENDENTAL} for
     * every exp, expm1, tanh or logistic that runs as a scalar library call (float64 kernels, which have no SIMD
     * form), else 1. A 2,000-unit float64 reservoir's tanh step takes ~21 µs (10 ns per element), worth two cores,
     * though it is far below the {@link StepTeam#minElements()} elements of a SIMD kernel worth splitting.
     */
    private int scalarCost(Fusion.Fused f) {
        if (VectorEmitter.applies(f, graph)) return 1;
        int cost = 1;
        for (Graph.Node m : f.members())
            switch (m.op()) {
                case EXP, EXPM1, TANH, LOGISTIC -> cost += SCALAR_TRANSCENDENTAL;
                default -> { }
            }
        return cost;
    }

    private static final int SCALAR_TRANSCENDENTAL = 16;

    /** A float32 event sum on boolean events with float32 weights: run by {@link #eventSumStep}. */
    private boolean writesInto(Graph.Node n) {
        return n.op() == Op.CSR_EVENT_SUM && graph.type(n.out()).dtype() == org.braindyn.tensor.DType.F32
                && graph.type(n.in()[3]).dtype() == org.braindyn.tensor.DType.BOOL && graph.type(n.in()[2]).dtype() == org.braindyn.tensor.DType.F32
                && graph.type(n.in()[0]).dtype() == org.braindyn.tensor.DType.I32;
    }

    /** A transposed float32 CSR mat-vec of a float32 vector: run by {@link #matvecStep}. */
    private boolean matvecInto(Graph.Node n) {
        if (n.op() != Op.CSR_MATVEC || !((org.braindyn.ops.Attr.Csr) n.attr()).transpose()) return false;
        TensorType x = graph.type(n.in()[3]), w = graph.type(n.in()[2]);
        return graph.type(n.out()).dtype() == org.braindyn.tensor.DType.F32 && x.dtype() == org.braindyn.tensor.DType.F32 && x.shape().rank() == 1
                && w.dtype() == org.braindyn.tensor.DType.F32 && w.shape().rank() <= 1 && graph.type(n.in()[0]).dtype() == org.braindyn.tensor.DType.I32;
    }

    /** A float32 product with a matrix (rank-2) right operand: run by {@link #matmulStep}. */
    private boolean matmulInto(Graph.Node n) {
        return n.op() == Op.MATMUL && graph.type(n.out()).dtype() == org.braindyn.tensor.DType.F32
                && graph.type(n.in()[0]).dtype() == org.braindyn.tensor.DType.F32 && graph.type(n.in()[1]).shape().rank() == 2;
    }

    /** A float32 event product ({@link Op#EVENT_MATMUL}) of float32 or boolean events: run by {@link #eventMatmulStep}. */
    private boolean eventMatmulInto(Graph.Node n) {
        org.braindyn.tensor.DType e = graph.type(n.in()[0]).dtype();
        return n.op() == Op.EVENT_MATMUL && graph.type(n.out()).dtype() == org.braindyn.tensor.DType.F32
                && (e == org.braindyn.tensor.DType.F32 || e == org.braindyn.tensor.DType.BOOL);
    }

    /**
     * {@code e·w} or {@code eᵀ·g} into a planned buffer, visiting only the non-zero events. The first product on an
     * event value in the schedule scans it into row lists; later products on the same value in the same run (the
     * recomputed forward product and the weight gradient of a BPTT step) reuse them.
     */
    private Runnable eventMatmulStep(Graph.Node n, float[] out) {
        int ev = n.in()[0], bv = n.in()[1], o = n.out();
        TensorType et = graph.type(ev);
        boolean outer = ((org.braindyn.ops.Attr.EventProduct) n.attr()).outer();
        int k = et.shape().dim(-1), cols = graph.type(bv).shape().dim(-1);
        int m = k > 0 ? et.shape().size() / k : outer || cols == 0 ? 0 : graph.type(o).shape().size() / cols;   // k = 0: rows of zeros
        org.braindyn.tensor.DType ed = et.dtype();
        org.braindyn.ops.internal.EventMatmulKernels.Scratch[] current = eventRows.get(ev);
        boolean scans = current == null;
        if (scans) { current = new org.braindyn.ops.internal.EventMatmulKernels.Scratch[] {new org.braindyn.ops.internal.EventMatmulKernels.Scratch()}; eventRows.put(ev, current); }
        org.braindyn.ops.internal.EventMatmulKernels.Scratch own = current[0];
        org.braindyn.ops.internal.EventMatmulKernels.Scratch[] cur = current;
        int slice = sliceIndex(ev);
        return () -> {
            arr[o] = out;
            off[o] = 0;
            if (scans) {
                EventRowsStore store = rowsStore;
                if (store != null && slice >= 0 && slice < sliceInputs && slice < store.slices) {   // a loop slice under a gradient: recorded forward, read back in reverse
                    boolean have = store.replay && store.has(slice, rowsStep);
                    cur[0] = store.slot(slice, rowsStep);
                    if (!have) org.braindyn.ops.internal.EventMatmulKernels.rows(ed, arr[ev], off[ev], m, k, cur[0]);
                } else {
                    cur[0] = own;
                    org.braindyn.ops.internal.EventMatmulKernels.rows(ed, arr[ev], off[ev], m, k, own);
                }
            }
            if (outer) org.braindyn.ops.internal.EventMatmulKernels.outerRows(cur[0], k, (float[]) arr[bv], off[bv], cols, out, 0);
            else org.braindyn.ops.internal.EventMatmulKernels.productRows(cur[0], (float[]) arr[bv], off[bv], cols, out, 0);
        };
    }

    /** Graph inputs {@code [0, sliceInputs)} are the per-step slices of a loop (set by the loop, before the first run). */
    private int sliceInputs;

    /** Declares graph inputs {@code [0, nx)} as a loop's per-step slices (read-only user arrays). */
    void sliceInputs(int nx) { sliceInputs = nx; }

    /** The slice index of value {@code v} if it is one of the loop's slice inputs, else -1. */
    private int sliceIndex(int v) {
        for (int j = 0; j < graph.inputs.length; j++) if (graph.inputs[j] == v) return j;
        return -1;
    }

    /** Event lists of slice inputs kept across a forward and a reverse loop ({@link EventRowsStore}); null: none. */
    EventRowsStore rowsStore;
    /** The (global) step index the next run belongs to, for {@link #rowsStore}. */
    int rowsStep;

    /** Whether an event product reads one of the loop's slice inputs. */
    boolean eventProductsOnSlices() {
        for (var e : eventRows.keySet()) {
            int j = sliceIndex(e);
            if (j >= 0 && j < sliceInputs) return true;
        }
        return false;
    }

    /** Event values read by event products, each scanned once per run (by the first product in the schedule). */
    private final java.util.Map<Integer, org.braindyn.ops.internal.EventMatmulKernels.Scratch[]> eventRows = new java.util.HashMap<>();

    /**
     * {@code a @ B} into a planned buffer, batch axes of {@code a} folded into its rows. A constant B is packed into
     * the micro-kernel's panels once, here; any other B is re-packed every step into the same panels.
     */
    private Runnable matmulStep(Graph.Node n, float[] out) {
        int av = n.in()[0], bv = n.in()[1], o = n.out();
        Shape bs = graph.type(bv).shape();
        int k = bs.dim(0), cols = bs.dim(1), m = graph.type(av).shape().size() / Math.max(1, k);
        org.braindyn.ops.internal.MatmulKernel.PackedF32 packed = new org.braindyn.ops.internal.MatmulKernel.PackedF32(k, cols);
        boolean constant = graph.constant(bv) != null, packs = packed.packs(m) && m * k > 0;
        if (constant && packs) packed.pack((float[]) arr[bv], off[bv]);
        return () -> {
            arr[o] = out;
            off[o] = 0;
            if (!constant && packs) packed.pack((float[]) arr[bv], off[bv]);
            packed.multiply((float[]) arr[av], off[av], (float[]) arr[bv], off[bv], out, 0, m);
        };
    }

    private Runnable matvecStep(Graph.Node n, float[] out) {
        org.braindyn.ops.Attr.Csr c = (org.braindyn.ops.Attr.Csr) n.attr();
        int ipv = n.in()[0], ixv = n.in()[1], wv = n.in()[2], xv = n.in()[3], o = n.out();
        boolean homo = graph.type(wv).shape().rank() == 0;
        double[] acc = new double[c.cols()];
        return () -> {
            arr[o] = out;
            off[o] = 0;
            org.braindyn.ops.internal.CsrKernels.matvecTransposeInto((int[]) arr[ipv], off[ipv], (int[]) arr[ixv], off[ixv], (float[]) arr[wv], off[wv], homo,
                    (float[]) arr[xv], off[xv], c.rows(), acc, out, 0, c.cols());
        };
    }

    /**
     * The active rows of one boolean event value in this step: {@code rows[0 … count[0])}; {@code ready[0]}: already
     * compacted at the end of the last run from the carry output that became this input ({@link #handOffs}).
     */
    private record EventList(int[] rows, int[] count, boolean[] ready) {
        EventList(int n) { this(new int[n], new int[1], new boolean[1]); }
    }

    /** Boolean carry outputs compacted at the end of every loop step into their input's list (see {@link #carries}). */
    private int[] handOffOut = new int[0];
    private EventList[] handOffList = new EventList[0];
    private boolean handOffs;

    /**
     * The loop's carries, {@code {input k, output k'}}: a boolean output whose input is read by event sums (the
     * spikes of a population with outgoing projections) is compacted once, at the end of each step, straight into
     * the list the next step's event sums read, and handed to sinks that take lists ({@link Jit.EventSink}); the
     * next step then skips its own scan. Only while {@link #handOffs(boolean)} is on: a forward loop, step after step.
     */
    void carries(int[][] pairs) {
        List<Integer> outs = new ArrayList<>();
        List<EventList> lists = new ArrayList<>();
        for (int[] pr : pairs) {
            int u = graph.inputs[pr[0]], v = graph.outputs[pr[1]];
            EventList l = eventLists.get(u);
            if (l == null || graph.type(v).dtype() != org.braindyn.tensor.DType.BOOL || !graph.type(v).equals(graph.type(u))) continue;
            outs.add(v);
            lists.add(l);
        }
        handOffOut = outs.stream().mapToInt(Integer::intValue).toArray();
        handOffList = lists.toArray(EventList[]::new);
    }

    /**
     * Whether each run's carries are the next run's inputs (a loop running forward): then the spike lists computed
     * at the end of a run are used by the next. Turning it on or off forgets any list already handed over.
     */
    void handOffs(boolean on) {
        handOffs = on;
        for (EventList l : handOffList) l.ready()[0] = false;
    }

    /** Event values read by event sums, each compacted once per run into its list. */
    private final java.util.Map<Integer, EventList> eventLists = new java.util.HashMap<>();

    private Runnable compactStep(int ev, EventList list) {
        int n = graph.type(ev).shape().size();
        return () -> {
            if (list.ready()[0]) list.ready()[0] = false;   // compacted at the end of the last step, from the same array
            else list.count()[0] = org.braindyn.ops.internal.EventLists.compact((boolean[]) arr[ev], off[ev], n, list.rows());
        };
    }

    private Runnable eventSumStep(Graph.Node n, float[] out, EventList list) {
        org.braindyn.ops.Attr.Csr c = (org.braindyn.ops.Attr.Csr) n.attr();
        int ipv = n.in()[0], ixv = n.in()[1], wv = n.in()[2], o = n.out();
        boolean homo = graph.type(wv).shape().rank() == 0;
        int[] rows = list.rows(), count = list.count();
        Runnable split = splitEventSum(n, out, list);
        if (split != null) return split;
        return () -> {
            arr[o] = out;
            off[o] = 0;
            org.braindyn.ops.internal.CsrKernels.eventSumListInto((int[]) arr[ipv], off[ipv], (int[]) arr[ixv], off[ixv], (float[]) arr[wv], off[wv], homo,
                    rows, count[0], out, 0, c.cols());
        };
    }

    /** A {@link Op#HOST_CALL} writing into its planned buffer. */
    private Runnable hostStep(Graph.Node n, Object out) {
        org.braindyn.ops.HostKernel k = ((org.braindyn.ops.Attr.Host) n.attr()).kernel();
        int[] ins = n.in();
        Object[] a = new Object[ins.length];
        int[] o = new int[ins.length];
        int v = n.out();
        return () -> {
            for (int j = 0; j < ins.length; j++) { a[j] = arr[ins[j]]; o[j] = off[ins[j]]; }
            arr[v] = out;
            off[v] = 0;
            k.run(a, o, out, 0);
        };
    }

    /** A reshape of a value (every value here is contiguous): the same elements, no copy and no tensor objects. */
    private Runnable aliasStep(Graph.Node n) {
        int x = n.in()[0], o = n.out();
        return () -> {
            arr[o] = arr[x];
            off[o] = off[x];
        };
    }

    /** {@code take(x, i, 0)} with a scalar int32 index: a view of one row of {@code x}, no copy. */
    private boolean isRowGather(Graph.Node n) {
        return n.op() == Op.GATHER && ((org.braindyn.ops.Attr.Axis) n.attr()).axis() == 0 && graph.type(n.in()[1]).shape().rank() == 0
                && graph.type(n.in()[1]).dtype() == org.braindyn.tensor.DType.I32;
    }

    private Runnable rowViewStep(Graph.Node n) {
        int x = n.in()[0], i = n.in()[1], o = n.out();
        int rows = graph.type(x).shape().dim(0), inner = graph.type(o).shape().size();
        return () -> {
            int j = ((int[]) arr[i])[off[i]];
            int k = org.braindyn.ops.internal.IndexKernels.check(Op.GATHER, j, rows, 0);
            arr[o] = arr[x];
            off[o] = off[x] + k * inner;
        };
    }

    /** A {@code SCATTER} along axis 0 whose operand and result are one of the in-place pairs (a loop carry). */
    private boolean scatterInPlace(Graph.Node n, int[][] inPlace) {
        if (n.op() != Op.SCATTER || ((org.braindyn.ops.Attr.Axis) n.attr()).axis() != 0) return false;
        for (int[] pr : inPlace) if (graph.inputs[pr[0]] == n.in()[0] && graph.outputs[pr[1]] == n.out()) return true;
        return false;
    }

    /** Writes the updated rows over the operand's own array (the carry), O(rows written), and binds the result to it. */
    private Runnable scatterInPlaceStep(Graph.Node n) {
        int x = n.in()[0], i = n.in()[1], u = n.in()[2], o = n.out();
        TensorType xt = graph.type(x);
        int rows = xt.shape().dim(0), inner = xt.shape().size() / Math.max(1, rows), count = graph.type(i).shape().size();
        return () -> {
            int[] ix = (int[]) arr[i];
            for (int q = 0; q < count; q++) {
                int k = org.braindyn.ops.internal.IndexKernels.check(Op.SCATTER, ix[off[i] + q], rows, 0);
                System.arraycopy(arr[u], off[u] + q * inner, arr[x], off[x] + k * inner, inner);
            }
            arr[o] = arr[x];
            off[o] = off[x];
        };
    }

    /**
     * An event sum over constant connectivity split by column ranges across the step's threads (bit-identical: see
     * {@link org.braindyn.ops.internal.CsrKernels#eventSumListColumns}), or null where it stays on one thread.
     */
    private Runnable splitEventSum(Graph.Node n, float[] out, EventList list) {
        org.braindyn.ops.Attr.Csr c = (org.braindyn.ops.Attr.Csr) n.attr();
        int ipv = n.in()[0], ixv = n.in()[1], wv = n.in()[2], o = n.out();
        if (threads < 2 || c.cols() < StepTeam.minElements() || graph.constant(ipv) == null || graph.constant(ixv) == null) return null;
        int parts = threads, chunk = ((c.cols() + parts - 1) / parts + 63) & ~63;
        int[][] bound = new int[parts + 1][];
        for (int p = 0; p <= parts; p++) {
            int col = Math.min(c.cols(), p * chunk);
            bound[p] = org.braindyn.ops.internal.CsrKernels.columnSplit((int[]) arr[ipv], off[ipv], (int[]) arr[ixv], off[ixv], c.rows(), col);
            if (bound[p] == null) return null;
        }
        StepTeam.Workers team = StepTeam.workers(threads);
        boolean homo = graph.type(wv).shape().rank() == 0;
        int[] rows = list.rows(), count = list.count();
        int[] ix = (int[]) arr[ixv];
        int ixo = off[ixv];
        org.braindyn.ops.internal.SpinTeam.Part part = p -> {
            int c0 = Math.min(c.cols(), p * chunk), c1 = Math.min(c.cols(), c0 + chunk);
            if (c0 < c1) org.braindyn.ops.internal.CsrKernels.eventSumListColumns(ix, ixo, (float[]) arr[wv], off[wv], homo, rows, count[0],
                    bound[p], bound[p + 1], out, 0, c0, c1);
        };
        return () -> {
            arr[o] = out;
            off[o] = 0;
            team.run(parts, part);
        };
    }

    private Runnable singleStep(Graph.Node n) {
        TensorType out = graph.type(n.out());
        TensorType[] types = new TensorType[n.in().length];
        for (int j = 0; j < types.length; j++) types[j] = graph.type(n.in()[j]);
        return () -> {
            Tensor[] in = new Tensor[types.length];
            for (int j = 0; j < in.length; j++) in[j] = Tensor.ofStorage(types[j].dtype(), types[j].shape(), arr[n.in()[j]], off[n.in()[j]]);
            Tensor r = Kernels.eager(n.op(), n.attr(), out, in).contiguous();
            arr[n.out()] = r.storage();
            off[n.out()] = r.offset();
        };
    }

    /** Binds input {@code k} to {@code n} elements of {@code array} from {@code offset} (C order). */
    void input(int k, Object array, int offset) {
        int v = graph.inputs[k];
        arr[v] = array;
        off[v] = offset;
    }

    /** Binds input {@code k} to a tensor (copied only if it is not contiguous). */
    void input(int k, Tensor t) {
        Tensor c = t.contiguous();
        input(k, c.storage(), c.offset());
    }

    /** Directs output {@code k} into {@code array} from {@code offset} for the following runs (null: no target). */
    void target(int k, Object array, int offset) {
        int v = graph.outputs[k];
        if (direct[k]) { tgtArr[v] = array; tgtOff[v] = offset; }
        else if (array != null) { copyTarget[k] = array; copyOff[k] = offset; }
        else copyTarget[k] = null;
    }

    private final Object[] copyTarget;
    private final int[] copyOff;

    private Tracer.HostValue[] hosts = new Tracer.HostValue[0];   // arrays, not lists: a per-run iterator would allocate

    /** Inputs Java computes before every run (see {@link Jit#hostValue}). */
    void hosts(List<Tracer.HostValue> h) { hosts = h.toArray(Tracer.HostValue[]::new); }

    private Tracer.SinkOut[] sinks = new Tracer.SinkOut[0];

    /** Outputs handed to Java after every run (see {@link Jit#sink}). */
    void sinks(List<Tracer.SinkOut> s) { sinks = s.toArray(Tracer.SinkOut[]::new); }

    static final String HOST_VALUES = "host values (Java inputs computed before the step)";
    static final String CARRY_COPIES = "carry copies (outputs not computed in place)";
    static final String SPIKE_LISTS = "spike lists (event outputs compacted for the next step)";
    static final String MONITORS = "monitors (sinks fed after the step)";

    private final String[] stepLabels;
    private long[] timing;   // per step of the schedule, then the four epilogue parts; null when not profiling

    /** What each timed slot holds: the schedule's steps, then host values, carry copies, spike lists and monitors. */
    String[] stepLabels() { return stepLabels.clone(); }

    /** Adds each step's nanoseconds into {@code slots} (one per {@link #stepLabels}) from the next run on; null stops. */
    void timing(long[] slots) { timing = slots; }

    /** Runs the schedule once on the bound inputs (host values are computed first, sinks are called last). */
    void run() {
        long[] t = timing;
        long t0 = t == null ? 0 : System.nanoTime();
        for (Tracer.HostValue h : hosts) {
            Tensor v = h.fn().get();
            if (v.dtype() != h.type().dtype() || !v.shape().equals(h.type().shape()))
                throw new IllegalStateException("Jit.hostValue: declared " + h.type() + " but the function gave " + v.dtype().numpyName() + v.shape());
            input(h.input(), v);
        }
        int ns = steps.length;
        if (t == null) for (Runnable r : steps) r.run();
        else {
            long a = System.nanoTime();
            t[ns] += a - t0;
            for (int k = 0; k < ns; k++) {
                steps[k].run();
                long b = System.nanoTime();
                t[k] += b - a;
                a = b;
            }
            t0 = a;
        }
        for (int k = 0; k < copyTarget.length; k++) if (copyTarget[k] != null) {
                int v = graph.outputs[k];
                if (arr[v] == copyTarget[k] && off[v] == copyOff[k]) continue;   // computed in place
                System.arraycopy(arr[v], off[v], copyTarget[k], copyOff[k], graph.type(v).shape().size());
            }
        if (t != null) { long b = System.nanoTime(); t[ns + 1] += b - t0; t0 = b; }
        if (handOffs)
            for (int h = 0; h < handOffOut.length; h++) {
                int v = handOffOut[h];
                EventList l = handOffList[h];
                l.count()[0] = org.braindyn.ops.internal.EventLists.compact((boolean[]) arr[v], off[v], l.rows().length, l.rows());
                l.ready()[0] = true;
            }
        if (t != null) { long b = System.nanoTime(); t[ns + 2] += b - t0; t0 = b; }
        for (Tracer.SinkOut s : sinks) {
            int v = graph.outputs[s.output()];
            EventList l = handOffs && s.sink() instanceof Jit.EventSink ? handedOff(v) : null;
            if (l != null) ((Jit.EventSink) s.sink()).acceptEvents(l.rows(), l.count()[0]);
            else s.sink().accept(arr[v], off[v], graph.type(v).shape().size());
        }
        if (t != null) t[ns + 3] += System.nanoTime() - t0;
    }

    private EventList handedOff(int v) {
        for (int h = 0; h < handOffOut.length; h++) if (handOffOut[h] == v) return handOffList[h];
        return null;
    }

    /** Output {@code k} of the last run as a new tensor (its own copy of the elements). */
    Tensor output(int k) {
        int v = graph.outputs[k];
        TensorType t = graph.type(v);
        Object copy = Storage.allocate(t.dtype(), t.shape().size());
        System.arraycopy(arr[v], off[v], copy, 0, t.shape().size());
        return Tensor.wrap(t.dtype(), t.shape(), copy);
    }

    /**
     * The {@code SCATTER} along axis 0 computing {@code v} from operand {@code u} when nothing else reads {@code u}
     * (not even as that scatter's index or updates), so that the rows can be written over {@code u}'s array; or null.
     */
    private static Graph.Node inPlaceScatter(Graph g, List<Fusion.Step> schedule, int u, int v) {
        Graph.Node found = null;
        for (Fusion.Step s : schedule) {
            if (s instanceof Fusion.Fused f) {
                for (int i : f.inputs()) if (i == u) return null;
                continue;
            }
            Graph.Node n = ((Fusion.Single) s).node();
            boolean owner = n.op() == Op.SCATTER && n.out() == v && n.in()[0] == u && ((org.braindyn.ops.Attr.Axis) n.attr()).axis() == 0;
            if (owner) found = n;
            for (int j = owner ? 1 : 0; j < n.in().length; j++) if (n.in()[j] == u) return null;
        }
        return found;
    }

    /**
     * Pairs {@code {input k, output k'}} from {@code pairs} that may share one array: the output is written by a
     * fused kernel (directly, not copied), the input is read by that kernel element by element (stores follow all
     * loads of an element, so writing over the input is safe) or not at all, otherwise only by event sums scheduled
     * before it (the spikes of the last step, read by the projections before the neurons update), and it is not
     * itself an output; or the
     * output is a {@code SCATTER} of the input that nothing else reads ({@link #inPlaceScatter}).
     */
    static int[][] inPlaceCandidates(Graph g, List<Fusion.Step> schedule, int[][] pairs) {
        List<int[]> ok = new ArrayList<>();
        boolean[] seenOut = new boolean[g.valueCount()];
        int[] firstOutIndex = new int[g.valueCount()];
        Arrays.fill(firstOutIndex, -1);
        for (int k = 0; k < g.outputs.length; k++) if (firstOutIndex[g.outputs[k]] < 0) firstOutIndex[g.outputs[k]] = k;
        for (int[] pr : pairs) {
            int u = g.inputs[pr[0]], v = g.outputs[pr[1]];
            if (firstOutIndex[v] != pr[1] || seenOut[v] || firstOutIndex[u] >= 0) continue;
            Graph.Node scatter = inPlaceScatter(g, schedule, u, v);
            if (scatter != null && g.type(u).equals(g.type(v))) {
                ok.add(pr);
                seenOut[v] = true;
                continue;
            }
            // the kernel writing v (the owner) may write over u when it reads u element by element or not at all, and
            // every other step reading u is an event sum (of last step's spikes, say) that runs before it: all of u is read by then
            int owner = -1;
            for (int p = 0; p < schedule.size() && owner < 0; p++)
                if (schedule.get(p) instanceof Fusion.Fused f) for (int o : f.outputs()) if (o == v) owner = p;
            boolean safe = owner >= 0;
            for (int p = 0; p < schedule.size() && safe; p++) {
                Fusion.Step s = schedule.get(p);
                if (s instanceof Fusion.Fused f) {
                    for (int j = 0; j < f.inputs().length; j++)
                        if (f.inputs()[j] == u) safe &= p < owner || p == owner && f.loads()[j] == Fusion.Load.FULL;
                } else {   // only an event sum: it makes a new array, where other ops may return a view of u
                    Graph.Node n = ((Fusion.Single) s).node();
                    for (int i : n.in()) if (i == u) safe &= p < owner && n.op() == Op.CSR_EVENT_SUM;
                }
            }
            if (safe && g.type(u).equals(g.type(v))) {
                ok.add(pr);
                seenOut[v] = true;
            }
        }
        return ok.toArray(int[][]::new);
    }

    /** The constant output {@code k} always is, or null when it is computed. */
    Tensor constantOutput(int k) { return graph.constant(graph.outputs[k]); }

    /** Number of generated fused kernels. */
    int fusedKernels() { return fusedKernels; }

    /** Bytes of buffers the plan preallocated. */
    long plannedBytes() { return plannedBytes; }

    /** The schedule in words: one line per step, fused groups with their member primitives. */
    String describe() {
        StringBuilder b = new StringBuilder();
        int k = 0;
        for (Fusion.Step s : schedule) {
            if (s instanceof Fusion.Fused f) {
                b.append("  fused kernel #").append(k++).append(": ").append(f.members().size()).append(" ops over ").append(f.n())
                        .append(" elements [");
                for (int j = 0; j < f.members().size(); j++) b.append(j == 0 ? "" : " ").append(f.members().get(j).op().label());
                b.append("] inputs ").append(Arrays.toString(f.inputs())).append(' ').append(Arrays.toString(f.loads()))
                        .append(" outputs ").append(Arrays.toString(f.outputs()))
                        .append(expandedGroups.contains(f) ? " (repeated inputs expanded: SIMD)" : "").append('\n');
            } else {
                Graph.Node n = ((Fusion.Single) s).node();
                b.append("  ").append(n.op().label()).append(" (eager kernel) -> %").append(n.out()).append('\n');
            }
        }
        return b.toString();
    }
}
