package org.braindyn.ops;

import java.util.SplittableRandom;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/** Random test inputs that mix ordinary values with the special ones (NaN, ±Inf, ±0, huge, tiny, subnormal). */
public final class Gen {
    private static final double[] SPECIAL = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 0.0, -0.0,
            1e30, -1e30, 1e-30, -1e-40, 88.5, -88.5, 710, 0.5, -0.5, 1, -1, 2.5, -2.5, 3.0};
    private static final int[] SPECIAL_INT = {0, 1, -1, 2, -7, Integer.MAX_VALUE, Integer.MIN_VALUE, 31};

    private final SplittableRandom rnd;

    public Gen(long seed) { rnd = new SplittableRandom(seed); }

    /** A tensor of {@code dtype} and {@code shape}; about a quarter of the values special when {@code special}. */
    public Tensor tensor(DType dtype, boolean special, int... shape) {
        Shape s = Shape.of(shape);
        Object d = Storage.allocate(dtype, s.size());
        for (int i = 0; i < s.size(); i++) {
            double v = switch (dtype) {
                case BOOL -> rnd.nextBoolean() ? 1 : 0;
                case I32 -> special && rnd.nextInt(4) == 0 ? SPECIAL_INT[rnd.nextInt(SPECIAL_INT.length)] : rnd.nextInt(-20, 21);
                default -> special && rnd.nextInt(4) == 0 ? SPECIAL[rnd.nextInt(SPECIAL.length)] : rnd.nextDouble(-4, 4);
            };
            Storage.writeDouble(dtype, d, i, v);
        }
        return Tensor.wrap(dtype, s, d);
    }

    /** Positive values in (0.1, 3). */
    public Tensor positive(DType dtype, int... shape) {
        Shape s = Shape.of(shape);
        Object d = Storage.allocate(dtype, s.size());
        for (int i = 0; i < s.size(); i++) Storage.writeDouble(dtype, d, i, rnd.nextDouble(0.1, 3));
        return Tensor.wrap(dtype, s, d);
    }

    /** Indices in [-n, n). */
    public Tensor indices(int n, int... shape) {
        Shape s = Shape.of(shape);
        int[] d = new int[s.size()];
        for (int i = 0; i < d.length; i++) d[i] = rnd.nextInt(-n, n);
        return Tensor.wrap(DType.I32, s, d);
    }

    public int nextInt(int bound) { return rnd.nextInt(bound); }

    public double nextDouble() { return rnd.nextDouble(); }
}
