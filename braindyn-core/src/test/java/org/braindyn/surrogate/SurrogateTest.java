package org.braindyn.surrogate;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.braindyn.autodiff.Autodiff;
import org.braindyn.autodiff.GradCheck;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every surrogate: forward is exactly Heaviside; backward equals its formula (written here in plain doubles) at 41 points. */
class SurrogateTest {
    static double sig(double x) { return 1 / (1 + Math.exp(-x)); }

    static double n(double x, double mu, double sd) { return Math.exp(-(x - mu) * (x - mu) / (2 * sd * sd)) / (Math.sqrt(2 * Math.PI) * sd); }

    static Stream<Arguments> surrogates() {
        return Stream.of(
            Arguments.of(new Sigmoid(), (DoubleUnaryOperator) x -> 4 * sig(4 * x) * (1 - sig(4 * x))),
            Arguments.of(new Sigmoid(2), (DoubleUnaryOperator) x -> 2 * sig(2 * x) * (1 - sig(2 * x))),
            Arguments.of(new PiecewiseQuadratic(), (DoubleUnaryOperator) x -> Math.abs(x) > 1 ? 0 : 1 - Math.abs(x)),
            Arguments.of(new PiecewiseQuadratic(2), (DoubleUnaryOperator) x -> Math.abs(x) > 0.5 ? 0 : 2 - 4 * Math.abs(x)),
            Arguments.of(new PiecewiseExp(), (DoubleUnaryOperator) x -> 0.5 * Math.exp(-Math.abs(x))),
            Arguments.of(new SoftSign(), (DoubleUnaryOperator) x -> 0.5 / Math.pow(1 + Math.abs(x), 2)),
            Arguments.of(new Arctan(), (DoubleUnaryOperator) x -> 0.5 / (1 + Math.pow(Math.PI / 2 * x, 2))),
            Arguments.of(new NonzeroSignLog(), (DoubleUnaryOperator) x -> 1 / (1 + Math.abs(x))),
            Arguments.of(new Erf(), (DoubleUnaryOperator) x -> Math.exp(-x * x) / Math.sqrt(Math.PI)),
            Arguments.of(new PiecewiseLeakyRelu(), (DoubleUnaryOperator) x -> Math.abs(x) <= 1 ? 1 : 0.01),
            Arguments.of(new SquarewaveFourierSeries(), (DoubleUnaryOperator) x -> 0.5 * Math.cos(Math.PI / 4 * x)),
            Arguments.of(new SquarewaveFourierSeries(4, 8), (DoubleUnaryOperator) x -> 0.5 * (Math.cos(Math.PI / 4 * x) + Math.cos(3 * Math.PI / 4 * x) + Math.cos(5 * Math.PI / 4 * x))),
            Arguments.of(new S2NN(), (DoubleUnaryOperator) x -> x < 0 ? 4 * sig(4 * x) * (1 - sig(4 * x)) : 1 / (x + 1)),
            Arguments.of(new QPseudoSpike(), (DoubleUnaryOperator) x -> Math.pow(1 + 2 * Math.abs(x), -2)),
            Arguments.of(new LeakyRelu(), (DoubleUnaryOperator) x -> x < 0 ? 0.1 : 1),
            Arguments.of(new LogTailedRelu(), (DoubleUnaryOperator) x -> x > 1 ? 1 / x : x > 0 ? 1 : 0),
            Arguments.of(new ReluGrad(), (DoubleUnaryOperator) x -> Math.max(0.3 * (1 - Math.abs(x)), 0)),
            Arguments.of(new GaussianGrad(), (DoubleUnaryOperator) x -> 0.5 * n(x, 0, 0.5)),
            Arguments.of(new InvSquareGrad(), (DoubleUnaryOperator) x -> 1 / Math.pow(100 * Math.abs(x) + 1, 2)),
            Arguments.of(new MultiGaussianGrad(), (DoubleUnaryOperator) x -> 0.5 * (1.15 * n(x, 0, 0.5) - 0.15 * n(x, 0.5, 3) - 0.15 * n(x, -0.5, 3))),
            Arguments.of(new SlayerGrad(), (DoubleUnaryOperator) x -> Math.exp(-Math.abs(x))));
    }

    static final double[] XS = java.util.stream.IntStream.rangeClosed(-20, 20).mapToDouble(i -> i * 0.1537).toArray();

    @ParameterizedTest(name = "{0}")
    @MethodSource("surrogates")
    void forwardIsHeavisideAndBackwardIsTheFormula(Surrogate s, DoubleUnaryOperator formula) {
        Tensor x = array(XS);
        Tensor y = s.apply(x);
        assertEquals(DType.F64, y.dtype());
        for (int i = 0; i < XS.length; i++) assertEquals(XS[i] >= 0 ? 1.0 : 0.0, y.getDouble(i), 0, s + " forward at " + XS[i]);
        assertEquals(1.0, s.apply(array(new double[] {-0.0})).item(), 0, "H(-0) = 1 as x >= 0");
        Tensor g = Autodiff.vectorGrad(a -> s.apply(a[0])).apply(x).grad();
        for (int i = 0; i < XS.length; i++)
            assertEquals(formula.applyAsDouble(XS[i]), g.getDouble(i), 1e-12 * Math.max(1, Math.abs(g.getDouble(i))), s + " backward at " + XS[i]);
        Tensor w = array(new double[] {0.3, -1.2, 2});
        Tensor gw = Autodiff.grad(a -> sum(s.apply(a[0]).mul(w))).apply(x.get("18:21")).grad();
        for (int i = 0; i < 3; i++) assertEquals(w.getDouble(i) * formula.applyAsDouble(XS[18 + i]), gw.getDouble(i), 1e-12, "chain rule");
    }

    @Test
    void surrogateDerivativesAreThemselvesDifferentiable() {
        for (Surrogate s : new Surrogate[] {new Sigmoid(), new Arctan(), new SlayerGrad(), new GaussianGrad(), new MultiGaussianGrad()}) {
            GradCheck.Report r = GradCheck.check(a -> s.grad(a[0]), new Tensor[] {array(new double[] {-0.7, 0.2, 1.3})}, 2, GradCheck.Mode.REVERSE, GradCheck.Mode.FORWARD);
            assertTrue(r.maxRelError() < 1e-6, s + " " + r);
        }
    }

    @Test
    void lifUnrolledThreeStepsMatchesHandDerivation() {
        // V_{t+1} = a·V_t + w·x_t − s_t·θ (soft reset), s_t = H(V_t − θ) with surrogate ReluGrad(α=0.3, width=1) on (V−θ)/θ
        double a = 0.9, theta = 1.0, x0 = 0.8, x1 = 0.5, x2 = 0.7, w0 = 1.4;
        Surrogate spk = new ReluGrad();
        Autodiff.Fn loss = p -> {
            Tensor w = p[0], v = scalar(0, DType.F64), total = scalar(0, DType.F64);
            for (double x : new double[] {x0, x1, x2}) {
                v = v.mul(a).add(w.mul(x));
                Tensor s = spk.apply(v.sub(theta).div(theta));
                total = total.add(s);
                v = v.sub(s.mul(theta));
            }
            return total;
        };
        // hand derivation: V1 = w·x0 = 1.12 → s1 = 1, V1' = 0.12; V2 = 0.9·0.12 + 0.5w = 0.808 → s2 = 0;
        // V3 = 0.9·0.808 + 0.7w = 1.7072 → s3 = 1. Surrogate slopes σ(u) = 0.3·max(1 − |u|, 0), u = (V − θ)/θ.
        double v1 = w0 * x0, s1 = 1, v1r = v1 - s1 * theta, v2 = a * v1r + w0 * x1, v2r = v2, v3 = a * v2r + w0 * x2;
        double sg1 = 0.3 * Math.max(1 - Math.abs(v1 - theta), 0), sg2 = 0.3 * Math.max(1 - Math.abs(v2 - theta), 0), sg3 = 0.3 * Math.max(1 - Math.abs(v3 - theta), 0);
        double dv1 = x0;                                   // dV1/dw
        double ds1 = sg1 * dv1;                            // dS1/dw
        double dv1r = dv1 - theta * ds1;
        double dv2 = a * dv1r + x1;
        double ds2 = sg2 * dv2;
        double dv2r = dv2 - theta * ds2;
        double dv3 = a * dv2r + x2;
        double ds3 = sg3 * dv3;
        double want = ds1 + ds2 + ds3;
        Autodiff.Result r = Autodiff.grad(loss).returnValue(true).apply(scalar(w0, DType.F64));
        assertEquals(2.0, r.value().item(), 0, "two spikes (steps 1 and 3)");
        assertEquals(want, r.grad().item(), 1e-14);
        assertEquals(0.3 * (1 - 0.12) * 0.8 + 0.3 * (1 - 0.192) * (0.9 * (0.8 - 0.3 * 0.88 * 0.8) + 0.5) + 0.0, ds1 + ds2, 1e-12, "hand arithmetic of the first two steps");
    }
}
