package org.braindyn.connect;

import org.braindyn.tensor.Shape;

/**
 * A recipe for connectivity (BrainPy's {@code bp.conn.Connector}): {@link #connect} with the pre and post population
 * sizes (an int or a geometry such as {@code (4, 4)}) builds a {@link Conn}. Random connectors are seeded and build
 * in time proportional to the number of synapses.
 * <pre>{@code
 * Conn c = new FixedProb(0.02, false, 42).connect(4000, 4000);
 * Csr csr = c.csr();                                   // for BM.csrEventSum
 * }</pre>
 */
public abstract class Connector {
    /** Builds the connectivity between populations of geometries {@code pre} and {@code post}. */
    public final Conn connect(int[] pre, int[] post) {
        for (int d : pre) if (d <= 0) throw new IllegalArgumentException(name() + ": pre size must be positive; got " + Shape.of(pre));
        for (int d : post) if (d <= 0) throw new IllegalArgumentException(name() + ": post size must be positive; got " + Shape.of(post));
        return build(pre, post);
    }

    /** Builds between populations of {@code preNum} and {@code postNum} neurons. */
    public final Conn connect(int preNum, int postNum) { return connect(new int[] {preNum}, new int[] {postNum}); }

    /** Within one population of geometry {@code geometry} (one-end connectors such as grids). */
    public final Conn connectWithin(int... geometry) { return connect(geometry, geometry); }

    /** The connectivity; geometries are validated. */
    protected abstract Conn build(int[] pre, int[] post);

    /** Name for messages. */
    protected String name() { return getClass().getSimpleName(); }

    static int count(int[] geometry) { return Shape.of(geometry).size(); }

    /** A per-row random generator independent of thread count: seed and row mixed into one 64-bit seed. */
    static java.util.SplittableRandom rowRandom(long seed, long row) {
        long z = seed * 0x9E3779B97F4A7C15L + row * 0xBF58476D1CE4E5B9L + 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new java.util.SplittableRandom(z ^ (z >>> 31));
    }
}
