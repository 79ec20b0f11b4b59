package org.braindyn.connect;

/** Every pre to every post (BrainPy's {@code All2All(include_self=True)}); without self, {@code i → i} is dropped. */
public final class All2All extends Connector {
    private final boolean includeSelf;

    /** @param includeSelf keep {@code i → i} (default true) */
    public All2All(boolean includeSelf) { this.includeSelf = includeSelf; }

    /** Including self connections. */
    public All2All() { this(true); }

    @Override protected Conn build(int[] pre, int[] post) {
        int n = count(pre), m = count(post);
        int[] i = new int[n * m], j = new int[n * m];
        int s = 0;
        for (int a = 0; a < n; a++) for (int b = 0; b < m; b++) if (includeSelf || a != b) { i[s] = a; j[s++] = b; }
        return Conn.fromIJ(n, m, java.util.Arrays.copyOf(i, s), java.util.Arrays.copyOf(j, s));
    }
}
