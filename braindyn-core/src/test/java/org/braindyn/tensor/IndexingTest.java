package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** NumPy indexing: basic (views), integer arrays, masks, placement rules, functional updates, scatter-add. */
class IndexingTest {
    final Tensor x = arange(24).reshape(2, 3, 4);

    @Test
    void basicIndexing() {
        assertEquals(array(new int[] {4, 5, 6, 7}), x.get("0, 1"));
        assertEquals(array(new int[] {23, 22, 21, 20}), x.get("-1, -1, ::-1"));
        assertEquals(Shape.of(2, 1, 3, 2), x.get(":, None, :, 1::2").shape());
        assertEquals(x.get(":, :, 2"), x.get("..., 2"));
        assertEquals(x.get("1, :, :"), x.get("1, ..."));
        assertEquals(Shape.of(0, 4), x.get("0, 5:1").shape());
        assertEquals(array(new int[] {8, 4}), x.get("0, 2::-1, 0").get("0:2"));
        assertEquals(array(new int[] {1, 3}), arange(5).get(Index.slice(1, null, 2)).get(Index.to(2)));
        assertEquals(array(new int[] {3, 4}), arange(5).get(Index.from(3)));
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> x.get("2"));
        assertTrue(e.getMessage().contains("axis 0 with size 2"), e.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> x.get("0, 0, 0, 0"));
        assertThrows(IllegalArgumentException.class, () -> x.get("..., 0, ..."));
    }

    @Test
    void integerArrayIndexing() {
        assertEquals(array(new int[][] {{8, 9, 10, 11}, {0, 1, 2, 3}}), x.get(Index.at(0), Index.take(2, -3)));
        Tensor g = x.get(Index.all(), Index.take(array(new int[][] {{0, 2}, {1, 1}})), Index.at(3));
        assertEquals(Shape.of(2, 2, 2), g.shape());
        assertEquals(array(new int[][][] {{{3, 11}, {7, 7}}, {{15, 23}, {19, 19}}}), g);
        // two adjacent arrays broadcast together and stay in place
        assertEquals(array(new int[][] {{1, 5}, {13, 17}}), x.get(Index.all(), Index.take(0, 1), Index.take(1, 1)));
        // non-adjacent arrays move the broadcast axis to the front (NumPy's rule)
        Tensor na = x.get(Index.take(0, 1), Index.all(), Index.take(2, 3));
        assertEquals(Shape.of(2, 3), na.shape());
        assertEquals(array(new int[][] {{2, 6, 10}, {15, 19, 23}}), na);
        assertThrows(IndexOutOfBoundsException.class, () -> x.get(Index.at(0), Index.take(3)));
    }

    @Test
    void booleanMasks() {
        Tensor v = array(new float[] {-1, 2, -3, 4});
        assertEquals(array(new float[] {2, 4}), v.get(Index.mask(v.gt(0))));
        Tensor m = x.get(Index.at(0)).gt(8);
        assertEquals(array(new int[] {9, 10, 11}), x.get(Index.at(0)).get(Index.mask(m)));
        Tensor[] nz = nonzero(array(new int[][] {{0, 3}, {4, 0}}));
        assertEquals(array(new int[] {0, 1}), nz[0]);
        assertEquals(array(new int[] {1, 0}), nz[1]);
    }

    @Test
    void functionalUpdates() {
        Tensor v = zeros(5);
        assertEquals(array(new float[] {0, 1, 1, 1, 0}), v.at("1:4").set(1));
        assertEquals(array(new float[] {2, 0, 0, 0, 1}), v.at(Index.take(0, 4, 0)).add(1), "repeated positions accumulate");
        assertEquals(array(new float[] {7, 0, 0, 0, 0}), v.at(Index.take(0, 0)).set(7));
        Tensor m = arange(6).reshape(2, 3);
        assertEquals(array(new int[][] {{0, 10, 2}, {3, 20, 5}}), m.at(":, 1").set(array(new int[] {10, 20})));
        assertEquals(array(new int[][] {{0, 1, 2}, {0, 0, 0}}), m.at(Index.mask(m.gt(2))).set(0));
        assertEquals(array(new int[][] {{0, 1, 2}, {3, 4, 5}}), m, "original untouched");
    }

    @Test
    void diagonalsAndTriangles() {
        Tensor m = arange(9).reshape(3, 3);
        assertEquals(array(new int[] {0, 4, 8}), diag(m));
        assertEquals(array(new int[] {1, 5}), diag(m, 1));
        assertEquals(array(new int[] {3, 7}), diag(m, -1));
        assertEquals(array(new int[][] {{0, 1, 0}, {0, 0, 2}, {0, 0, 0}}), diag(array(new int[] {1, 2}), 1));
        assertEquals(scalar(12, DType.I32), trace(m));
        assertEquals(array(new int[][] {{-1, 1, 2}, {3, -1, 5}, {6, 7, -1}}), fillDiagonal(m, -1));
        assertEquals(array(new int[][] {{0, 0, 0}, {3, 4, 0}, {6, 7, 8}}), tril(m, 0));
        assertEquals(array(new int[][] {{0, 1, 2}, {0, 0, 5}, {0, 0, 0}}), triu(m, 1));
    }

    @Test
    void takeAndScatterAdd() {
        Tensor m = arange(6).reshape(2, 3);
        assertEquals(array(new int[][] {{2, 0}, {5, 3}}), take(m, array(new int[] {2, 0}), 1));
        Tensor s = scatterAdd(zeros(4), array(new int[] {1, 3, 1}), array(new float[] {1, 2, 3}), 0);
        assertEquals(array(new float[] {0, 4, 0, 2}), s);
        Tensor s2 = scatterAdd(zeros(2, 3), array(new int[] {0, 0}), ones(2, 2), 1);
        assertEquals(array(new float[][] {{2, 0, 0}, {2, 0, 0}}), s2);
    }
}
