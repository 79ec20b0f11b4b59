package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.braindyn.ops.Gen;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every activation of SPEC §1.1 against its scalar formula; the event-driven operators against dense algebra. */
class ActivationsAndSparseTest {
    static final double A = 1.6732632423543772, S = 1.0507009873554805;

    static double sig(double x) { return 1 / (1 + Math.exp(-x)); }

    static Stream<Arguments> elementwise() {
        return Stream.of(
            Arguments.of("relu", (UnaryOperator<Tensor>) BM::relu, (DoubleUnaryOperator) x -> Math.max(x, 0)),
            Arguments.of("relu6", (UnaryOperator<Tensor>) BM::relu6, (DoubleUnaryOperator) x -> Math.min(Math.max(x, 0), 6)),
            Arguments.of("leakyRelu", (UnaryOperator<Tensor>) BM::leakyRelu, (DoubleUnaryOperator) x -> x >= 0 ? x : 0.01 * x),
            Arguments.of("elu", (UnaryOperator<Tensor>) BM::elu, (DoubleUnaryOperator) x -> x > 0 ? x : Math.expm1(x)),
            Arguments.of("celu", (UnaryOperator<Tensor>) x -> celu(x, 2), (DoubleUnaryOperator) x -> x > 0 ? x : 2 * Math.expm1(x / 2)),
            Arguments.of("selu", (UnaryOperator<Tensor>) BM::selu, (DoubleUnaryOperator) x -> S * (x > 0 ? x : A * Math.expm1(x))),
            Arguments.of("gelu", (UnaryOperator<Tensor>) BM::gelu, (DoubleUnaryOperator) x -> x * 0.5 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)))),
            Arguments.of("geluExact", (UnaryOperator<Tensor>) x -> gelu(x, false), (DoubleUnaryOperator) x -> x * 0.5 * (1 + org.braindyn.ops.Erf.erf(x / Math.sqrt(2)))),
            Arguments.of("hardTanh", (UnaryOperator<Tensor>) BM::hardTanh, (DoubleUnaryOperator) x -> Math.max(-1, Math.min(1, x))),
            Arguments.of("hardSigmoid", (UnaryOperator<Tensor>) BM::hardSigmoid, (DoubleUnaryOperator) x -> Math.min(Math.max(x + 3, 0), 6) / 6),
            Arguments.of("hardSilu", (UnaryOperator<Tensor>) BM::hardSilu, (DoubleUnaryOperator) x -> x * Math.min(Math.max(x + 3, 0), 6) / 6),
            Arguments.of("hardSwish", (UnaryOperator<Tensor>) BM::hardSwish, (DoubleUnaryOperator) x -> x * Math.min(Math.max(x + 3, 0), 6) / 6),
            Arguments.of("silu", (UnaryOperator<Tensor>) BM::silu, (DoubleUnaryOperator) x -> x * sig(x)),
            Arguments.of("swish", (UnaryOperator<Tensor>) BM::swish, (DoubleUnaryOperator) x -> x * sig(x)),
            Arguments.of("sigmoid", (UnaryOperator<Tensor>) BM::sigmoid, (DoubleUnaryOperator) ActivationsAndSparseTest::sig),
            Arguments.of("softplus", (UnaryOperator<Tensor>) BM::softplus, (DoubleUnaryOperator) x -> Math.log1p(Math.exp(x))),
            Arguments.of("logSigmoid", (UnaryOperator<Tensor>) BM::logSigmoid, (DoubleUnaryOperator) x -> Math.log(sig(x))),
            Arguments.of("softSign", (UnaryOperator<Tensor>) BM::softSign, (DoubleUnaryOperator) x -> x / (Math.abs(x) + 1)),
            Arguments.of("tanh", (UnaryOperator<Tensor>) BM::tanh, (DoubleUnaryOperator) Math::tanh),
            Arguments.of("identity", (UnaryOperator<Tensor>) BM::identityFn, (DoubleUnaryOperator) x -> x));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("elementwise")
    void activationMatchesFormula(String name, UnaryOperator<Tensor> f, DoubleUnaryOperator ref) {
        double[] x = {-30, -3.5, -1, -0.25, 0, 0.3, 1, 2.75, 7, 30};
        double[] got = f.apply(array(x)).toDoubleArray();
        for (int i = 0; i < x.length; i++) assertEquals(ref.applyAsDouble(x[i]), got[i], 1e-12 * Math.max(1, Math.abs(got[i])), name + "(" + x[i] + ")");
    }

    @Test
    void axisActivations() {
        Tensor x = array(new double[][] {{1, 2, 3}, {1000, 1000, 1000}});
        Tensor sm = softmax(x);
        double e = Math.exp(1) + Math.exp(2) + Math.exp(3);
        assertEquals(Math.exp(3) / e, sm.getDouble(0, 2), 1e-15);
        assertEquals(1.0 / 3, sm.getDouble(1, 0), 1e-15, "stable for large inputs");
        assertTrue(allclose(log(softmax(x)), logSoftmax(x), 1e-12, 1e-12));
        assertEquals(array(new float[][] {{0, 1, 0}, {0, 0, 1}}), oneHot(array(new int[] {1, 2}), 3));
        Tensor n = normalize(array(new double[] {1, 2, 3}), -1, 0);
        assertEquals(-Math.sqrt(1.5), n.getDouble(0), 1e-12);
        Tensor g = glu(array(new double[] {1, 2, 0, 100}));
        assertEquals(0.5, g.getDouble(0), 1e-15);
        assertEquals(2.0, g.getDouble(1), 1e-12);
    }

    @Test
    void eventSumEqualsDenseTransposeProduct() {
        Gen g = new Gen(21);
        int rows = 60, cols = 40;
        Tensor dense = g.tensor(DType.F32, false, rows, cols).mul(g.tensor(DType.F32, false, rows, cols).gt(2).astype(DType.F32));
        Csr c = Csr.fromDense(dense);
        Tensor w = dense.get(Index.mask(dense.ne(0)));             // per-synapse weights in CSR order
        Tensor spikes = g.tensor(DType.BOOL, false, rows);
        Tensor want = matmul(spikes.astype(DType.F32), dense);
        assertTrue(allclose(want, csrEventSum(c, w, spikes), 1e-5, 1e-5));
        assertTrue(allclose(matmul(spikes.astype(DType.F32), dense.ne(0).astype(DType.F32)).mul(0.5), csrEventSum(c, scalar(0.5), spikes), 1e-6, 1e-6));
        Tensor xv = g.tensor(DType.F32, false, cols);
        assertTrue(allclose(matmul(dense, xv), csrMatvec(c, w, xv, false), 1e-5, 1e-4));
        Tensor xr = g.tensor(DType.F32, false, rows);
        assertTrue(allclose(matmul(xr, dense), csrMatvec(c, w, xr, true), 1e-5, 1e-4));
        Tensor X = g.tensor(DType.F32, false, cols, 3);
        assertTrue(allclose(matmul(dense, X), csrMatmat(c, w, X, false), 1e-5, 1e-4));
        assertTrue(allclose(dense, c.toDense(w)));
        Tensor pre = preGather(c, arange(rows));
        int[] ip = c.indptr().toIntArray();
        for (int r = 0; r < rows; r++) for (int s = ip[r]; s < ip[r + 1]; s++) assertEquals(r, pre.getInt(s));
        assertEquals(array(new float[][] {{4, 6}, {1, 1}}), segmentSum(array(new float[][] {{1, 2}, {1, 1}, {3, 4}}), array(new int[] {0, 1, 0}), 2));
    }

    @Test
    void csrValidationNamesTheProblem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Csr.fromRows(3, new int[][] {{0, 5}}));
        assertTrue(e.getMessage().contains("column 5"), e.getMessage());
        Csr c = Csr.fromRows(3, new int[][] {{0, 2}, {1}});
        IllegalArgumentException f = assertThrows(IllegalArgumentException.class, () -> csrEventSum(c, scalar(1), zeros(5)));
        assertTrue(f.getMessage().contains("events must have shape (2,)"), f.getMessage());
    }
}
