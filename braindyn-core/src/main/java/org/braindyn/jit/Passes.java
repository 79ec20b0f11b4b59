package org.braindyn.jit;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Kernels;
import org.braindyn.ops.Op;
import org.braindyn.tensor.Tensor;

/**
 * Graph-to-graph passes, each re-emitting the live part of a graph through a {@link Graph.Builder}:
 * <ul>
 * <li><b>dead-code elimination</b>: only nodes an output depends on are kept;</li>
 * <li><b>common sub-expression elimination</b>: a node with the same primitive, attributes and inputs as an
 *     earlier one reuses its value (constants are shared by identity);</li>
 * <li><b>constant folding</b>: a node whose inputs are all constants is evaluated once at compile time, unless it
 *     only broadcasts or reshapes (keeping a scalar a scalar lets a fused kernel load it once) or would make a
 *     constant of more than {@value #FOLD_LIMIT} elements;</li>
 * <li><b>adjacent zero pads</b>: {@code pad(a) + pad(b)} where the two pads put {@code a} and {@code b} side by
 *     side along one axis becomes one {@code pad(concat(a, b))} (no pad at all once the pieces tile the value) —
 *     the gradient of a value split into blocks (an LSTM's four gates) is then one concatenation, not a zero-filled
 *     full-size array per block and a sum of them.</li>
 * </ul>
 */
public final class Passes {
    /** Largest constant constant folding creates. */
    public static final int FOLD_LIMIT = 4096;

    private Passes() {}

    /** DCE, CSE, constant folding and the merging of adjacent pads, in one walk (two when pads merged). */
    public static Graph optimize(Graph g) {
        boolean[] merged = new boolean[1];
        Graph r = optimize(g, merged);
        return merged[0] ? optimize(r, new boolean[1]) : r;   // the second walk drops the pads the merge left dead
    }

    private static Graph optimize(Graph g, boolean[] merged) {
        boolean[] live = liveValues(g);
        Graph.Builder b = new Graph.Builder();
        int[] map = new int[g.valueCount()];
        Arrays.fill(map, -1);
        int[] ins = new int[g.inputs.length];
        for (int k = 0; k < ins.length; k++) ins[k] = map[g.inputs[k]] = b.inputLate(g.type(g.inputs[k]));
        Map<Key, Integer> seen = new HashMap<>();
        Map<Integer, Graph.Node> zeroPads = new HashMap<>();   // builder values made by a zero pad
        for (Graph.Node n : g.nodes) {
            if (!live[n.out()]) continue;
            int[] in = new int[n.in().length];
            boolean allConst = true;
            for (int j = 0; j < in.length; j++) {
                int src = n.in()[j];
                if (map[src] < 0) map[src] = b.constant(g.constant(src));
                in[j] = map[src];
                allConst &= b.constant(in[j]) != null;
            }
            if (isIdentity(n, b, in)) { map[n.out()] = in[0]; continue; }
            if (n.op() == Op.ADD) {
                int m = mergePads(b, zeroPads, in, g.type(n.out()));
                if (m >= 0) { map[n.out()] = m; merged[0] = true; continue; }
            }
            Key key = new Key(n.op(), n.attr(), in);
            Integer prev = seen.get(key);
            if (prev != null) { map[n.out()] = prev; continue; }
            int id;
            if (allConst && foldable(n, g)) {
                Tensor[] cv = new Tensor[in.length];
                for (int j = 0; j < in.length; j++) cv[j] = b.constant(in[j]);
                id = b.constant(Kernels.eager(n.op(), n.attr(), g.type(n.out()), cv).contiguous());
            } else id = b.node(n.op(), n.attr(), in);
            if (n.op() == Op.PAD && ((Attr.Pad) n.attr()).value() == 0) zeroPads.put(id, new Graph.Node(Op.PAD, n.attr(), in, id));
            seen.put(key, id);
            map[n.out()] = id;
        }
        int[] outs = new int[g.outputs.length];
        for (int k = 0; k < outs.length; k++) {
            int o = g.outputs[k];
            if (map[o] < 0) map[o] = b.constant(g.constant(o));
            outs[k] = map[o];
        }
        for (var e : g.regions.entrySet()) {
            int out = map[e.getKey()];
            if (out < 0 || b.constant(out) != null || !b.isNodeOutput(out)) continue;   // dead or folded: nothing to differentiate
            int[] in = e.getValue().inputs().clone();
            boolean ok = true;
            for (int j = 0; j < in.length; j++) {
                if (map[in[j]] < 0 && g.constant(in[j]) != null) map[in[j]] = b.constant(g.constant(in[j]));
                ok &= map[in[j]] >= 0;
                in[j] = map[in[j]];
            }
            if (ok) b.region(out, in, e.getValue().backward());
        }
        return b.buildOrdered(ins, outs);
    }

    /**
     * {@code pad(a) + pad(b)}, both zero pads of the sum's type that differ along exactly one axis and put {@code a}
     * right before {@code b} (or after) there: the value {@code pad(concat(a, b))} (or the concatenation itself when it
     * fills the sum), or −1 when the pattern does not apply.
     */
    private static int mergePads(Graph.Builder b, Map<Integer, Graph.Node> zeroPads, int[] in, org.braindyn.ops.TensorType out) {
        Graph.Node p = zeroPads.get(in[0]), q = zeroPads.get(in[1]);
        if (p == null || q == null || !b.type(in[0]).equals(out) || !b.type(in[1]).equals(out)) return -1;
        Attr.Pad pa = (Attr.Pad) p.attr(), qa = (Attr.Pad) q.attr();
        int axis = -1;
        for (int k = 0; k < pa.lo().length; k++) {
            if (pa.lo()[k] == qa.lo()[k] && pa.hi()[k] == qa.hi()[k]) continue;
            if (axis >= 0) return -1;
            axis = k;
        }
        if (axis < 0) return -1;
        int size = out.shape().dim(axis);
        Graph.Node first, second;
        if (size - pa.hi()[axis] == qa.lo()[axis]) { first = p; second = q; }
        else if (size - qa.hi()[axis] == pa.lo()[axis]) { first = q; second = p; }
        else return -1;
        Attr.Pad fa = (Attr.Pad) first.attr(), sa = (Attr.Pad) second.attr();
        int cat = b.node(Op.CONCAT, new Attr.Axis(axis), first.in()[0], second.in()[0]);
        int[] lo = fa.lo().clone(), hi = fa.hi().clone();
        hi[axis] = sa.hi()[axis];
        boolean none = true;
        for (int k = 0; k < lo.length; k++) none &= lo[k] == 0 && hi[k] == 0;
        if (none) return cat;
        Attr.Pad merged = new Attr.Pad(lo, hi, 0);
        int id = b.node(Op.PAD, merged, cat);
        zeroPads.put(id, new Graph.Node(Op.PAD, merged, new int[] {cat}, id));
        return id;
    }

    /** A reshape or broadcast to the input's own shape, a cast to its own dtype, or a pad of width zero. */
    private static boolean isIdentity(Graph.Node n, Graph.Builder b, int[] in) {
        if (n.op() == Op.PAD) {
            Attr.Pad p = (Attr.Pad) n.attr();
            for (int k = 0; k < p.lo().length; k++) if (p.lo()[k] != 0 || p.hi()[k] != 0) return false;
            return true;
        }
        if (n.op() != Op.RESHAPE && n.op() != Op.BROADCAST && n.op() != Op.CAST) return false;
        org.braindyn.ops.TensorType t = b.type(in[0]);
        return n.op() == Op.CAST ? ((Attr.To) n.attr()).dtype() == t.dtype() : ((Attr.ToShape) n.attr()).shape().equals(t.shape());
    }

    private static boolean foldable(Graph.Node n, Graph g) {
        if (n.op() == Op.BROADCAST && g.type(n.out()).shape().size() > 1) return false;   // keep scalars scalar
        return g.type(n.out()).shape().size() <= FOLD_LIMIT;
    }

    /** Values some output depends on. */
    static boolean[] liveValues(Graph g) {
        boolean[] live = new boolean[g.valueCount()];
        for (int o : g.outputs) live[o] = true;
        List<Graph.Node> nodes = g.nodes;
        for (int k = nodes.size() - 1; k >= 0; k--) {
            Graph.Node n = nodes.get(k);
            if (live[n.out()]) for (int i : n.in()) live[i] = true;
        }
        return live;
    }

    private record Key(Op op, Attr attr, int[] in) {
        @Override public boolean equals(Object o) { return o instanceof Key k && op == k.op && attr.equals(k.attr) && Arrays.equals(in, k.in); }
        @Override public int hashCode() { return (op.hashCode() * 31 + attr.hashCode()) * 31 + Arrays.hashCode(in); }
    }
}
