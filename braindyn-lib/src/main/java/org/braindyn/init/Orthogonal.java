package org.braindyn.init;

import org.braindyn.linalg.Linalg;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * A (semi-)orthogonal matrix times {@code scale} (BrainPy's {@code Orthogonal}): the Q factor of the QR decomposition
 * of a Gaussian matrix, signs fixed by R's diagonal so the result is Haar-distributed. For shape {@code (…, n)} the
 * leading axes are flattened; rows or columns are orthonormal, whichever are fewer.
 */
public record Orthogonal(double scale, RandomState rng) implements Initializer {
    public Orthogonal {
        if (rng == null) rng = org.braindyn.random.Random.DEFAULT;
    }

    /** Scale 1 from the default random state. */
    public Orthogonal() { this(1.0, null); }

    @Override public Tensor init(int[] shape, DType dtype) {
        if (shape.length < 2) throw new IllegalArgumentException("Orthogonal: needs at least a 2-D shape; got " + shape.length + "-D");
        int cols = shape[shape.length - 1], rows = 1;
        for (int i = 0; i < shape.length - 1; i++) rows *= shape[i];
        boolean wide = rows < cols;
        Tensor a = rng.normal(0, 1, wide ? cols : rows, wide ? rows : cols).astype(DType.F64);
        Linalg.Qr qr = Linalg.qr(a);
        Tensor d = BM.sign(BM.diag(qr.r()));
        Tensor q = qr.q().mul(BM.where(d.eq(0), BM.onesLike(d), d));
        if (wide) q = q.T();
        return q.mul(scale).reshape(shape).astype(dtype);
    }
}
