package org.braindyn.connect;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Random graph models as connectors within one population (BrainPy's {@code SmallWorld}, {@code ScaleFreeBA},
 * {@code ScaleFreeBADual}, {@code PowerLaw}). Undirected graphs give symmetric connectivity (both directions), no
 * self loops.
 * <ul>
 * <li>{@link #smallWorld}: Watts–Strogatz ring of {@code k} nearest neighbours (k/2 each side), each edge rewired
 *     with probability {@code p} to a random non-neighbour.</li>
 * <li>{@link #scaleFreeBA}: Barabási–Albert preferential attachment of {@code m} edges per new node.</li>
 * <li>{@link #scaleFreeBADual}: as BA, each new node attaching {@code m1} edges with probability {@code p}, else {@code m2}.</li>
 * <li>{@link #powerLaw}: Holme–Kim: BA plus, after each preferential edge, a triangle-closing edge with probability {@code p}.</li>
 * </ul>
 */
public final class Graphs {
    private Graphs() {}

    /** Watts–Strogatz small world. */
    public static Connector smallWorld(int k, double p, boolean directed, long seed) {
        return graph("SmallWorld", directed, n -> {
            if (k >= n) throw new IllegalArgumentException("SmallWorld: num_neighbor " + k + " must be < n = " + n);
            SplittableRandom rnd = rowRandom(seed);
            List<Set<Integer>> adj = empty(n);
            for (int i = 0; i < n; i++) for (int d = 1; d <= k / 2; d++) link(adj, i, (i + d) % n);
            for (int d = 1; d <= k / 2; d++) for (int i = 0; i < n; i++) {
                int j = (i + d) % n;
                if (rnd.nextDouble() >= p || !adj.get(i).contains(j)) continue;
                int w = rnd.nextInt(n);
                int guard = 0;
                while ((w == i || adj.get(i).contains(w)) && guard++ < 10 * n) w = rnd.nextInt(n);
                if (w == i || adj.get(i).contains(w)) continue;
                adj.get(i).remove(j);
                adj.get(j).remove(i);
                link(adj, i, w);
            }
            return adj;
        });
    }

    /** Barabási–Albert. */
    public static Connector scaleFreeBA(int m, boolean directed, long seed) { return scaleFreeBADual(m, m, 1, directed, seed, "ScaleFreeBA"); }

    /** Dual Barabási–Albert. */
    public static Connector scaleFreeBADual(int m1, int m2, double p, boolean directed, long seed) {
        return scaleFreeBADual(m1, m2, p, directed, seed, "ScaleFreeBADual");
    }

    private static Connector scaleFreeBADual(int m1, int m2, double p, boolean directed, long seed, String name) {
        return graph(name, directed, n -> {
            int m0 = Math.max(m1, m2);
            if (m0 < 1 || m0 >= n) throw new IllegalArgumentException(name + ": m must satisfy 1 <= m < n = " + n + "; got " + m0);
            SplittableRandom rnd = rowRandom(seed);
            List<Set<Integer>> adj = empty(n);
            List<Integer> repeated = new ArrayList<>();
            for (int v = 0; v < m0; v++) repeated.add(v);                    // initial nodes, each once
            for (int src = m0; src < n; src++) {
                int m = rnd.nextDouble() < p ? m1 : m2;
                Set<Integer> targets = new LinkedHashSet<>();
                while (targets.size() < m) targets.add(repeated.get(rnd.nextInt(repeated.size())));
                for (int t : targets) { link(adj, src, t); repeated.add(t); repeated.add(src); }
            }
            return adj;
        });
    }

    /** Holme–Kim power-law clustering graph. */
    public static Connector powerLaw(int m, double p, boolean directed, long seed) {
        return graph("PowerLaw", directed, n -> {
            if (m < 1 || m >= n) throw new IllegalArgumentException("PowerLaw: m must satisfy 1 <= m < n = " + n + "; got " + m);
            SplittableRandom rnd = rowRandom(seed);
            List<Set<Integer>> adj = empty(n);
            List<Integer> repeated = new ArrayList<>();
            for (int v = 0; v < m; v++) repeated.add(v);
            for (int src = m; src < n; src++) {
                Set<Integer> targets = new LinkedHashSet<>();
                int last = repeated.get(rnd.nextInt(repeated.size()));
                targets.add(last);
                while (targets.size() < m) {
                    int pick = -1;
                    if (rnd.nextDouble() < p) {                                  // close a triangle through the last target
                        List<Integer> cands = new ArrayList<>();
                        for (int w : adj.get(last)) if (w != src && !targets.contains(w)) cands.add(w);
                        if (!cands.isEmpty()) pick = cands.get(rnd.nextInt(cands.size()));
                    }
                    if (pick < 0) pick = repeated.get(rnd.nextInt(repeated.size()));
                    if (targets.add(pick)) last = pick;
                }
                for (int t : targets) { link(adj, src, t); repeated.add(t); repeated.add(src); }
            }
            return adj;
        });
    }

    private interface Builder { List<Set<Integer>> build(int n); }

    private static Connector graph(String name, boolean directed, Builder b) {
        return new Connector() {
            @Override protected String name() { return name; }

            @Override protected Conn build(int[] pre, int[] post) {
                if (!java.util.Arrays.equals(pre, post)) throw new IllegalArgumentException(name + ": connects one population; use connectWithin(n)");
                int n = count(pre);
                List<Set<Integer>> adj = b.build(n);
                List<int[]> syn = new ArrayList<>();
                for (int i = 0; i < n; i++) for (int j : new java.util.TreeSet<>(adj.get(i))) if (!directed || i < j) syn.add(new int[] {i, j});
                int[] a = new int[syn.size()], c = new int[syn.size()];
                for (int s = 0; s < a.length; s++) { a[s] = syn.get(s)[0]; c[s] = syn.get(s)[1]; }
                return Conn.fromIJ(n, n, a, c);
            }
        };
    }

    private static List<Set<Integer>> empty(int n) {
        List<Set<Integer>> adj = new ArrayList<>(n);
        for (int i = 0; i < n; i++) adj.add(new LinkedHashSet<>());
        return adj;
    }

    private static void link(List<Set<Integer>> adj, int a, int b) {
        adj.get(a).add(b);
        adj.get(b).add(a);
    }

    private static SplittableRandom rowRandom(long seed) { return Connector.rowRandom(seed, -1); }
}
