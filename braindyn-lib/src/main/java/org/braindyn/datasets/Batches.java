package org.braindyn.datasets;

import java.util.ArrayList;
import java.util.List;
import org.braindyn.random.RandomState;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/** Mini-batches of sample indices: shuffled by a seed (a new order each epoch) or in order. */
public final class Batches {
    private Batches() {}

    /**
     * The index batches of one epoch: a permutation of {@code 0…n−1} drawn from {@code rng} (null: in order), cut into
     * batches of {@code size}; the last, shorter batch is kept unless {@code dropLast}.
     */
    public static List<Tensor> of(int n, int size, RandomState rng, boolean dropLast) {
        if (n < 1 || size < 1) throw new IllegalArgumentException("Batches: needs n >= 1 samples and size >= 1; got " + n + ", " + size);
        Tensor order = rng == null ? BM.arange(n) : rng.permutation(n);
        List<Tensor> out = new ArrayList<>();
        for (int s = 0; s < n; s += size) {
            int e = Math.min(n, s + size);
            if (dropLast && e - s < size) break;
            out.add(order.get(s + ":" + e).contiguous());
        }
        return out;
    }
}
