package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Shape operations and reductions with axis/keepdims, checked on small closed-form cases. */
class ShapeAndReductionTest {
    @Test
    void reshapeSqueezeExpand() {
        Tensor x = arange(12);
        assertEquals(Shape.of(3, 4), x.reshape(3, -1).shape());
        assertThrows(IllegalArgumentException.class, () -> x.reshape(5, -1));
        assertThrows(IllegalArgumentException.class, () -> x.reshape(-1, -1));
        assertEquals(Shape.of(1, 12), x.expandDims(0).shape());
        assertEquals(Shape.of(12, 1), x.expandDims(-1).shape());
        assertEquals(Shape.of(12), x.reshape(1, 12, 1).squeeze().shape());
        assertEquals(Shape.of(12, 1), x.reshape(1, 12, 1).squeeze(0).shape());
        assertThrows(IllegalArgumentException.class, () -> x.reshape(3, 4).squeeze(0));
        assertEquals(x.reshape(3, 4).T(), swapaxes(x.reshape(3, 4), 0, 1));
    }

    @Test
    void joinSplitFlipRepeatTilePad() {
        Tensor a = arange(4).reshape(2, 2), b = arange(4, 8, 1).reshape(2, 2);
        assertEquals(array(new int[][] {{0, 1}, {2, 3}, {4, 5}, {6, 7}}), concatenate(0, a, b));
        assertEquals(array(new int[][] {{0, 1, 4, 5}, {2, 3, 6, 7}}), concatenate(1, a, b));
        assertEquals(Shape.of(2, 2, 2), stack(a, b).shape());
        assertEquals(array(new int[][] {{0, 1}, {4, 5}}), stack(1, a, b).get(Index.at(0)));
        assertEquals(array(new int[] {0, 1, 2, 3}), hstack(arange(2), arange(2, 4, 1)));
        assertEquals(Shape.of(2, 3), vstack(arange(3), arange(3)).shape());
        Tensor[] parts = split(arange(6), 3, 0);
        assertEquals(array(new int[] {2, 3}), parts[1]);
        assertThrows(IllegalArgumentException.class, () -> split(arange(5), 2, 0));
        assertEquals(array(new int[][] {{3, 2}, {1, 0}}), flip(a));
        assertEquals(array(new int[][] {{1, 0}, {3, 2}}), flip(a, 1));
        assertEquals(array(new int[] {0, 0, 1, 1}), repeat(arange(2), 2));
        assertEquals(array(new int[][] {{0, 1}, {0, 1}, {2, 3}, {2, 3}}), repeat(a, 2, 0));
        assertEquals(array(new int[][] {{0, 1, 0, 1}, {2, 3, 2, 3}}), tile(a, 1, 2));
        assertEquals(array(new int[] {0, 1, 0, 1, 0, 1}), tile(arange(2), 3));
        assertEquals(array(new int[][] {{0, 0, 0, 0}, {0, 0, 1, 0}, {0, 2, 3, 0}, {0, 0, 0, 0}}), pad(a, 1, 1));
        assertEquals(array(new float[] {9, 1, 2}), pad(array(new float[] {1, 2}), new int[][] {{1, 0}}, 9));
    }

    @Test
    void reductions() {
        Tensor x = arange(6).reshape(2, 3);
        assertEquals(scalar(15, DType.I32), sum(x));
        assertEquals(array(new int[] {3, 5, 7}), sum(x, 0));
        assertEquals(array(new int[][] {{3}, {12}}), sum(x, true, 1));
        assertEquals(array(new float[] {1, 4}), mean(x, 1));
        assertEquals(array(new int[] {0, 60}), prod(x, 1));
        assertEquals(array(new int[] {2, 2}), argmax(x, 1));
        assertEquals(scalar(0, DType.I32), argmin(x));
        assertEquals(scalar(1, DType.I32), argmax(array(new float[] {1, Float.NaN, 5})), "first NaN wins as in NumPy");
        assertEquals(array(new int[][] {{0, 1, 3}, {3, 7, 12}}), cumsum(x, 1));
        assertEquals(array(new int[] {1, 2, 6, 24}), cumprod(arange(1, 5, 1)));
        assertEquals(array(new boolean[] {true, true}), any(x, 1));
        assertEquals(array(new boolean[] {false, true}), all(x, 1));
        assertEquals(scalar(0, DType.BOOL), any(zeros(0)));
        assertEquals(scalar(1, DType.BOOL), all(zeros(0)));
        assertEquals(scalar(3, DType.I32), sum(array(new boolean[] {true, false, true, true})));
        assertEquals(2.0 / 3, var(array(new float[] {1, 2, 3})).item(), 1e-7);
        assertEquals(1.0, std(array(new float[] {1, 2, 3}), 1, false).item(), 1e-7);
        assertEquals(Math.log(2) + 1000, logsumexp(array(new double[] {1000, 1000})).item(), 1e-12);
        assertEquals(Shape.of(2, 1), logsumexp(ones(2, 3), true, 1).shape());
        assertEquals(Double.NEGATIVE_INFINITY, logsumexp(array(new double[] {Double.NEGATIVE_INFINITY})).item());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> max(zeros(0)));
        assertTrue(e.getMessage().contains("zero-size"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> sum(x, 2));
    }
}
