package org.braindyn.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.ops.TensorType;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Compiled control flow (BrainPy's {@code bm.for_loop}, {@code scan}, {@code while_loop}, {@code cond},
 * {@code ifelse}). A loop body is traced once, compiled with {@link Jit}, and the whole loop then runs inside
 * compiled code: carries ping-pong between two preallocated buffers, per-step results are written straight into
 * their stacked {@code [T, …]} arrays, and a body made of fused kernels allocates nothing per step.
 * {@link Variable}s the body writes are carried from step to step and hold their final values afterwards.
 * <pre>{@code
 * // run a model for 1,000 steps and record its spikes: ys[0] has shape (1000, N)
 * Tensor[] ys = Loops.forLoop(x -> { lif.update(x[0]); return new Tensor[] {lif.spike.value()}; }, currents);
 * }</pre>
 * <b>Gradients.</b> Under {@link Autodiff#grad}, a loop records one node whose backward is itself a compiled
 * loop running in reverse (BPTT): its body is the traced vector-Jacobian product of the step, which
 * recomputes the step's internals from the stored carry. {@link #checkpointedForLoop} stores only every k-th
 * carry and recomputes each segment's carries before running back through it.
 */
public final class Loops {
    private Loops() {}

    /**
     * {@code for_loop}: runs {@code body} once per leading index of the operands {@code xs} (each of shape
     * {@code [T, …]}); the body receives the slices {@code xs[i][t]} and returns per-step results, returned
     * stacked as {@code [T, …]}.
     */
    public static Tensor[] forLoop(Function<Tensor[], Tensor[]> body, Tensor... xs) { return loop(body, body, xs, new Tensor[0], 1); }

    /**
     * Traces and compiles the body of {@code forLoop(body, xs)} without running it (the next {@link #forLoop} with
     * the same body and slice types reuses the result), so that a caller can time compilation apart from the loop.
     */
    public static void precompileForLoop(Function<Tensor[], Tensor[]> body, Tensor... xs) {
        length(xs);
        if (Jit.isTracing()) return;
        List<TensorType> argTypes = new ArrayList<>();
        for (Tensor x : xs) argTypes.add(new TensorType(x.dtype(), x.shape().drop(1)));
        compiled(body, body, argTypes, xs.length, 0);
    }

    /**
     * The compiled step of {@code forLoop(body, xs)} in words (compiling it if needed): one line per scheduled step,
     * fused kernels with their member primitives and element counts, eager kernels by name; the first line counts the
     * kernels, the planned bytes and the carries written over their own arrays (the others are copied every step).
     */
    public static String explainForLoop(Function<Tensor[], Tensor[]> body, Tensor... xs) {
        length(xs);
        List<TensorType> argTypes = new ArrayList<>();
        for (Tensor x : xs) argTypes.add(new TensorType(x.dtype(), x.shape().drop(1)));
        LoopStep ls = compiled(body, body, argTypes, xs.length, 0);
        int inPlace = 0;
        for (boolean b : ls.inPlace) if (b) inPlace++;
        return ls.program.fusedKernels() + " fused kernels, " + ls.program.plannedBytes() + " planned bytes, " + inPlace + " of " + ls.carries()
                + " carries updated in place\n" + ls.program.describe();
    }

    /**
     * Runs {@code action} with timers on every compiled loop it runs on this thread and returns where their time
     * went, kernel by kernel ({@link LoopProfile}): each step of the schedule, the epilogue, and the executor's own
     * overhead per iteration. The timers cost a clock reading per step (taken off the figures); without a profile
     * loops run untimed.
     * <pre>{@code
     * runner.run(500);                                   // warm up first: a profile of steady state
     * System.out.println(Loops.profile(() -> runner.run(1000)));
     * }</pre>
     *
     * @throws IllegalStateException when a profile is already being taken on this thread, or the action ran no
     *         compiled loop
     */
    public static LoopProfile profile(Runnable action) {
        if (LoopProfile.active() != null) throw new IllegalStateException("Loops.profile: a profile is already being taken on this thread; profiles do not nest");
        LoopProfile.Collector c = new LoopProfile.Collector();
        LoopProfile.Collector.ACTIVE.set(c);
        try {
            action.run();
        } finally {
            LoopProfile.Collector.ACTIVE.remove();
        }
        return c.result();
    }

    /** {@link #forLoop} whose gradient stores only every {@code every}-th carry (memory ∝ T/every + every). */
    public static Tensor[] checkpointedForLoop(Function<Tensor[], Tensor[]> body, int every, Tensor... xs) {
        if (every < 1) throw new IllegalArgumentException("Loops.checkpointedForLoop: every must be >= 1; got " + every);
        return loop(body, body, xs, new Tensor[0], every);
    }

    /** The body of a {@link #scan}: carries and the step's slices to {@code {newCarries, ys}}. */
    @FunctionalInterface
    public interface ScanBody { Tensor[][] apply(Tensor[] carry, Tensor[] x); }

    /** Final carries and stacked per-step results of a {@link #scan}. */
    public record ScanResult(Tensor[] carry, Tensor[] ys) {}

    /** {@code scan(f, init, xs)} (JAX semantics): threads {@code carry} through the steps, stacking the ys. */
    public static ScanResult scan(ScanBody body, Tensor[] init, Tensor... xs) {
        int nx = xs.length, nc = init.length;
        Function<Tensor[], Tensor[]> step = a -> {
            Tensor[][] r = body.apply(Arrays.copyOfRange(a, nx, nx + nc), Arrays.copyOfRange(a, 0, nx));
            if (r.length != 2 || r[0].length != nc)
                throw new IllegalArgumentException("Loops.scan: the body must return {newCarry (" + nc + " tensors), ys}; got " + r.length + " groups");
            Tensor[] out = new Tensor[r[1].length + nc];
            System.arraycopy(r[1], 0, out, 0, r[1].length);
            System.arraycopy(r[0], 0, out, r[1].length, nc);
            return out;
        };
        Tensor[] res = loop(body, step, xs, init, 1);
        int ny = res.length - nc;
        return new ScanResult(Arrays.copyOfRange(res, ny, res.length), Arrays.copyOf(res, ny));
    }

    private static int length(Tensor[] xs) {
        if (xs.length == 0) throw new IllegalArgumentException("Loops: at least one operand with a leading time axis is needed");
        int T = -1;
        for (int j = 0; j < xs.length; j++) {
            if (xs[j].ndim() == 0) throw new IllegalArgumentException("Loops: operand " + j + " is a scalar; operands need a leading time axis");
            if (T >= 0 && xs[j].dim(0) != T)
                throw new IllegalArgumentException("Loops: operand " + j + " has " + xs[j].dim(0) + " steps along axis 0; operand 0 has " + T);
            T = xs[j].dim(0);
        }
        return T;
    }

    private static Tensor slice(Tensor x, int t) { return x.get(org.braindyn.tensor.Index.at(t)); }

    /** Results of the step function, stacked ys then final explicit carries; variables updated. */
    /** Compiled bodies by the user's body object and argument types: calling a loop again with the same body reuses them. */
    private static final Map<Object, Map<List<TensorType>, LoopStep>> CACHE = java.util.Collections.synchronizedMap(new WeakHashMap<>());

    private static LoopStep compiled(Object key, Function<Tensor[], Tensor[]> step, List<TensorType> argTypes, int nx, int nc) {
        Map<List<TensorType>, LoopStep> m = CACHE.computeIfAbsent(key, k -> new java.util.concurrent.ConcurrentHashMap<>());
        LoopStep ls = m.get(argTypes);
        if (ls == null || !ls.compiled.statesMatch() || !ls.compiled.trace().captured().isEmpty()) {
            ls = new LoopStep(step, argTypes, nx, nc, 0);
            m.put(argTypes, ls);
        }
        return ls;
    }

    private static Tensor[] loop(Object key, Function<Tensor[], Tensor[]> step, Tensor[] xs, Tensor[] init, int every) {
        int T = length(xs), nx = xs.length, nc = init.length;
        if (Jit.isTracing()) return unrolled(step, xs, init, T);
        List<TensorType> argTypes = new ArrayList<>();
        Tensor[] xc = new Tensor[nx];
        for (int j = 0; j < nx; j++) {
            xc[j] = xs[j].contiguous();
            argTypes.add(new TensorType(xs[j].dtype(), xs[j].shape().drop(1)));
        }
        for (Tensor c : init) argTypes.add(new TensorType(c.dtype(), c.shape()));
        LoopStep ls = compiled(key, step, argTypes, nx, nc);
        Tensor[] carry0 = ls.carryInit(init), inv = ls.invariants();
        int nCar = carry0.length;
        Tensor[] inputs = new Tensor[nx + nCar + inv.length];
        System.arraycopy(xc, 0, inputs, 0, nx);
        System.arraycopy(carry0, 0, inputs, nx, nCar);
        System.arraycopy(inv, 0, inputs, nx + nCar, inv.length);
        boolean recording = Autodiff.isRecording(inputs);
        // under a gradient the forward loop also keeps the carries the reverse loop starts from (every `every`-th
        // step), so that the backward pass does not run the forward loop a second time
        LoopStep.Run[] saved = new LoopStep.Run[1];
        EventRowsStore rows = recording && ls.program.eventProductsOnSlices() ? ls.rowsStore(T) : null;
        Function<Tensor[], Tensor[]> forward = in -> forward(ls, in, T, recording ? every : 0, saved, rows);
        boolean[] tracked = new boolean[inputs.length];
        for (int j = 0; j < inputs.length; j++) tracked[j] = Autodiff.isRecording(inputs[j]);
        Tensor[] outs = recording
                ? Autodiff.customVjpMulti(forward, (in, o, g) -> {
                    LoopStep.Run s = saved[0];   // handed over once: a second backward pass recomputes the carries
                    saved[0] = null;
                    try {
                        return Backward.vjp(ls, in, g, T, every, tracked, s, s == null ? null : rows);
                    } finally {
                        if (rows != null) ls.releaseRows(rows);
                    }
                }, inputs)
                : forward.apply(inputs);
        for (int k = nc; k < nCar; k++) ls.carryVars.get(k - nc).set(outs[ls.ny + k]);
        for (int k = 0; k < ls.woVars.size(); k++) if (outs[ls.ny + nCar + k] != null) ls.woVars.get(k).set(outs[ls.ny + nCar + k]);
        Tensor[] res = new Tensor[ls.ny + nc];
        System.arraycopy(outs, 0, res, 0, ls.ny + nc);
        return res;
    }

    /**
     * The compiled forward loop on {@code [xs, carries, invariants]}: {@code [ys, final carries, write-only]}. With
     * {@code storeEvery > 0} it also keeps every {@code storeEvery}-th entering carry, in {@code saved[0]}.
     */
    private static Tensor[] forward(LoopStep ls, Tensor[] in, int T, int storeEvery, LoopStep.Run[] saved, EventRowsStore rows) {
        int nx = ls.nx, nCar = ls.carries(), ny = ls.ny;
        Object[] xa = new Object[nx];
        int[] xo = new int[nx];
        for (int j = 0; j < nx; j++) { Tensor c = in[j].contiguous(); xa[j] = c.storage(); xo[j] = c.offset(); }
        Object[] init = new Object[nCar];
        for (int c = 0; c < nCar; c++) init[c] = LoopStep.flat(in[nx + c]);
        Tensor[] inv = Arrays.copyOfRange(in, nx + nCar, in.length);
        Object[] ya = new Object[ny];
        int[] yo = new int[ny];
        for (int j = 0; j < ny; j++) ya[j] = Storage.allocate(ls.outType(j).dtype(), T * ls.outType(j).shape().size());
        ls.rows(rows, 0);   // under a gradient: the slices' event lists are kept for the reverse loop
        LoopStep.Run r;
        try {
            r = ls.run(xa, xo, init, inv, T, false, storeEvery, ya, yo);
        } finally {
            ls.rows(null, 0);
        }
        if (storeEvery > 0) saved[0] = r;
        Tensor[] out = new Tensor[ny + nCar + ls.woOut.length];
        for (int j = 0; j < ny; j++) out[j] = Tensor.wrap(ls.outType(j).dtype(), ls.outType(j).shape().prepend(T), ya[j]);
        for (int c = 0; c < nCar; c++) {
            TensorType t = ls.inType(ls.carryIn[c]);
            Object fin = Storage.allocate(t.dtype(), t.shape().size());
            System.arraycopy(r.finalCarries()[c], 0, fin, 0, t.shape().size());
            out[ny + c] = Tensor.wrap(t.dtype(), t.shape(), fin);
        }
        for (int k = 0; k < ls.woOut.length; k++) out[ny + nCar + k] = r.writeOnly()[k];
        return out;
    }

    /** Inside another trace a loop is unrolled into the enclosing graph (its length is static). */
    private static Tensor[] unrolled(Function<Tensor[], Tensor[]> step, Tensor[] xs, Tensor[] init, int T) {
        int nc = init.length;
        Tensor[] carry = init.clone();
        List<List<Tensor>> ys = new ArrayList<>();
        for (int t = 0; t < T; t++) {
            Tensor[] a = new Tensor[xs.length + nc];
            for (int j = 0; j < xs.length; j++) a[j] = slice(xs[j], t);
            System.arraycopy(carry, 0, a, xs.length, nc);
            Tensor[] r = step.apply(a);
            int ny = r.length - nc;
            for (int j = 0; j < ny; j++) { if (ys.size() <= j) ys.add(new ArrayList<>()); ys.get(j).add(r[j]); }
            carry = Arrays.copyOfRange(r, ny, r.length);
        }
        Tensor[] out = new Tensor[ys.size() + nc];
        for (int j = 0; j < ys.size(); j++) out[j] = BM.stack(ys.get(j).toArray(Tensor[]::new));
        System.arraycopy(carry, 0, out, ys.size(), nc);
        return out;
    }

    // ---- while / cond ----

    /** The compiled condition and body of the last {@link #whileLoop}: calling it again with the same functions reuses them. */
    private record LastWhile(Object cond, Object body, JitFunction c, JitFunction b) {}

    private static volatile LastWhile lastWhile;

    /**
     * {@code while_loop(cond, body, init)}: applies {@code body} to the values while {@code cond} (a scalar bool
     * function of them) holds; both are compiled once and the loop runs in compiled code.
     */
    public static Tensor[] whileLoop(Function<Tensor[], Tensor> cond, Function<Tensor[], Tensor[]> body, Tensor... init) {
        if (Jit.isTracing())
            throw new TracerError("Loops.whileLoop inside a compiled function: its trip count depends on traced values, which a "
                    + "straight-line graph cannot express; call whileLoop outside jit (it compiles its own body), or use forLoop with a fixed length");
        Tensor[] vals = init.clone();
        LastWhile last = lastWhile;
        if (last == null || last.cond() != cond || last.body() != body) {
            last = new LastWhile(cond, body, Jit.jit(a -> new Tensor[] {cond.apply(a)}), Jit.jit(a -> {
                Tensor[] r = body.apply(a);
                if (r.length != a.length) throw new IllegalArgumentException("Loops.whileLoop: the body returned " + r.length + " values; expected " + a.length);
                return r;
            }));
            lastWhile = last;
        }
        JitFunction[] cb = {last.c(), last.b()};
        JitFunction c = cb[0], b = cb[1];
        while (true) {
            Tensor p = c.call1(vals);
            if (p.size() != 1) throw new IllegalArgumentException("Loops.whileLoop: cond must return one boolean; got shape " + p.shape());
            if (!p.getBool(new int[p.ndim()])) return vals;
            vals = b.call(vals);
        }
    }

    /**
     * {@code cond(pred, trueFun, falseFun)}: the branch {@code pred} selects. Outside compiled code only that
     * branch runs; inside a trace both are traced and their results (and the variables either writes) are
     * merged with an elementwise select, which fuses with the surrounding code.
     */
    public static Tensor[] cond(Tensor pred, Supplier<Tensor[]> onTrue, Supplier<Tensor[]> onFalse) {
        if (pred.size() != 1) throw new IllegalArgumentException("Loops.cond: the predicate must be a scalar; got shape " + pred.shape());
        if (!pred.isSymbolic()) return pred.getBool(new int[pred.ndim()]) ? onTrue.get() : onFalse.get();
        Tensor p = pred.astype(org.braindyn.tensor.DType.BOOL).reshape();
        return Branches.merge(p, onTrue, onFalse);
    }

    /**
     * {@code ifelse(conditions, branches)}: the first branch whose condition holds, else the last branch
     * ({@code branches.size() == conditions.length + 1}).
     */
    public static Tensor[] ifElse(Tensor[] conditions, List<Supplier<Tensor[]>> branches) {
        if (branches.size() != conditions.length + 1)
            throw new IllegalArgumentException("Loops.ifElse: " + conditions.length + " conditions need " + (conditions.length + 1)
                    + " branches (the last is the else branch); got " + branches.size());
        if (conditions.length == 0) return branches.get(0).get();
        List<Supplier<Tensor[]>> rest = branches.subList(1, branches.size());
        Tensor[] restConds = Arrays.copyOfRange(conditions, 1, conditions.length);
        return cond(conditions[0], branches.get(0), () -> ifElse(restConds, rest));
    }
}
