package org.braindyn.init;

import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * Makes a tensor of a given shape (BrainPy's {@code bp.init.Initializer}): weights, parameters and initial states.
 * Float results use the default float dtype unless another is asked for.
 * <pre>{@code
 * Tensor w = new KaimingNormal(2.0).init(784, 100);
 * Tensor g = new OneInit(2.5).init(5, 6);            // 5×6 of 2.5
 * }</pre>
 */
@FunctionalInterface
public interface Initializer {
    /** A tensor of {@code shape} and {@code dtype}. */
    Tensor init(int[] shape, DType dtype);

    /** A tensor of {@code shape} in the default float dtype. */
    default Tensor init(int... shape) { return init(shape, Config.defaultFloat()); }

    /**
     * BrainPy's shape of shapes for inter-layer weights between population geometries: {@code ((4, 4), (3, 3))} gives a
     * {@code (16, 9)} matrix.
     */
    default Tensor init(int[][] geometries) {
        int[] s = new int[geometries.length];
        for (int i = 0; i < s.length; i++) {
            int n = 1;
            for (int d : geometries[i]) n *= d;
            s[i] = n;
        }
        return init(s);
    }
}
