package org.braindyn.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Backpropagation through a compiled loop. The backward body is traced once from the forward step's graph:
 * for the step's inputs {@code (x_t, c_t, inv)} and the cotangents {@code (ḡy_t, ḡc_{t+1})} it recomputes the
 * step and applies the tape's vector-Jacobian rules, giving {@code (ḡx_t, ḡc_t)} and adding the invariants'
 * cotangent to a running sum. That body is compiled like any loop body and run from {@code T-1} down to 0 with
 * the carries stored by the forward pass; with checkpointing, each segment's carries are first recomputed
 * forward from its stored checkpoint.
 */
final class Backward {
    /** Number of compiled backward sweeps run (for tests and reports). */
    static final java.util.concurrent.atomic.AtomicLong SWEEPS = new java.util.concurrent.atomic.AtomicLong();

    private Backward() {}

    /**
     * Cotangents of the loop node's inputs {@code [xs, carries, invariants]} given those of its outputs
     * {@code [ys, final carries, write-only values]} (write-only values get no gradient). {@code tracked} says which
     * inputs the tape differentiates: a slice or invariant it does not track gets no cotangent, so that, e.g., the
     * gradient of spike inputs {@code ḡx_t = ḡ·Wᵀ} is not computed at every step when nobody asked for it. Carries
     * are always differentiated (later steps' gradients flow through them).
     */
    static Tensor[] vjp(LoopStep ls, Tensor[] in, Tensor[] g, int T, int every, boolean[] tracked, LoopStep.Run saved, EventRowsStore rows) {
        ls.compiled.trace().requireDifferentiable("Loops (gradient of a compiled loop)");
        SWEEPS.incrementAndGet();
        int nx = ls.nx, nCar = ls.carries(), ny = ls.ny;
        Tensor[] inv = Arrays.copyOfRange(in, nx + nCar, in.length);
        int nInv = inv.length;
        Graph fg = ls.graph();
        // which inputs and outputs carry gradients
        boolean[] fx = new boolean[nx], fc = new boolean[nCar], fi = new boolean[nInv], fy = new boolean[ny];
        for (int j = 0; j < nx; j++) fx[j] = in[j].dtype().isFloating() && tracked[j];
        for (int c = 0; c < nCar; c++) fc[c] = in[nx + c].dtype().isFloating();
        for (int k = 0; k < nInv; k++) fi[k] = inv[k].dtype().isFloating() && tracked[nx + nCar + k];
        for (int j = 0; j < ny; j++) fy[j] = ls.outType(j).dtype().isFloating();
        // backward body arguments: [x_t (nx), c_t (nCar), gy_t (ny) | gc (nCar), gInv (nInv) | inv (nInv)]
        List<TensorType> types = new ArrayList<>();
        for (int j = 0; j < nx; j++) types.add(ls.inType(j));
        for (int c = 0; c < nCar; c++) types.add(ls.inType(ls.carryIn[c]));
        for (int j = 0; j < ny; j++) types.add(gradType(ls.outType(j)));
        for (int c = 0; c < nCar; c++) types.add(gradType(ls.inType(ls.carryIn[c])));
        for (int k = 0; k < nInv; k++) types.add(gradType(ls.inType(ls.invIn[k])));
        for (int k = 0; k < nInv; k++) types.add(ls.inType(ls.invIn[k]));
        LoopStep back = ls.backward.computeIfAbsent(Arrays.toString(fx) + Arrays.toString(fi),
                key -> new LoopStep(a -> body(ls, fg, a, fx, fc, fi, fy), types, nx + nCar + ny, nCar + nInv, nInv));

        // the carries entering every `every`-th step: kept by the forward loop, or from a forward pass again
        Object[] xa = new Object[nx];
        int[] xo = new int[nx];
        for (int j = 0; j < nx; j++) { Tensor c = in[j].contiguous(); xa[j] = c.storage(); xo[j] = c.offset(); }
        LoopStep.Run fwd = saved;
        if (fwd == null) {
            Object[] init = new Object[nCar];
            for (int c = 0; c < nCar; c++) init[c] = LoopStep.flat(in[nx + c]);
            fwd = ls.run(xa, xo, init, inv, T, false, every, null, null);
        }

        // reverse sweep, one segment at a time
        Object[] gc = new Object[nCar + nInv];
        for (int c = 0; c < nCar; c++) gc[c] = LoopStep.flat(g[ny + c].astype(gradType(ls.inType(ls.carryIn[c])).dtype()));
        for (int k = 0; k < nInv; k++) gc[nCar + k] = Storage.allocate(gradType(ls.inType(ls.invIn[k])).dtype(), inv[k].size());
        Object[] gya = new Object[ny];
        int[] gyo = new int[ny];
        for (int j = 0; j < ny; j++) {
            Tensor gy = g[j].astype(gradType(ls.outType(j)).dtype()).contiguous();
            gya[j] = gy.storage();
            gyo[j] = gy.offset();
        }
        int[] gxOf = new int[nx];   // slot of x_j's gradient among the backward body's per-step results, -1: none
        int nGx = 0;
        for (int j = 0; j < nx; j++) gxOf[j] = fx[j] ? nGx++ : -1;
        Object[] gxa = new Object[nGx];
        for (int j = 0; j < nx; j++) if (fx[j]) gxa[gxOf[j]] = Storage.allocate(gradType(ls.inType(j)).dtype(), T * ls.inType(j).shape().size());
        int segments = (T + every - 1) / every, segLen = every == 1 ? T : every;
        if (every == 1) segments = T > 0 ? 1 : 0;
        for (int s = segments - 1; s >= 0; s--) {
            int start = s * segLen, len = Math.min(T, start + segLen) - start;
            Object[] seg;
            if (every == 1) seg = fwd.stored();
            else {
                Object[] cp = slot(ls, fwd.stored(), s);
                int[] xo2 = new int[nx];
                for (int j = 0; j < nx; j++) xo2[j] = xo[j] + start * ls.inType(j).shape().size();
                seg = ls.run(xa, xo2, cp, inv, len, false, 1, null, null).stored();
            }
            Object[] bxa = new Object[nx + nCar + ny];
            int[] bxo = new int[nx + nCar + ny];
            for (int j = 0; j < nx; j++) { bxa[j] = xa[j]; bxo[j] = xo[j] + start * ls.inType(j).shape().size(); }
            for (int c = 0; c < nCar; c++) { bxa[nx + c] = seg[c]; bxo[nx + c] = 0; }
            for (int j = 0; j < ny; j++) { bxa[nx + nCar + j] = gya[j]; bxo[nx + nCar + j] = gyo[j] + start * ls.outType(j).shape().size(); }
            int[] gxo = new int[nGx];
            for (int j = 0; j < nx; j++) if (fx[j]) gxo[gxOf[j]] = start * ls.inType(j).shape().size();
            if (rows != null) rows.replay = true;
            back.rows(rows, start);   // the forward loop's event lists of the slices, step by step
            LoopStep.Run r;
            try {
                r = back.run(bxa, bxo, gc, back.invariants(inv), len, true, 0, gxa, gxo);
            } finally {
                back.rows(null, 0);
            }
            gc = r.finalCarries();
        }
        if (saved != null) ls.release(saved);   // the forward loop's stored carries are used up: the next run reuses them
        Tensor[] out = new Tensor[in.length];
        for (int j = 0; j < nx; j++) out[j] = fx[j] ? Tensor.wrap(gradType(ls.inType(j)).dtype(), ls.inType(j).shape().prepend(T), gxa[gxOf[j]]) : null;
        for (int c = 0; c < nCar; c++) {
            TensorType t = ls.inType(ls.carryIn[c]);
            out[nx + c] = fc[c] ? Tensor.wrap(t.dtype(), t.shape(), copy(gc[c], t)) : null;
        }
        for (int k = 0; k < nInv; k++) {
            TensorType t = ls.inType(ls.invIn[k]);
            out[nx + nCar + k] = fi[k] ? Tensor.wrap(t.dtype(), t.shape(), copy(gc[nCar + k], t)) : null;
        }
        return out;
    }

    /** The carries stored at checkpoint slot {@code s} ({@code every == 1}: the stacked arrays with offsets folded in). */
    private static Object[] slot(LoopStep ls, Object[] stored, int s) {
        Object[] r = new Object[stored.length];
        for (int c = 0; c < stored.length; c++) {
            TensorType t = ls.inType(ls.carryIn[c]);
            int n = t.shape().size();
            Object a = Storage.allocate(t.dtype(), n);
            System.arraycopy(stored[c], s * n, a, 0, n);
            r[c] = a;
        }
        return r;
    }

    private static Object copy(Object a, TensorType t) {
        Object r = Storage.allocate(t.dtype(), t.shape().size());
        System.arraycopy(a, 0, r, 0, t.shape().size());
        return r;
    }

    private static TensorType gradType(TensorType t) {
        return t.dtype().isFloating() ? t : new TensorType(org.braindyn.tensor.Config.defaultFloat(), t.shape());
    }

    /** The traced backward step (see the class comment). */
    private static Tensor[] body(LoopStep ls, Graph fg, Tensor[] a, boolean[] fx, boolean[] fc, boolean[] fi, boolean[] fy) {
        int nx = ls.nx, nCar = ls.carries(), ny = ls.ny, nInv = fi.length;
        int gyAt = nx + nCar, gcAt = gyAt + ny, giAt = gcAt + nCar, invAt = giAt + nInv;
        int nIn = fg.inputs.length;
        // forward inputs in graph order
        Tensor[] fin = new Tensor[nIn];
        for (int j = 0; j < nx; j++) fin[j] = a[j];
        for (int c = 0; c < nCar; c++) fin[ls.carryIn[c]] = a[nx + c];
        for (int k = 0; k < nInv; k++) fin[ls.invIn[k]] = a[invAt + k];
        boolean[] diff = new boolean[nIn];
        for (int j = 0; j < nx; j++) diff[j] = fx[j];
        for (int c = 0; c < nCar; c++) diff[ls.carryIn[c]] = fc[c];
        for (int k = 0; k < nInv; k++) diff[ls.invIn[k]] = fi[k];
        Tensor[] cot = new Tensor[fg.outputs.length];
        for (int j = 0; j < ny; j++) if (fy[j]) cot[j] = a[gyAt + j];
        for (int c = 0; c < nCar; c++) if (fc[c]) cot[ls.carryOut[c]] = a[gcAt + c];
        Tensor[] grads = vjpOfGraph(fg, fin, diff, cot);
        int nGx = 0;
        for (boolean b : fx) if (b) nGx++;
        Tensor[] out = new Tensor[nGx + nCar + nInv];   // per-step results: the gradients of the differentiated slices only
        for (int j = 0, q = 0; j < nx; j++) if (fx[j]) out[q++] = grads[j];
        for (int c = 0; c < nCar; c++) {
            TensorType t = gradType(ls.inType(ls.carryIn[c]));
            out[nGx + c] = fc[c] ? grads[ls.carryIn[c]] : BM.zeros(t.shape(), t.dtype());
        }
        for (int k = 0; k < nInv; k++) out[nGx + nCar + k] = fi[k] ? a[giAt + k].add(grads[ls.invIn[k]]) : a[giAt + k];
        return out;
    }

    /**
     * The vector-Jacobian product of a graph as a function to trace: arguments {@code [inputs…, cotangents of the
     * float outputs…]}, results the cotangents of the float inputs (in input order). Used for gradients of a
     * jitted function, whose backward is compiled like its forward.
     */
    static Function<Tensor[], Tensor[]> graphVjp(Graph fg) {
        int nIn = fg.inputs.length;
        int[] fi = floatInputs(fg), fo = floatOutputs(fg);
        return a -> {
            boolean[] diff = new boolean[nIn];
            for (int k : fi) diff[k] = true;
            Tensor[] cot = new Tensor[fg.outputs.length];
            for (int j = 0; j < fo.length; j++) cot[fo[j]] = a[nIn + j];
            Tensor[] g = vjpOfGraph(fg, Arrays.copyOf(a, nIn), diff, cot);
            Tensor[] out = new Tensor[fi.length];
            for (int j = 0; j < fi.length; j++) out[j] = g[fi[j]];
            return out;
        };
    }

    /**
     * The cotangents of the inputs {@code diff} marks, for cotangents {@code cot} of the outputs (null: none),
     * traced by running the graph through the primitives under an autodiff tape: the scalar
     * {@code Σ_k sum(out_k · cot_k)} has exactly those cotangents. Null where an input is not differentiated.
     */
    static Tensor[] vjpOfGraph(Graph fg, Tensor[] inputs, boolean[] diff, Tensor[] cot) {
        List<Integer> wrt = new ArrayList<>();
        for (int k = 0; k < diff.length; k++) if (diff[k]) wrt.add(k);
        Tensor[] grads = new Tensor[inputs.length];
        if (wrt.isEmpty()) return grads;
        Autodiff.Result r = Autodiff.grad(args -> {
            Tensor[] outs = Interpreter.bind(fg, args);
            Tensor loss = null;
            for (int k = 0; k < outs.length; k++)
                if (cot[k] != null) {
                    Tensor term = BM.sum(outs[k].mul(cot[k]));
                    loss = loss == null ? term : loss.add(term);
                }
            // a scalar on the tape even when no output has a cotangent (its gradients are then zeros); only then, so that
            // the traced backward has no broadcast zero added to every gradient
            return loss != null ? loss : BM.sum(args[wrt.get(0)]).mul(0);
        }).argnums(wrt.stream().mapToInt(Integer::intValue).toArray()).apply(inputs);
        for (int k = 0; k < wrt.size(); k++) grads[wrt.get(k)] = r.argGrads()[k];
        return grads;
    }

    /** Indices of the float inputs and float outputs of a graph (whose cotangents {@link #graphVjp} takes and gives). */
    static int[] floatInputs(Graph g) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < g.inputs.length; k++) if (g.type(g.inputs[k]).dtype().isFloating()) r.add(k);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

    static int[] floatOutputs(Graph g) {
        List<Integer> r = new ArrayList<>();
        for (int k = 0; k < g.outputs.length; k++) if (g.type(g.outputs[k]).dtype().isFloating()) r.add(k);
        return r.stream().mapToInt(Integer::intValue).toArray();
    }

}
