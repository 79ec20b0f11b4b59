package org.braindyn.dyn.channels;

import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** Rate-function helpers shared by the Hodgkin–Huxley-type channels and models. */
public final class Rates {
    private Rates() {}

    /**
     * {@code x / (1 − e^{−x/k})}, with its limit {@code k + x/2} near {@code x = 0} (where the quotient is 0/0), the
     * shape of the classic α rate functions.
     */
    public static Tensor vtrap(Tensor x, double k) {
        Tensor near = BM.abs(x).lt(1e-4 * k);
        Tensor safe = BM.where(near, BM.onesLike(x), x);
        Tensor q = safe.div(BM.onesLike(x).sub(BM.exp(safe.div(-k))));
        return BM.where(near, x.mul(0.5).add(k), q);
    }
}
