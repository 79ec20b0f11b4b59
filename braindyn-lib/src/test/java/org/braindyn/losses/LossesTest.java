package org.braindyn.losses;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.state.Variable;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each loss's value against a hand computation, its gradient against central finite differences, and its errors. */
class LossesTest {
    static final Tensor Z = array(new double[][] {{1.0, -0.5, 2.0}, {0.3, 0.8, -1.2}});
    static final Tensor T = array(new double[][] {{0.5, 0.0, 2.5}, {1.0, 0.2, -2.0}});
    static final Tensor LABELS = array(new int[] {2, 0});

    static Stream<Arguments> scalarLosses() {
        return Stream.of(
                Arguments.of("crossEntropy (labels)", (UnaryOperator<Tensor>) z -> Losses.crossEntropy(z, LABELS)),
                Arguments.of("crossEntropy (smoothed, sum)", (UnaryOperator<Tensor>) z -> Losses.crossEntropy(z, LABELS, 0.1, Reduction.SUM)),
                Arguments.of("softmaxCrossEntropy", (UnaryOperator<Tensor>) z -> sum(Losses.softmaxCrossEntropy(z, softmax(T)))),
                Arguments.of("sigmoidBinaryCrossEntropy", (UnaryOperator<Tensor>) z -> sum(Losses.sigmoidBinaryCrossEntropy(z, sigmoid(T)))),
                Arguments.of("nll", (UnaryOperator<Tensor>) z -> Losses.nll(logSoftmax(z), LABELS)),
                Arguments.of("l1Loss", (UnaryOperator<Tensor>) z -> Losses.l1Loss(z, T)),
                Arguments.of("l2Loss", (UnaryOperator<Tensor>) z -> sum(Losses.l2Loss(z, T))),
                Arguments.of("huberLoss", (UnaryOperator<Tensor>) z -> sum(Losses.huberLoss(z, T, 0.6))),
                Arguments.of("meanSquaredError", (UnaryOperator<Tensor>) z -> Losses.meanSquaredError(z, T)),
                Arguments.of("meanAbsoluteError", (UnaryOperator<Tensor>) z -> Losses.meanAbsoluteError(z, T)),
                Arguments.of("meanSquaredLogError", (UnaryOperator<Tensor>) z -> Losses.meanSquaredLogError(abs(z), abs(T))),
                Arguments.of("logCosh", (UnaryOperator<Tensor>) z -> sum(Losses.logCosh(z, T))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scalarLosses")
    void gradientsMatchFiniteDifferences(String name, UnaryOperator<Tensor> loss) {
        Tensor g = Autodiff.grad(loss, Z);
        double[] z = Z.toDoubleArray(), got = g.toDoubleArray();
        double h = 1e-6;
        for (int i = 0; i < z.length; i++) {
            double[] up = z.clone(), dn = z.clone();
            up[i] += h;
            dn[i] -= h;
            double fd = (loss.apply(array(up).reshape(2, 3)).item() - loss.apply(array(dn).reshape(2, 3)).item()) / (2 * h);
            assertEquals(fd, got[i], 1e-6 * Math.max(1, Math.abs(fd)), name + " element " + i);
        }
    }

    @Test
    void valuesAgreeWithHandComputations() {
        double[][] z = {{1.0, -0.5, 2.0}, {0.3, 0.8, -1.2}}, t = {{0.5, 0.0, 2.5}, {1.0, 0.2, -2.0}};
        int[] lab = {2, 0};
        double ce = 0, mse = 0, mae = 0, l1 = 0, huber = 0, lc = 0;
        for (int i = 0; i < 2; i++) {
            double lse = Math.log(Math.exp(z[i][0]) + Math.exp(z[i][1]) + Math.exp(z[i][2]));
            ce += (lse - z[i][lab[i]]) / 2;
            for (int j = 0; j < 3; j++) {
                double d = z[i][j] - t[i][j], a = Math.abs(d);
                mse += d * d / 6;
                mae += a / 6;
                l1 += a;
                huber += a <= 0.6 ? 0.5 * d * d : 0.6 * (a - 0.3);
                lc += Math.log(Math.cosh(d));
            }
        }
        assertEquals(ce, Losses.crossEntropy(Z, LABELS).item(), 1e-12);
        assertEquals(ce, Losses.crossEntropy(Z, oneHot(LABELS, 3).astype(DType.F64)).item(), 1e-12, "one-hot targets = labels");
        assertEquals(mse, Losses.meanSquaredError(Z, T).item(), 1e-12);
        assertEquals(mae, Losses.meanAbsoluteError(Z, T).item(), 1e-12);
        assertEquals(l1, Losses.l1Loss(Z, T).item(), 1e-12);
        assertEquals(l1 / 2, Losses.l1Loss(Z, T, Reduction.MEAN).item(), 1e-12);
        assertEquals(huber, sum(Losses.huberLoss(Z, T, 0.6)).item(), 1e-12);
        assertEquals(lc, sum(Losses.logCosh(Z, T)).item(), 1e-12);
        assertEquals(800 - Math.log(2), Losses.logCosh(array(new double[] {800}), array(new double[] {0})).item(), 1e-9, "no overflow");
        // smoothing 0.3 over 3 classes: targets 0.1, 0.1, 0.8 for label 2
        Tensor smoothed = Losses.smoothLabels(oneHot(LABELS, 3).astype(DType.F64), 0.3);
        assertArrayEquals(new double[] {0.1, 0.1, 0.8}, smoothed.get("0").toDoubleArray(), 1e-15);
        assertEquals(2, Losses.crossEntropy(Z, LABELS, 0, Reduction.NONE).dim(0));
        assertEquals(0.5, Losses.accuracy(Z, array(new int[] {2, 2})), 0);
        assertEquals(Math.sqrt(1 + 4 + 9), Losses.l2Norm(List.of(new Variable(array(new double[] {1, 2}), "a"), new Variable(array(new double[] {3}), "b"))).item(), 1e-15);
    }

    @Test
    void mismatchedOperandsAreClearErrors() {
        String e = assertThrows(IllegalArgumentException.class, () -> Losses.meanSquaredError(zeros(4, 2), zeros(4, 3))).getMessage();
        assertTrue(e.contains("(4, 2)") && e.contains("(4, 3)"), e);
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Z, array(new int[] {0, 1, 2}))).getMessage().contains("integer labels must have shape (2,)"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Losses.crossEntropy(Z, array(new int[] {0, 3}))).getMessage().contains("labels must lie in 0 … 2"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Losses.huberLoss(Z, T, 0)).getMessage().contains("delta"));
    }
}
