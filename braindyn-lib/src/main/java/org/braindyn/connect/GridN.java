package org.braindyn.connect;

/**
 * Each neuron of a 1-D or 2-D grid to its neighbours (BrainPy's {@code GridFour}, {@code GridEight},
 * {@code GridN(N)}): the von Neumann 4-neighbourhood, or the {@code (2N+1)×(2N+1)} Moore neighbourhood; no
 * wrap-around; optionally the neuron itself. One-end: use {@link #connectWithin}.
 */
public final class GridN extends Connector {
    private final int n;
    private final boolean four, includeSelf;

    private GridN(int n, boolean four, boolean includeSelf) {
        if (n < 1) throw new IllegalArgumentException("GridN.N: must be >= 1; got " + n);
        this.n = n;
        this.four = four;
        this.includeSelf = includeSelf;
    }

    /** The (2N+1)×(2N+1) neighbourhood. */
    public static GridN of(int n, boolean includeSelf) { return new GridN(n, false, includeSelf); }

    /** The 4 nearest neighbours (BrainPy's {@code GridFour}). */
    public static GridN four(boolean includeSelf) { return new GridN(1, true, includeSelf); }

    /** The 8 nearest neighbours (BrainPy's {@code GridEight} = {@code GridN(1)}). */
    public static GridN eight(boolean includeSelf) { return new GridN(1, false, includeSelf); }

    @Override protected Conn build(int[] pre, int[] post) {
        if (!java.util.Arrays.equals(pre, post)) throw new IllegalArgumentException(name() + ": a grid connects one population; use connectWithin(geometry)");
        if (pre.length > 2) throw new IllegalArgumentException(name() + ": grids are 1-D or 2-D; got a " + pre.length + "-D geometry");
        int rows = pre.length == 2 ? pre[0] : 1, cols = pre.length == 2 ? pre[1] : pre[0];
        java.util.List<int[]> syn = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++)
            for (int dr = -n; dr <= n; dr++) for (int dc = -n; dc <= n; dc++) {
                if (four && Math.abs(dr) + Math.abs(dc) > 1) continue;
                if (dr == 0 && dc == 0 && !includeSelf) continue;
                int rr = r + dr, cc = c + dc;
                if (rr < 0 || rr >= rows || cc < 0 || cc >= cols) continue;
                syn.add(new int[] {r * cols + c, rr * cols + cc});
            }
        int[] i = new int[syn.size()], j = new int[syn.size()];
        for (int s = 0; s < i.length; s++) { i[s] = syn.get(s)[0]; j[s] = syn.get(s)[1]; }
        return Conn.fromIJ(rows * cols, rows * cols, i, j);
    }
}
