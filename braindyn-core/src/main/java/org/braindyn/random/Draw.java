package org.braindyn.random;

import org.braindyn.ops.internal.Parallel;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/** Fills a tensor element by element, each element from its own {@link Stream}; large fills run in parallel. */
final class Draw {
    @FunctionalInterface
    interface PerElement { double draw(Stream s); }

    private Draw() {}

    static Tensor fill(Key key, int[] shape, DType dtype, PerElement f) {
        Shape s = Shape.of(shape);
        int n = s.size();
        Object data = Storage.allocate(dtype, n);
        Parallel.forRange(n, 1 << 14, (lo, hi) -> {
            for (int i = lo; i < hi; i++) Storage.writeDouble(dtype, data, i, f.draw(new Stream(key, i)));
        });
        return Tensor.wrap(dtype, s, data);
    }

    static void checkPositive(String what, String param, double v) {
        if (!(v > 0)) throw new IllegalArgumentException("random." + what + ": " + param + " must be > 0; got " + v);
    }

    static void checkProbability(String what, double p) {
        if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("random." + what + ": p must be in [0, 1]; got " + p);
    }
}
