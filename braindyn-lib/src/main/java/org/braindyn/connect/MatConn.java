package org.braindyn.connect;

import org.braindyn.tensor.Tensor;

/**
 * Connectivity from a dense matrix (BrainPy's {@code MatConn}): every non-zero entry is a synapse, so a weight
 * matrix gives its synapse list ({@code W[preIds, postIds]} are the weights), and a graph's adjacency matrix its
 * edges.
 */
public final class MatConn extends Connector {
    private final Tensor mat;

    /** From a {@code (pre, post)} boolean or numeric matrix. */
    public MatConn(Tensor mat) {
        if (mat.ndim() != 2) throw new IllegalArgumentException("MatConn: needs a 2-D matrix; got shape " + mat.shape());
        this.mat = mat;
    }

    @Override protected Conn build(int[] pre, int[] post) {
        if (count(pre) != mat.dim(0) || count(post) != mat.dim(1))
            throw new IllegalArgumentException("MatConn: matrix " + mat.shape() + " does not match sizes " + count(pre) + " × " + count(post));
        return Conn.fromMatrix(mat);
    }
}
