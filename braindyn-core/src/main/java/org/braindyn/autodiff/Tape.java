package org.braindyn.autodiff;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * The reverse-mode engine: a {@link Prims.Handler} that runs each primitive through the handler it wraps and
 * records those applications whose inputs depend on a watched tensor. Tensors are immutable, so identity
 * is the key: a tensor is tracked if it was watched or produced by a recorded node. The backward pass walks the
 * nodes in reverse, applying {@link VjpRules}; it runs under the wrapped handler, so an enclosing tape records
 * the backward computation too, and gradients of gradients work.
 */
final class Tape {
    /** One recorded application: a primitive, or a custom rule (custom VJP, checkpoint). */
    record Node(Op op, Attr attr, Tensor[] in, Tensor out, CustomRule custom, Tensor[] outs, MultiRule multi) {
        Node(Op op, Attr attr, Tensor[] in, Tensor out, CustomRule custom) { this(op, attr, in, out, custom, null, null); }
    }

    /** Backward of a composite with several outputs; {@code g[k]} is the cotangent of output k (zeros if unused). */
    @FunctionalInterface
    interface MultiRule { Tensor[] vjp(Tensor[] in, Tensor[] outs, Tensor[] g); }

    /** Backward of a composite recorded as one node. */
    @FunctionalInterface
    interface CustomRule { Tensor[] vjp(Tensor[] in, Tensor out, Tensor g); }

    final Prims.Handler parent;
    private final Set<Tensor> tracked = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Node> nodes = new ArrayList<>();
    private final Set<Tensor> stored = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<Tensor> read = Collections.newSetFromMap(new IdentityHashMap<>());
    private static final ScopedValue<Tape> ACTIVE = ScopedValue.newInstance();
    private long storedBytes;

    Tape(Prims.Handler parent) { this.parent = parent; }

    /** Marks {@code t} as an input to differentiate with respect to. */
    void watch(Tensor t) { tracked.add(t); }

    boolean isTracked(Tensor t) { return tracked.contains(t); }

    /** Bytes of the distinct tensors the recorded nodes keep alive for the backward pass. */
    long storedBytes() { return storedBytes; }

    private long transientPeak;
    private static final ThreadLocal<Tape> IN_BACKWARD = new ThreadLocal<>();

    /**
     * The most residual bytes alive at once: the stored ones plus, during the backward pass, the largest set a
     * checkpointed segment held while it was recomputed.
     */
    long peakBytes() { return storedBytes + transientPeak; }

    /** Called by a checkpoint's backward: a recomputed segment held {@code bytes} extra while it ran. */
    static void reportTransient(long bytes) {
        Tape t = IN_BACKWARD.get();
        if (t != null) t.transientPeak = Math.max(t.transientPeak, bytes);
    }

    private static final Tape NONE = new Tape(Prims.EAGER);
    final Tape outer = active();

    /** The tape recording on this thread now, or null. */
    static Tape active() {
        Tape t = ACTIVE.isBound() ? ACTIVE.get() : null;
        return t == NONE ? null : t;
    }

    /** Runs {@code body} recording onto this tape (this tape active, its handler current). */
    <T> T recording(java.util.function.Supplier<T> body) {
        return ScopedValue.where(ACTIVE, this).call(() -> Prims.with(handler(), body));
    }

    /** Runs {@code body} as the code enclosing this tape would: not recorded here, recorded by enclosing tapes. */
    <T> T unrecorded(java.util.function.Supplier<T> body) {
        return ScopedValue.where(ACTIVE, outer == null ? NONE : outer).call(() -> Prims.with(parent, body));
    }

    /** True if some recorded node read {@code t}. */
    boolean wasRead(Tensor t) { return read.contains(t); }

    /** The handler that records onto this tape. */
    Prims.Handler handler() {
        return (op, attr, out, in) -> {
            Tensor y = parent.apply(op, attr, out, in);
            boolean any = false;
            for (Tensor t : in) any |= tracked.contains(t);
            if (!any) return y;
            for (Tensor t : in) if (t == y) { y = y.view(y.shape(), y.offset(), y.strides()); break; }   // fresh identity
            record(new Node(op, attr, in.clone(), y, null));
            return y;
        };
    }

    /** Records a custom node (its output becomes tracked). */
    void record(Node n) {
        nodes.add(n);
        if (n.outs() != null) for (Tensor o : n.outs()) { tracked.add(o); keep(o); }
        else { tracked.add(n.out()); keep(n.out()); }
        for (Tensor t : n.in()) read.add(t);
        for (Tensor t : n.in()) keep(t);
    }

    private void keep(Tensor t) {
        if (stored.add(t)) storedBytes += (long) t.size() * t.dtype().byteSize();
    }

    /**
     * Cotangents of {@code wrt} given the cotangent {@code gy} of {@code y}; untouched inputs get zeros.
     * Runs under the current handler (the parent of this tape once recording has ended).
     */
    Tensor[] backward(Tensor y, Tensor gy, List<Tensor> wrt) {
        Tape previous = IN_BACKWARD.get();
        IN_BACKWARD.set(this);
        try {
            return backwardPass(y, gy, wrt);
        } finally {
            IN_BACKWARD.set(previous);
        }
    }

    private Tensor[] backwardPass(Tensor y, Tensor gy, List<Tensor> wrt) {
        Map<Tensor, Tensor> cot = new IdentityHashMap<>();
        Set<Tensor> owned = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean eager = Prims.current() == Prims.EAGER;
        cot.put(y, gy);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node n = nodes.get(i);
            if (eager && n.op() == Op.SLICE && n.custom() == null && n.multi() == null) {
                Tensor g = cot.get(n.out());
                if (g == null) continue;
                Tensor x = n.in()[0];
                if (tracked.contains(x) && accumulateSlice(cot, owned, x, (Attr.Slice) n.attr(), g)) continue;
            }
            Tensor[] gi;
            if (n.multi() != null) {
                Tensor[] gs = new Tensor[n.outs().length];
                boolean any = false;
                for (int k = 0; k < gs.length; k++) { gs[k] = cot.get(n.outs()[k]); any |= gs[k] != null; }
                if (!any) continue;
                for (int k = 0; k < gs.length; k++) if (gs[k] == null) gs[k] = BM.zerosLike(n.outs()[k]);
                gi = n.multi().vjp(n.in(), n.outs(), gs);
            } else {
                Tensor g = cot.get(n.out());
                if (g == null) continue;
                gi = n.custom() != null ? n.custom().vjp(n.in(), n.out(), g) : VjpRules.vjp(n.op(), n.attr(), n.in(), n.out(), g);
            }
            for (int j = 0; j < n.in().length; j++) {
                Tensor x = n.in()[j];
                if (gi[j] == null || !tracked.contains(x)) continue;
                Tensor gj = gi[j].dtype() == x.dtype() ? gi[j] : gi[j].astype(x.dtype());
                cot.merge(x, gj, BM::add);
            }
        }
        Tensor[] out = new Tensor[wrt.size()];
        for (int k = 0; k < out.length; k++) {
            Tensor w = wrt.get(k);
            Tensor g = cot.get(w);
            out[k] = g != null ? g : BM.zerosLike(w);
        }
        return out;
    }

    /**
     * The backward of a slice without building a full-size padded tensor per slice: the cotangent of the sliced tensor
     * is one buffer owned by this pass, and each slice's cotangent is added into its region in place — O(slice) per
     * slice, so T slices of a (T, …) tensor cost O(size), not O(T·size). Only in an eager backward pass (no enclosing
     * tape or tracer needs the operations) on concrete float tensors; returns false to fall back to the rule.
     */
    private static boolean accumulateSlice(Map<Tensor, Tensor> cot, Set<Tensor> owned, Tensor x, Attr.Slice s, Tensor g) {
        if (g.isSymbolic() || x.isSymbolic() || !x.dtype().isFloating()) return false;
        Tensor acc = cot.get(x);
        if (acc == null || !owned.contains(acc)) {
            Object data = acc == null ? org.braindyn.tensor.Storage.allocate(x.dtype(), x.size())
                    : org.braindyn.tensor.Storage.copyToFlat(acc.astype(x.dtype()));   // a private copy: never alias
            acc = Tensor.wrap(x.dtype(), x.shape(), data);
            owned.add(acc);
            cot.put(x, acc);
        }
        int rank = x.ndim();
        int[] st = acc.strides(), vs = new int[rank];
        int off = acc.offset();
        for (int a = 0; a < rank; a++) { off += s.start()[a] * st[a]; vs[a] = s.step()[a] * st[a]; }
        Tensor gc = g.astype(x.dtype()).contiguous();
        if (gc.size() == 0) return true;
        // row by row over the slice (an odometer over its leading axes), each row a run the JIT vectorises when dense
        int[] count = s.count();
        int inner = rank == 0 ? 1 : count[rank - 1], step = rank == 0 ? 1 : vs[rank - 1], lead = Math.max(0, rank - 1);
        int[] idx = new int[lead];
        Object a = acc.storage(), b = gc.storage();
        for (int from = gc.offset(), end = gc.offset() + gc.size(), to = off; from < end; from += inner) {
            if (a instanceof float[] af) addRow(af, to, step, (float[]) b, from, inner);
            else addRow((double[]) a, to, step, (double[]) b, from, inner);
            for (int d = lead - 1; d >= 0; d--) {
                to += vs[d];
                if (++idx[d] < count[d]) break;
                to -= vs[d] * idx[d];
                idx[d] = 0;
            }
        }
        return true;
    }

    private static void addRow(float[] a, int to, int step, float[] b, int from, int n) {
        if (step == 1) for (int k = 0; k < n; k++) a[to + k] += b[from + k];
        else for (int k = 0; k < n; k++) a[to + k * step] += b[from + k];
    }

    private static void addRow(double[] a, int to, int step, double[] b, int from, int n) {
        if (step == 1) for (int k = 0; k < n; k++) a[to + k] += b[from + k];
        else for (int k = 0; k < n; k++) a[to + k * step] += b[from + k];
    }

    /** Types of tensors, for custom records. */
    static TensorType type(Tensor t) { return new TensorType(t.dtype(), t.shape()); }
}
