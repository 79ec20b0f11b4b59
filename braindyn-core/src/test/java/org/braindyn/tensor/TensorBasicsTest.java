package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Creation, dtypes, promotion, broadcasting, views and printing, with BrainPy's worked examples A2/A3. */
class TensorBasicsTest {
    @AfterEach void restore() { Config.disableX64(); }

    static final int[][][] T1 = {{{0, 1, 2, 3}, {1, 2, 3, 4}, {4, 5, 6, 7}}, {{0, 0, 0, 0}, {-1, 1, -1, 1}, {2, -2, 2, -2}}};

    @Test
    void nestedArraysAndAttributesA2() {
        Tensor t1 = asarray(T1);
        assertEquals(3, t1.ndim());
        assertEquals(Shape.of(2, 3, 4), t1.shape());
        assertEquals(24, t1.size());
        assertEquals(DType.I32, t1.dtype());
        assertEquals(asarray(new int[][] {{3, 4, 7}, {0, 1, 2}}), max(t1, 2));
    }

    @Test
    void arithmeticAndBroadcastingA3() {
        Tensor t1 = asarray(T1), t2 = arange(4), t3 = ones(2, 4).mul(1.5);
        assertEquals(array(new float[] {1.5f, 2.5f, 3.5f, 4.5f}), t2.add(t3.get(Index.at(0))));
        assertEquals(array(new float[] {1.5f, 0.75f, 0.5f, 0.375f}), t3.get(Index.at(0)).div(t1.get("0, 1")));
        assertEquals(array(new int[] {3, 4, 5, 6}), t2.add(3));
        assertEquals(Shape.of(2, 4), t2.add(t3).shape());
        assertEquals(array(new float[] {9f, 9f}), dot(t2, t3.T()));
        assertEquals(full(new int[] {8}, 1.5), t3.flatten());
    }

    @Test
    void promotionFollowsNumpyAndWeakScalars() {
        Tensor i = arange(3), f = ones(3), d = ones(Shape.of(3), DType.F64), b = array(new boolean[] {true, false, true});
        assertEquals(DType.I32, i.add(2).dtype());
        assertEquals(DType.F32, i.add(2.5).dtype());
        assertEquals(DType.F32, i.add(f).dtype());
        assertEquals(DType.F64, f.add(d).dtype());
        assertEquals(DType.F32, f.add(1e10).dtype());
        assertEquals(DType.F32, i.div(2).dtype(), "true division of ints is float");
        assertEquals(DType.I32, b.add(b).dtype(), "bool arithmetic is int");
        assertEquals(array(new int[] {2, 0, 2}), b.add(b));
        assertEquals(DType.BOOL, i.gt(0.5).dtype());
        assertEquals(array(new boolean[] {false, true, true}), i.gt(0.5));
    }

    @Test
    void defaultFloatSwitch() {
        assertEquals(DType.F32, zeros(2).dtype());
        Config.enableX64();
        assertEquals(DType.F64, zeros(2).dtype());
        assertEquals(DType.F64, arange(3).exp().dtype());
        assertEquals(DType.F64, linspace(0, 1, 3).dtype());
        Config.setDefaultFloat(DType.F32);
        assertEquals(DType.F32, ones(1).dtype());
        assertThrows(IllegalArgumentException.class, () -> Config.setDefaultFloat(DType.I32));
    }

    @Test
    void broadcastErrorNamesBothShapes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> zeros(3, 4).add(zeros(2, 4)));
        assertTrue(e.getMessage().contains("(3, 4)") && e.getMessage().contains("(2, 4)"), e.getMessage());
    }

    @Test
    void viewsShareStorageWithoutCopy() {
        Tensor x = arange(24).reshape(2, 3, 4);
        Tensor[] views = {x.get("1, :, 1:3"), x.transpose(2, 0, 1), x.reshape(6, 4), x.flip(1),
                x.get(Index.at(0)).broadcastTo(5, 3, 4), x.expandDims(0), x.squeeze(), x.T()};
        for (Tensor v : views) assertTrue(v.sharesStorageWith(x), "view " + v.shape() + " must share storage");
        assertEquals(array(new int[][] {{13, 14}, {17, 18}, {21, 22}}), x.get("1, :, 1:3"));
        assertEquals(0, x.get(Index.at(0)).broadcastTo(5, 3, 4).stride(0));
        // reshape of a transposed (non-contiguous) tensor needs a copy, and gives C-order values
        Tensor t = arange(6).reshape(2, 3).T();
        assertEquals(array(new int[] {0, 3, 1, 4, 2, 5}), t.reshape(6));
        assertFalse(t.reshape(6).sharesStorageWith(t));
    }

    @Test
    void immutableTensorsAreNeverAliasedByUpdates() {
        Tensor x = arange(5);
        Tensor view = x.get("1:4");
        Tensor y = x.at(Index.at(2)).set(100);
        assertEquals(array(new int[] {0, 1, 100, 3, 4}), y);
        assertEquals(array(new int[] {0, 1, 2, 3, 4}), x, "the original is unchanged");
        assertEquals(array(new int[] {1, 2, 3}), view, "views of the original are unchanged");
        assertFalse(y.sharesStorageWith(x));
    }

    @Test
    void creationFunctions() {
        assertEquals(array(new float[] {0, 0.25f, 0.5f, 0.75f, 1}), linspace(0, 1, 5));
        assertEquals(array(new int[] {2, 5, 8}), arange(2, 10, 3));
        assertEquals(array(new float[] {0.5f, 1f, 1.5f}), arange(0.5, 2.0, 0.5));
        assertEquals(array(new float[][] {{1, 0, 0}, {0, 1, 0}}), eye(2, 3, 0));
        assertEquals(array(new float[][] {{0, 1}, {0, 0}}), eye(2, 2, 1));
        assertEquals(Shape.of(2, 3), zerosLike(ones(2, 3)).shape());
        assertEquals(DType.I32, onesLike(arange(3)).dtype());
        assertEquals(7.0, fullLike(arange(3), 7.9).getDouble(1));
        assertEquals(array(new double[][] {{1, 2}, {3, 4}}), asarray(java.util.List.of(new double[] {1, 2}, new double[] {3, 4})));
        assertEquals(Shape.of(2, 3), asarray(new Tensor[] {ones(3), zeros(3)}).shape());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> asarray(new int[][] {{1, 2}, {3}}));
        assertTrue(e.getMessage().contains("ragged"), e.getMessage());
    }

    @Test
    void printsLikeNumpy() {
        assertEquals("Tensor([[1.5, 2.5]], dtype=float32)", array(new float[] {1.5f, 2.5f}, 1, 2).toString());
        assertEquals("Tensor([0, 1, 2], dtype=int32)", arange(3).toString());
        assertEquals("Tensor([1., 2.], dtype=float64)", array(new double[] {1, 2}).toString());
        assertEquals("Tensor([True, False], dtype=bool)", array(new boolean[] {true, false}).toString());
        assertEquals("Tensor(3., dtype=float32)", scalar(3).toString());
        assertEquals("Tensor([nan, inf, -inf, 0.5], dtype=float32)", array(new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0.5f}).toString());
        assertEquals("Tensor([1.e-05, 2.5], dtype=float32)", array(new float[] {1e-5f, 2.5f}).toString());
        assertEquals("Tensor([[1, 2],\n        [3, 4]], dtype=int32)", array(new int[][] {{1, 2}, {3, 4}}).toString());
        assertEquals("Tensor([0.33333333, -0.30232558, 0.1], dtype=float64)", array(new double[] {1 / 3.0, -0.3023255813953489, 0.1}).toString());
        String big = arange(2000).toString();
        assertTrue(big.startsWith("Tensor([0, 1, 2, ..., 1997, 1998, 1999]"), big);
    }

    @Test
    void elementAccessAndConversion() {
        Tensor x = arange(6).reshape(2, 3);
        assertEquals(5, x.getInt(-1, -1));
        assertEquals(4.0, x.getDouble(1, 1));
        assertArrayEquals(new int[] {0, 3, 1, 4, 2, 5}, x.T().toIntArray());
        assertArrayEquals(new float[] {0, 1, 2, 3, 4, 5}, x.toFloatArray());
        IndexOutOfBoundsException e = assertThrows(IndexOutOfBoundsException.class, () -> x.getInt(2, 0));
        assertTrue(e.getMessage().contains("axis 0 with size 2"), e.getMessage());
        assertThrows(IllegalStateException.class, x::item);
        assertEquals(3.0, x.get("1, 0").item());
    }
}
