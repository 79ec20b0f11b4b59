package org.braindyn.connect;

import org.braindyn.tensor.Csr;

/** Connectivity from a CSR structure (BrainPy's {@code SparseMatConn} of a SciPy CSR matrix). */
public final class SparseMatConn extends Connector {
    private final Csr csr;

    /** From {@code csr} (rows pre, columns post). */
    public SparseMatConn(Csr csr) { this.csr = csr; }

    @Override protected Conn build(int[] pre, int[] post) {
        if (count(pre) != csr.rows() || count(post) != csr.cols())
            throw new IllegalArgumentException("SparseMatConn: CSR of " + csr.rows() + " × " + csr.cols() + " does not match sizes " + count(pre) + " × " + count(post));
        return Conn.fromCsr(csr.rows(), csr.cols(), csr.indices().toIntArray(), csr.indptr().toIntArray());
    }
}
