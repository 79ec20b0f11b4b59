package org.braindyn.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.stream.Stream;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.ops.PrimitiveTableTest;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every primitive, compiled: each conformance case of the primitive table becomes a one-node jitted function
 * (fused into a generated kernel where the primitive is elementwise) and a two-node chain (the primitive
 * followed by an elementwise op, so that even unfused primitives feed a kernel), and both must equal the
 * graph run by the reference interpreter: exactly for int/bool and float elementwise results (the generated
 * code rounds like the kernels), within the accumulation tolerance for matmul and sparse sums.
 */
class CompiledPrimitiveTest {
    static Stream<PrimitiveTableTest.Case> cases() { return PrimitiveTableTest.cases().stream(); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void compiledEqualsTheReferenceInterpreter(PrimitiveTableTest.Case c) {
        JitFunction single = Jit.jit(a -> new Tensor[] {Prims.bind(c.op(), c.attr(), a)});
        check(c, single.call1(c.in()), single.interpret(true).call1(c.in()));
        JitFunction chain = Jit.jit(a -> {
            Tensor y = Prims.bind(c.op(), c.attr(), a);
            return new Tensor[] {y.dtype() == DType.BOOL ? y.not() : y.dtype() == DType.I32 ? y.mul(3).sub(1) : y.mul(0.5).add(1)};
        });
        check(c, chain.call1(c.in()), chain.interpret(true).call1(c.in()));
    }

    private static void check(PrimitiveTableTest.Case c, Tensor got, Tensor ref) {
        assertEquals(ref.dtype(), got.dtype(), c + " dtype");
        assertEquals(ref.shape(), got.shape(), c + " shape");
        double[] g = got.toDoubleArray(), r = ref.toDoubleArray();
        boolean accumulates = c.op() == Op.MATMUL || c.op().kind() == Op.Kind.SPARSE;
        for (int i = 0; i < g.length; i++) {
            if (accumulates && got.dtype().isFloating()) {
                double tol = (got.dtype() == DType.F32 ? 1e-5 : 1e-12) * Math.max(1, Math.abs(r[i])) * 20;
                assertEquals(r[i], g[i], tol, c + " element " + i);
            } else if (Double.compare(g[i], r[i]) != 0)
                fail(c + ": element " + i + " compiled=" + g[i] + " reference=" + r[i]);
        }
    }
}
