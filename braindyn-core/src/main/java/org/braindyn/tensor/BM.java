package org.braindyn.tensor;

/**
 * The NumPy-like static facade of BrainDyn (BrainPy's {@code brainpy.math}, alias {@code bm}): creation,
 * elementwise math, reductions, shape ops, indexing, products, activations and event-driven synaptic operators.
 * Its methods are declared, one concern per class, in {@link Creation}, {@link Elementwise}, {@link ShapeOps},
 * {@link Reductions}, {@link LinearOps}, {@link Indexing}, {@link Activations} and {@link SparseOps}, and all
 * reachable here.
 * <pre>{@code
 * import static org.braindyn.tensor.BM.*;
 *
 * Tensor t1 = asarray(new int[][][] {{{0, 1, 2, 3}, {1, 2, 3, 4}, {4, 5, 6, 7}},
 *                                    {{0, 0, 0, 0}, {-1, 1, -1, 1}, {2, -2, 2, -2}}});
 * Tensor m = max(t1, 2);                       // [[3, 4, 7], [0, 1, 2]]
 * Tensor y = dot(arange(4), ones(2, 4).T());   // [6., 6.]
 * }</pre>
 */
public final class BM extends SparseOps {
    private BM() {}
}
