package org.braindyn.connect;

/** Explicit synapse lists {@code i[s] → j[s]} (BrainPy's {@code IJConn(i, j)}). */
public final class IJConn extends Connector {
    private final int[] i, j;

    /** Pre ids {@code i} and post ids {@code j}, one pair per synapse. */
    public IJConn(int[] i, int[] j) {
        if (i.length != j.length) throw new IllegalArgumentException("IJConn: " + i.length + " pre ids but " + j.length + " post ids");
        this.i = i.clone();
        this.j = j.clone();
    }

    @Override protected Conn build(int[] pre, int[] post) { return Conn.fromIJ(count(pre), count(post), i, j); }
}
