package org.braindyn.train;

import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * The normal-equation sums of a least-squares problem, accumulated block by block in float64: {@code G = XᵀX}
 * ({@code p × p}) and {@code R = XᵀY} ({@code p × q}) over the rows of a design matrix X and targets Y that arrive
 * in pieces, so that memory is {@code O(p² + p·q)} whatever the number of rows (a 10⁶-step run of a 2,000-unit
 * reservoir needs 32 MB, not 16 GB). Only the upper triangle of G is summed (then mirrored), by {@link Syrk}.
 */
public final class Gram {
    private final int p, q;
    private final double[] g, r;
    private long rows;
    private Syrk.Scratch scratch;   // packing buffers, kept between blocks (8 MB for 2,000 features)

    /** Empty sums for {@code p} features and {@code q} targets. */
    public Gram(int p, int q) {
        if (p < 1 || q < 1) throw new IllegalArgumentException("Gram: needs p >= 1 features and q >= 1 targets; got " + p + ", " + q);
        this.p = p;
        this.q = q;
        g = new double[p * p];
        r = new double[p * q];
    }

    /** Features. */
    public int p() { return p; }
    /** Targets. */
    public int q() { return q; }
    /** Rows summed so far. */
    public long rows() { return rows; }

    /** Adds the rows of {@code x} {@code (n, p)} and {@code y} {@code (n, q)}. */
    public void add(Tensor x, Tensor y) { add(x, y, false); }

    /**
     * Adds the rows of {@code [1, x]} when {@code ones} (x then has {@code p − 1} columns: the constant column is
     * never materialised), else of {@code x} {@code (n, p)}, with targets {@code y} {@code (n, q)}.
     */
    public void add(Tensor x, Tensor y, boolean ones) { add(x, y, ones, true); }

    /** {@link #add(Tensor, Tensor, boolean)}, sharing the work among the cores only if {@code share} (and parallel kernels are on). */
    void add(Tensor x, Tensor y, boolean ones, boolean share) {
        int px = p - (ones ? 1 : 0);
        if (x.ndim() != 2 || x.dim(1) != px) throw new IllegalArgumentException("Gram.add: features must have shape (n, " + px + "); got " + x.shape());
        if (y.ndim() != 2 || y.dim(1) != q || y.dim(0) != x.dim(0))
            throw new IllegalArgumentException("Gram.add: targets must have shape (" + x.dim(0) + ", " + q + "); got " + y.shape());
        if (x.dim(0) == 0) return;
        int n = x.dim(0);
        Syrk.Scratch s = scratch == null || !scratch.fits(px) ? (scratch = new Syrk.Scratch(px)) : scratch;
        Syrk.accumulate(rowMajor(x, n * px), n, px, ones, rowMajor(y, n * q), q, g, r, share, s);
        rows += x.dim(0);
    }

    /** The float64 elements in C order: the tensor's own array when it is exactly that (a chunk of states is 33 MB), else a copy. */
    private static double[] rowMajor(Tensor t, int size) {
        Tensor c = t.astype(DType.F64).contiguous();
        if (c.offset() == 0 && c.storage() instanceof double[] d && d.length == size) return d;
        return c.toDoubleArray();
    }

    /** {@code G = XᵀX} as a symmetric {@code (p, p)} float64 tensor. */
    public Tensor xtx() {
        double[] full = g.clone();
        for (int i = 0; i < p; i++) for (int j = 0; j < i; j++) full[i * p + j] = full[j * p + i];
        return Tensor.wrap(DType.F64, Shape.of(p, p), full);
    }

    /** {@code R = XᵀY} as a {@code (p, q)} float64 tensor. */
    public Tensor xty() { return Tensor.wrap(DType.F64, Shape.of(p, q), r.clone()); }
}
