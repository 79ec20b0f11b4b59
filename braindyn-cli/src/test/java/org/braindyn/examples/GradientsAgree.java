package org.braindyn.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/** Compares two sets of gradients as vectors: {@code |actual − expected| / |expected| < tol} for every variable. */
final class GradientsAgree {
    private GradientsAgree() {}

    /** Float32 sums over many steps in another order differ element by element; the vector norms agree closely. */
    static void assertAgree(Map<Variable, Tensor> expected, Map<Variable, Tensor> actual, double tol) {
        assertEquals(expected.size(), actual.size(), "the same variables");
        for (var e : expected.entrySet()) {
            double[] ge = e.getValue().astype(DType.F64).toDoubleArray(), gc = actual.get(e.getKey()).astype(DType.F64).toDoubleArray();
            double diff = 0, norm = 0;
            for (int i = 0; i < ge.length; i++) {
                diff += (ge[i] - gc[i]) * (ge[i] - gc[i]);
                norm += ge[i] * ge[i];
            }
            assertTrue(norm > 0, e.getKey().name() + ": a gradient that is not zero");
            double rel = Math.sqrt(diff / norm);
            assertTrue(rel < tol, e.getKey().name() + ": |compiled − eager| / |eager| = " + rel);
        }
    }
}
