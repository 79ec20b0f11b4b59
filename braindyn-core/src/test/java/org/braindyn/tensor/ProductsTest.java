package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.ops.Gen;
import org.junit.jupiter.api.Test;

/** matmul/dot/outer/tensordot/einsum against explicit loops. */
class ProductsTest {
    static double[] naive(Tensor a, Tensor b) {
        int m = a.dim(0), k = a.dim(1), n = b.dim(1);
        double[] c = new double[m * n];
        for (int i = 0; i < m; i++) for (int j = 0; j < n; j++) {
            double s = 0;
            for (int q = 0; q < k; q++) s += a.getDouble(i, q) * b.getDouble(q, j);
            c[i * n + j] = s;
        }
        return c;
    }

    @Test
    void matmulAllSizesAgainstLoops() {
        Gen g = new Gen(11);
        int[][] sizes = {{1, 1, 1}, {5, 3, 7}, {4, 16, 48}, {9, 33, 100}, {64, 65, 130}, {3, 0, 4}, {13, 600, 37}, {7, 513, 40}};   // the last two: depth over several blocks, partial panels
        for (int[] s : sizes) for (DType d : new DType[] {DType.F32, DType.F64, DType.I32}) {
            Tensor a = g.tensor(d, false, s[0], s[1]), b = g.tensor(d, false, s[1], s[2]);
            double[] want = naive(a, b), got = matmul(a, b).toDoubleArray();
            for (int i = 0; i < want.length; i++) assertEquals(want[i], got[i], 1e-4 * Math.max(1, Math.abs(want[i])), d + " " + java.util.Arrays.toString(s));
        }
    }

    @Test
    void transposedLeftProductIsBitForBitTheProductOfTheTransposedCopy() {
        Gen g = new Gen(12);
        int[][] sizes = {{1, 1, 1}, {6, 7, 16}, {13, 600, 37}, {28, 300, 40}, {100, 513, 400}};   // m, k, n: remainders, depth blocks
        for (int[] s : sizes) {
            int m = s[0], k = s[1], n = s[2];
            Tensor a = g.tensor(DType.F32, false, k, m), b = g.tensor(DType.F32, false, k, n);
            float[] at = (float[]) a.transpose().contiguous().storage(), got = new float[m * n], want = new float[m * n];
            org.braindyn.ops.internal.MatmulKernel.gemm(DType.F32, at, 0, b.contiguous().storage(), 0, want, 0, m, k, n);
            org.braindyn.ops.internal.MatmulKernel.gemmTN((float[]) a.contiguous().storage(), 0, (float[]) b.contiguous().storage(), 0, got, 0, m, k, n);
            assertArrayEquals(want, got, java.util.Arrays.toString(s));
            if (m >= 4) assertArrayEquals(want, (float[]) matmul(a.T(), b).storage(), "matmul of a transposed view: " + java.util.Arrays.toString(s));
            double[] loops = naive(a.transpose(), b), scale = naive(abs(a).transpose(), abs(b));   // Σ|a||b| bounds float32's rounding
            for (int i = 0; i < loops.length; i++) assertEquals(loops[i], got[i], 1e-5 * scale[i] + 1e-30, java.util.Arrays.toString(s));
        }
    }

    @Test
    void matmulRulesLikeNumpy() {
        Tensor a = arange(6).reshape(2, 3), v = arange(3);
        assertEquals(array(new int[] {5, 14}), matmul(a, v));
        assertEquals(array(new int[] {3, 4, 5}).mul(1).add(array(new int[] {0, 0, 0})), matmul(array(new int[] {0, 1}), a));
        assertEquals(scalar(5, DType.I32), matmul(v, v));
        Tensor batch = arange(24).reshape(2, 3, 4), w = arange(8).reshape(4, 2);
        Tensor r = matmul(batch, w);
        assertEquals(Shape.of(2, 3, 2), r.shape());
        assertEquals(matmul(batch.get(Index.at(1)), w), r.get(Index.at(1)));
        Tensor bb = matmul(ones(5, 1, 2, 3), ones(4, 3, 2));
        assertEquals(Shape.of(5, 4, 2, 2), bb.shape());
        assertEquals(3.0, bb.getDouble(4, 3, 1, 1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> matmul(ones(2, 3), ones(2, 3)));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("not aligned"), e.getMessage());
    }

    @Test
    void dotOuterTensordot() {
        assertEquals(scalar(14, DType.I32), dot(arange(4), arange(4)));
        assertEquals(array(new int[][] {{0, 0}, {0, 1}, {0, 2}}), outer(arange(3), arange(2)));
        Tensor a = arange(24).reshape(2, 3, 4), b = arange(24).reshape(4, 3, 2);
        Tensor td = tensordot(a, b, new int[] {1, 2}, new int[] {1, 0});
        assertEquals(Shape.of(2, 2), td.shape());
        double s = 0;
        for (int j = 0; j < 3; j++) for (int k = 0; k < 4; k++) s += a.getDouble(1, j, k) * b.getDouble(k, j, 0);
        assertEquals(s, td.getDouble(1, 0));
        Tensor b3 = arange(40).reshape(5, 4, 2);
        Tensor nd = dot(a, b3);
        assertEquals(Shape.of(2, 3, 5, 2), nd.shape());
        double e = 0;
        for (int k = 0; k < 4; k++) e += a.getDouble(1, 2, k) * b3.getDouble(3, k, 1);
        assertEquals(e, nd.getDouble(1, 2, 3, 1));
        assertEquals(array(new int[] {5, 14}), inner(arange(6).reshape(2, 3), arange(3)));
    }

    @Test
    void einsumCommonForms() {
        Gen g = new Gen(5);
        Tensor a = g.tensor(DType.F64, false, 3, 4), b = g.tensor(DType.F64, false, 4, 5), c = g.tensor(DType.F64, false, 3, 4);
        assertTrue(allclose(matmul(a, b), einsum("ij,jk->ik", a, b)));
        assertTrue(allclose(matmul(a, b).T(), einsum("ij,jk->ki", a, b)));
        assertTrue(allclose(a.T(), einsum("ij->ji", a)));
        assertTrue(allclose(sum(a), einsum("ij->", a)));
        assertTrue(allclose(sum(a, 1), einsum("ij->i", a)));
        assertTrue(allclose(a.mul(c), einsum("ij,ij->ij", a, c)));
        assertTrue(allclose(sum(a.mul(c), 1), einsum("ij,ij->i", a, c)));
        assertTrue(allclose(outer(a.get("0"), b.get("0")), einsum("i,j->ij", a.get("0"), b.get("0"))));
        assertTrue(allclose(matmul(a, b), einsum("ij,jk", a, b)), "implicit output");
        Tensor x = g.tensor(DType.F64, false, 2, 3, 4), y = g.tensor(DType.F64, false, 2, 4, 5);
        assertTrue(allclose(matmul(x, y), einsum("bij,bjk->bik", x, y)));
        assertTrue(allclose(sum(matmul(x, y), 0), einsum("bij,bjk->ik", x, y)));
        assertThrows(IllegalArgumentException.class, () -> einsum("ii->i", g.tensor(DType.F64, false, 3, 3)));
        assertThrows(IllegalArgumentException.class, () -> einsum("ij,jk->ik", a, a));
    }
}
