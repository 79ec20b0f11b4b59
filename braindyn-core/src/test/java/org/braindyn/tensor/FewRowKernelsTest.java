package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.braindyn.random.RandomState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The few-row matmul path (a row vector or a small batch times a matrix, no packing) and the row-dot CSR
 * mat-vec give exactly what the general kernels give.
 */
class FewRowKernelsTest {
    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64"})
    void fewRowProductsEqualTheRowsOfTheBlockedProduct(DType dt) {
        RandomState rng = new RandomState(3);
        Tensor a = rng.normal(0, 1, 12, 37).astype(dt), b = rng.normal(0, 1, 37, 53).astype(dt);
        Tensor blocked = matmul(a, b);                       // 12 rows: the packed, register-blocked kernel
        for (int m = 1; m <= 3; m++) {
            Tensor few = matmul(a.get(":" + m).contiguous(), b);
            assertEquals(blocked.get(":" + m).contiguous(), few, dt + " m=" + m + ": bit for bit the blocked kernel's rows");
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64"})
    void matrixTimesAColumnEqualsTheSumsOfProducts(DType dt) {
        RandomState rng = new RandomState(4);
        Tensor a = rng.normal(0, 1, 9, 45).astype(dt), b = rng.normal(0, 1, 45, 1).astype(dt);
        Tensor got = matmul(a, b);
        double[] av = a.astype(DType.F64).toDoubleArray(), bv = b.astype(DType.F64).toDoubleArray();
        for (int i = 0; i < 9; i++) {
            double want = 0;
            for (int q = 0; q < 45; q++) want += av[i * 45 + q] * bv[q];
            assertEquals(want, got.reshape(-1).getDouble(i), dt == DType.F64 ? 1e-12 : 1e-4, "row " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(value = DType.class, names = {"F32", "F64"})
    void csrMatvecWithPerSynapseValuesEqualsTheDenseProduct(DType dt) {
        RandomState rng = new RandomState(5);
        Tensor dense = where(less(rng.random(40, 30), 0.2), rng.normal(0, 1, 40, 30), zeros(40, 30)).astype(dt);
        Csr c = Csr.fromDense(dense);
        double[] dv = dense.astype(DType.F64).toDoubleArray(), d = new double[c.nnz()];
        int k = 0;
        for (double v : dv) if (v != 0) d[k++] = v;
        Tensor data = array(d).astype(dt), x = rng.normal(0, 1, 30).astype(dt);
        Tensor got = csrMatvec(c, data, x, false);
        assertEquals(dt, got.dtype());
        assertTrue(allclose(matmul(dense.astype(DType.F64), x.astype(DType.F64)), got.astype(DType.F64), dt == DType.F64 ? 1e-12 : 1e-5, 1e-5));
        Tensor viaMatmat = csrMatmat(c, data, x.reshape(30, 1), false).reshape(40);
        assertTrue(allclose(viaMatmat.astype(DType.F64), got.astype(DType.F64), dt == DType.F64 ? 1e-13 : 1e-6, 1e-6), "the general CSR kernel agrees");
    }
}
