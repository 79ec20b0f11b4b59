package org.braindyn.tensor;

import static org.braindyn.tensor.BM.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

/** Elementwise semantics at special values, checked against closed-form facts (not against the reference). */
class ElementwiseSemanticsTest {
    private static Tensor d(double... v) { return array(v); }

    private static void same(double[] expected, Tensor actual) {
        double[] a = actual.toDoubleArray();
        assertEquals(expected.length, a.length);
        for (int i = 0; i < a.length; i++)
            assertEquals(0, Double.compare(expected[i], a[i]), "element " + i + ": expected " + expected[i] + " got " + a[i]);
    }

    @Test
    void transcendentalSpecialValues() {
        double inf = Double.POSITIVE_INFINITY, nan = Double.NaN;
        same(new double[] {0, inf, 1, nan}, exp(d(-inf, inf, 0, nan)));
        same(new double[] {-inf, -inf, nan, inf, 0}, log(d(0, -0.0, -1, inf, 1)));
        same(new double[] {-0.0, nan, inf}, sqrt(d(-0.0, -1, inf)));
        same(new double[] {1, -1, -0.0}, tanh(d(inf, -inf, -0.0)));
        same(new double[] {0, 1, 0.5}, sigmoid(d(-1000, 1000, 0)));
        same(new double[] {-1, 1, -0.0, nan}, erf(d(-inf, inf, -0.0, nan)));
        assertEquals(1e-20, log1p(d(1e-20)).item(), 0);
        assertEquals(1e-20, expm1(d(1e-20)).item(), 0);
        assertEquals(0.5, rsqrt(d(4)).item(), 0);
    }

    @Test
    void erfMatchesTabulatedValues() {
        double[] x = {0.1, 0.5, 1, 2, 3, 3.5, 5, -0.7};
        double[] ref = {0.1124629160182849, 0.5204998778130465, 0.8427007929497149, 0.9953222650189527,
                0.9999779095030014, 0.9999992569016276, 0.9999999999984626, -0.6778011938374184};
        double[] got = erf(array(x)).toDoubleArray();
        for (int i = 0; i < x.length; i++) assertEquals(ref[i], got[i], 2e-16 * Math.max(1, Math.abs(ref[i])) * 4, "erf(" + x[i] + ")");
    }

    @Test
    void roundingSignAndExtremes() {
        same(new double[] {2, -2, 0, 4}, round(d(2.5, -2.5, 0.4, 3.5)));
        same(new double[] {-3, 2}, floor(d(-2.5, 2.9)));
        same(new double[] {-2, 3}, ceil(d(-2.5, 2.1)));
        same(new double[] {-1, 1, -0.0, 0.0, Double.NaN}, sign(d(-3, 2, -0.0, 0.0, Double.NaN)));
        same(new double[] {Double.NaN, Double.NaN}, maximum(d(Double.NaN, 1), d(1, Double.NaN)));
        same(new double[] {1.0, 3.0}, clip(d(-5, 9), 1, 3));
        assertEquals(array(new int[] {1, -1, 0}), sign(array(new int[] {5, -3, 0})));
    }

    @Test
    void integerDivisionAndRemainderFollowNumpy() {
        Tensor a = array(new int[] {-7, 7, -7, 7, 5}), b = array(new int[] {2, -2, -2, 2, 0});
        assertEquals(array(new int[] {-4, -4, 3, 3, 0}), floorDivide(a, b));
        assertEquals(array(new int[] {1, -1, -1, 1, 0}), remainder(a, b));
        same(new double[] {1.0, -1.0}, remainder(d(-7, 7), d(2, -2)));
        same(new double[] {-4, -4}, floorDivide(d(-7, 7), d(2, -2)));
        assertEquals(array(new int[] {8, 1, 0}), power(array(new int[] {2, 1, 2}), array(new int[] {3, -5, -1})));
    }

    @Test
    void logicAndComparisonsWithNaN() {
        Tensor x = d(Double.NaN, 1, 2);
        assertEquals(array(new boolean[] {false, false, true}), x.gt(1));
        assertEquals(array(new boolean[] {true, true, false}), x.ne(2));
        assertEquals(array(new boolean[] {true, false, false}), isnan(x));
        assertEquals(array(new boolean[] {false, true, false, false}), isfinite(d(Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        assertEquals(array(new boolean[] {false, false, true, true}), isinf(d(Double.NaN, 3, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY)));
        Tensor p = array(new boolean[] {true, true, false, false}), q = array(new boolean[] {true, false, true, false});
        assertEquals(array(new boolean[] {true, false, false, false}), logicalAnd(p, q));
        assertEquals(array(new boolean[] {true, true, true, false}), logicalOr(p, q));
        assertEquals(array(new boolean[] {false, true, true, false}), logicalXor(p, q));
        assertEquals(array(new boolean[] {false, false, true, true}), logicalNot(p));
        assertEquals(array(new int[] {-1, -6}), invert(array(new int[] {0, 5})));
        assertEquals(array(new int[] {6, 0}), bitwiseAnd(array(new int[] {7, 8}), array(new int[] {6, 7})));
    }

    @Test
    void whereBroadcastsAndPromotes() {
        Tensor c = array(new boolean[] {true, false, true});
        assertEquals(array(new float[] {0, 9, 2}), where(c, arange(3), full(new int[] {1}, 9)));
        assertEquals(DType.F32, where(c, arange(3), ones(3)).dtype());
        assertEquals(Shape.of(2, 3), where(c, zeros(2, 1), ones(3)).shape());
    }

    @Test
    void castsTruncateAndTruthTest() {
        assertEquals(array(new int[] {1, -1, 0, 0}), array(new float[] {1.9f, -1.9f, 0.4f, Float.NaN}).astype(DType.I32));
        assertEquals(array(new boolean[] {true, false, true}), array(new float[] {-0.1f, 0f, Float.NaN}).astype(DType.BOOL));
        assertEquals(DType.F64, array(new float[] {1}).astype(DType.F64).dtype());
        assertTrue(allclose(array(new float[] {1f, 2f}), array(new double[] {1.000001, 2})));
        assertFalse(allclose(array(new float[] {1f, Float.NaN}), array(new double[] {1, Double.NaN})));
    }
}
