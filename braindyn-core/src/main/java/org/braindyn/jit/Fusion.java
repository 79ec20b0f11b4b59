package org.braindyn.jit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;

/**
 * Elementwise fusion: splits a graph's nodes into a schedule of {@link Step}s, where each {@link Fused} step is
 * a chain of elementwise primitives of one output shape (with their broadcast inputs, and full reductions of
 * member values) that runs as one loop, and every other node stays a {@link Single} primitive.
 *
 * <p>Grouping walks the nodes in order. An elementwise node joins the open group of its output shape; a group
 * closes as soon as a node outside it reads one of its values, so no path leaves a group and comes back, and
 * the group can run where its last member stands. An explicit {@code broadcast} or {@code reshape} whose readers
 * all sit in one group is absorbed: the group reads its operand with a broadcast index instead.
 */
final class Fusion {
    /** How a fused kernel reads one external input for element {@code i} of its loop. */
    enum Load {
        /** One element, read once before the loop. */ SCALAR,
        /** {@code a[i]}. */ FULL,
        /** {@code a[i % m]}: the input repeats along leading axes. */ MOD,
        /** {@code a[i / k]}: each input element covers {@code k} consecutive outputs. */ DIV
    }

    /** A schedule entry. */
    sealed interface Step permits Single, Fused {}

    /** One primitive, run by its eager kernel. */
    record Single(Graph.Node node) implements Step {}

    /**
     * A fused kernel over {@code n} elements: {@code members} in order; external inputs with their load rule and
     * its parameter; outputs are member values read outside the group (or graph outputs).
     */
    record Fused(List<Graph.Node> members, int n, int[] inputs, Load[] loads, int[] loadParam, int[] outputs) implements Step {}

    /**
     * Most elementwise members one fused kernel takes ({@code -Dbraindyn.jit.maxFused}, default {@value #DEFAULT_MAX});
     * a longer chain continues in a new kernel of the same shape. HotSpot's C2 inlines at most ~8,000 bytecodes into
     * one compiled method: past ~30 ops the Vector API calls of a SIMD kernel no longer all inline, its vectors and
     * masks are then boxed (allocation on every step, measured), and a scalar kernel of a few hundred ops exceeds the
     * 8,000-byte method size above which HotSpot does not compile at all.
     */
    static final int MAX_MEMBERS = Integer.getInteger("braindyn.jit.maxFused", Fusion.DEFAULT_MAX);
    private static final int DEFAULT_MAX = 25;

    private Fusion() {}

    /**
     * What a member counts towards {@link #MAX_MEMBERS}: {@value #TRANSCENDENTAL_WEIGHT} for {@code exp}, {@code expm1},
     * {@code tanh} and {@code logistic}, whose SIMD forms ({@code VectorMath}) are about twenty vector operations each,
     * 1 for every other primitive. Counted as 1, a Hodgkin–Huxley kernel of 25 members with four of them did not
     * inline into one compiled method and ran the Vector API's Java fallbacks.
     */
    static int weight(Op op) {
        return switch (op) {
            case EXP, EXPM1, TANH, LOGISTIC -> TRANSCENDENTAL_WEIGHT;
            default -> 1;
        };
    }

    private static final int TRANSCENDENTAL_WEIGHT = Integer.getInteger("braindyn.jit.transcendentalWeight", 8);

    static boolean isElementwise(Op op) {
        return switch (op.kind()) {
            case UNARY, UNARY_FLOAT, BINARY, COMPARE, SELECT, CAST -> true;
            default -> false;
        };
    }

    /** The schedule of {@code g}; {@code fuse=false} gives one {@link Single} per node (for debugging). */
    static List<Step> schedule(Graph g, boolean fuse) { return schedule(g, fuse, MAX_MEMBERS); }

    /** {@link #schedule(Graph, boolean)} with at most {@code maxMembers} elementwise members per fused kernel. */
    static List<Step> schedule(Graph g, boolean fuse, int maxMembers) {
        List<Graph.Node> nodes = g.nodes;
        List<Step> out = new ArrayList<>();
        if (!fuse) { for (Graph.Node n : nodes) out.add(new Single(n)); return out; }
        int nv = g.valueCount();
        int[] readers = new int[nv];
        for (Graph.Node n : nodes) for (int i : n.in()) readers[i]++;
        for (int o : g.outputs) readers[o]++;
        int[] groupOfValue = new int[nv];
        java.util.Arrays.fill(groupOfValue, -1);
        int[] groupOfNode = new int[nodes.size()];
        java.util.Arrays.fill(groupOfNode, -1);
        boolean[] reduced = new boolean[nv];
        Map<Shape, Integer> open = new HashMap<>();
        List<Shape> groupShape = new ArrayList<>();
        List<Integer> groupSize = new ArrayList<>();
        for (int k = 0; k < nodes.size(); k++) {
            Graph.Node n = nodes.get(k);
            Shape s = g.type(n.out()).shape();
            int join = -1;
            if (isElementwise(n.op()) && KernelEmitter.supports(n, g) && s.size() > 0) {
                Integer gid = open.get(s);
                if (gid != null && groupSize.get(gid) + weight(n.op()) > maxMembers) { open.remove(s); gid = null; }   // full: continue in a new kernel
                if (gid == null || !loadable(n, g, s)) {
                    if (loadable(n, g, s)) { gid = groupShape.size(); groupShape.add(s); groupSize.add(0); open.put(s, gid); }
                    else gid = null;
                }
                if (gid != null) join = gid;
                for (int i : n.in()) if (reduced[i] && groupOfValue[i] == join) join = -1;
            } else if (isFullReduction(n, g)) {
                int src = n.in()[0];
                Shape in = g.type(src).shape();
                Integer gid = open.get(in);
                if (gid != null && groupOfValue[src] == gid && in.size() > 1) { join = gid; reduced[n.out()] = true; }
            }
            for (int i : n.in()) {
                int gi = groupOfValue[i];
                if (gi >= 0 && gi != join) open.values().remove(gi);
            }
            if (join >= 0) { groupOfNode[k] = join; groupOfValue[n.out()] = join; groupSize.set(join, groupSize.get(join) + weight(n.op())); }
        }
        // absorb broadcasts/reshapes whose readers are all in one group
        boolean[] absorbed = new boolean[nodes.size()];
        Map<Integer, Integer> redirect = new HashMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            Graph.Node n = nodes.get(k);
            if (groupOfNode[k] >= 0 || (n.op() != Op.BROADCAST && n.op() != Op.RESHAPE)) continue;
            int target = -1;
            boolean ok = readers[n.out()] > 0 && !isOutput(g, n.out());
            for (int j = k + 1; j < nodes.size() && ok; j++) {
                for (int i : nodes.get(j).in()) if (i == n.out()) {
                    int gj = groupOfNode[j];
                    if (gj < 0 || (target >= 0 && gj != target) || isFullReduction(nodes.get(j), g)) ok = false;
                    target = gj;
                }
            }
            if (!ok || target < 0) continue;
            Shape gs = groupShape.get(target);
            int src = n.in()[0];
            if (!g.type(n.out()).shape().equals(gs)) continue;
            if (n.op() == Op.RESHAPE ? g.type(src).shape().size() == gs.size() && groupOfValue[src] < 0 : loadOf(g.type(src).shape(), gs) != null) {
                absorbed[k] = true;
                redirect.put(n.out(), redirect.getOrDefault(src, src));
            }
        }
        // emit: singles in place, each group at its last member
        int[] last = new int[groupShape.size()];
        for (int k = 0; k < nodes.size(); k++) if (groupOfNode[k] >= 0) last[groupOfNode[k]] = k;
        Map<Integer, List<Graph.Node>> members = new LinkedHashMap<>();
        for (int k = 0; k < nodes.size(); k++) {
            Graph.Node n = nodes.get(k);
            if (absorbed[k]) continue;
            int gid = groupOfNode[k];
            if (gid < 0) { out.add(new Single(n)); continue; }
            members.computeIfAbsent(gid, x -> new ArrayList<>()).add(n);
            if (last[gid] == k) out.add(build(g, members.get(gid), groupShape.get(gid), groupOfValue, gid, redirect));
        }
        return out;
    }

    private static boolean isOutput(Graph g, int v) {
        for (int o : g.outputs) if (o == v) return true;
        return false;
    }

    static boolean isFullReduction(Graph.Node n, Graph g) {
        if (n.op() != Op.REDUCE_SUM && n.op() != Op.REDUCE_MAX && n.op() != Op.REDUCE_MIN && n.op() != Op.REDUCE_PROD) return false;
        TensorType in = g.type(n.in()[0]);
        if (in.dtype() == DType.BOOL || in.shape().size() == 0) return false;
        return ((Attr.Axes) n.attr()).axes().length == in.shape().rank();
    }

    /** True if every input of {@code n} can be read with a broadcast index into shape {@code s}. */
    private static boolean loadable(Graph.Node n, Graph g, Shape s) {
        for (int i : n.in()) if (loadOf(g.type(i).shape(), s) == null) return false;
        return true;
    }

    /** The load rule for reading a value of shape {@code in} at element {@code i} of shape {@code out}, or null. */
    static Load loadOf(Shape in, Shape out) {
        if (in.size() == 1) return Load.SCALAR;
        if (in.equals(out)) return Load.FULL;
        int r = in.rank(), ro = out.rank();
        if (r > ro) return null;
        int lead = 0;
        while (lead < r && in.dim(lead) == 1) lead++;
        boolean suffix = true;
        for (int a = lead; a < r; a++) if (in.dim(a) != out.dim(ro - r + a)) suffix = false;
        if (suffix) return Load.MOD;
        if (r == ro) {
            int a = 0;
            while (a < r && in.dim(a) == out.dim(a)) a++;
            boolean rest = true;
            for (int b = a; b < r; b++) if (in.dim(b) != 1) rest = false;
            if (rest) return Load.DIV;
        }
        return null;
    }

    private static Fused build(Graph g, List<Graph.Node> ms, Shape s, int[] groupOfValue, int gid, Map<Integer, Integer> redirect) {
        List<Integer> ins = new ArrayList<>();
        List<Load> loads = new ArrayList<>();
        List<Integer> params = new ArrayList<>();
        List<Graph.Node> rewritten = new ArrayList<>();
        for (Graph.Node n : ms) {
            int[] in = n.in().clone();
            for (int j = 0; j < in.length; j++) {
                in[j] = redirect.getOrDefault(in[j], in[j]);
                if (groupOfValue[in[j]] == gid) continue;
                if (!ins.contains(in[j])) {
                    Shape is = g.type(in[j]).shape();
                    Load l = isFullReduction(n, g) ? Load.FULL : loadOf(is, s);
                    ins.add(in[j]);
                    loads.add(l);
                    params.add(l == Load.MOD ? is.size() : l == Load.DIV ? s.size() / is.size() : 0);
                }
            }
            rewritten.add(new Graph.Node(n.op(), n.attr(), in, n.out()));
        }
        List<Integer> outs = new ArrayList<>();
        java.util.Set<Integer> memberValues = new java.util.HashSet<>();
        for (Graph.Node n : ms) memberValues.add(n.out());
        for (Graph.Node n : ms) {
            boolean needed = isOutput(g, n.out()) || isFullReduction(n, g);
            for (Graph.Node m : g.nodes) if (!ms.contains(m)) for (int i : m.in()) if (i == n.out() || redirect.getOrDefault(i, -1) == n.out()) needed = true;
            if (needed) outs.add(n.out());
        }
        return new Fused(rewritten, s.size(), ins.stream().mapToInt(Integer::intValue).toArray(), loads.toArray(Load[]::new),
                params.stream().mapToInt(Integer::intValue).toArray(), outs.stream().mapToInt(Integer::intValue).toArray());
    }
}
