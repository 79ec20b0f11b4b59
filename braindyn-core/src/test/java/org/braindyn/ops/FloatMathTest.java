package org.braindyn.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import jdk.incubator.vector.FloatVector;
import org.braindyn.ops.internal.VectorMath;
import org.junit.jupiter.api.Test;

/**
 * {@link FloatMath}: the accuracy its Javadoc states, measured against the double functions rounded to float over a
 * dense sweep of each range, the special values, and {@link VectorMath}'s lanes equal to the scalar results bit for
 * bit (what lets compiled SIMD loops, their scalar tails and the eager kernels agree).
 */
class FloatMathTest {
    /** Every float32 step of {@code stride} ulps from {@code lo} to {@code hi}: the largest error in ulps of the result. */
    private static double maxUlp(UnaryOperator<Float> f, DoubleUnaryOperator exact, float lo, float hi, int stride) {
        double worst = 0;
        for (float x = lo; x < hi; x = Float.intBitsToFloat(Float.floatToRawIntBits(x) + (x >= 0 ? stride : -stride))) {
            if (x == 0f) x = Float.MIN_VALUE;
            double want = exact.applyAsDouble(x);
            float got = f.apply(x), w = (float) want;
            if (Float.isInfinite(w) || w == 0f) { assertEquals(w, got, "at " + x); continue; }
            worst = Math.max(worst, Math.abs(got - want) / Math.ulp(w));
        }
        return worst;
    }

    private static double maxUlp(UnaryOperator<Float> f, DoubleUnaryOperator exact, float lo, float hi) {
        return Math.max(maxUlp(f, exact, lo, Math.min(hi, -0f), 97), maxUlp(f, exact, Math.max(lo, 0f), hi, 97));
    }

    @Test void expWithinOneAndAHalfUlpFromUnderflowToOverflow() {
        double e = maxUlp(FloatMath::exp, Math::exp, -103.9f, 88.72f);
        System.out.println("FloatMath ulp: exp " + e);
        assertTrue(e <= 1.5, "exp: " + e + " ulp");
        assertTrue(FloatMath.exp(-87f) > 0 && FloatMath.exp(-100f) > 0, "subnormal results are kept");
    }

    @Test void expm1WithinTwoUlpAndExactNearZero() {
        double e = maxUlp(FloatMath::expm1, Math::expm1, -40f, 88.72f);
        System.out.println("FloatMath ulp: expm1 " + e);
        assertTrue(e <= 2, "expm1: " + e + " ulp");
        assertEquals(1e-7f, FloatMath.expm1(1e-7f), Math.ulp(1e-7f));
        assertEquals(-1e-30f, FloatMath.expm1(-1e-30f));
    }

    @Test void logisticAndTanhAccuracy() {
        double l = maxUlp(FloatMath::logistic, Scalar::logistic, -100f, 100f);
        double t = maxUlp(FloatMath::tanh, Math::tanh, -20f, 20f);
        System.out.println("FloatMath ulp: logistic " + l + ", tanh " + t);
        assertTrue(l <= 2.5, "logistic: " + l + " ulp");
        assertTrue(t <= 3, "tanh: " + t + " ulp");
    }

    @Test void specialValues() {
        assertEquals(1f, FloatMath.exp(0f));
        assertEquals(1f, FloatMath.exp(-0f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(89f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.exp(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.exp(-105f));
        assertEquals(0f, FloatMath.exp(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FloatMath.expm1(-0f)));
        assertEquals(Float.floatToIntBits(0f), Float.floatToIntBits(FloatMath.expm1(0f)));
        assertEquals(-1f, FloatMath.expm1(Float.NEGATIVE_INFINITY));
        assertEquals(-1f, FloatMath.expm1(-100f));
        assertEquals(Float.POSITIVE_INFINITY, FloatMath.expm1(100f));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(FloatMath.tanh(-0f)));
        assertEquals(1f, FloatMath.tanh(30f));
        assertEquals(-1f, FloatMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(0.5f, FloatMath.logistic(0f));
        assertEquals(1f, FloatMath.logistic(Float.POSITIVE_INFINITY));
        assertEquals(0f, FloatMath.logistic(Float.NEGATIVE_INFINITY));
        for (UnaryOperator<Float> f : new UnaryOperator[]{(UnaryOperator<Float>) FloatMath::exp, (UnaryOperator<Float>) FloatMath::expm1,
                (UnaryOperator<Float>) FloatMath::tanh, (UnaryOperator<Float>) FloatMath::logistic})
            assertTrue(Float.isNaN(f.apply(Float.NaN)));
    }

    @Test void vectorLanesEqualTheScalarFunctionsBitForBit() {
        int n = VectorMath.F.length();
        float[] x = new float[n], y = new float[n];
        java.util.Random rnd = new java.util.Random(7);
        float[] specials = {0f, -0f, Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 88.72f, 88.8f, -103.9f, -104f, -30f,
                1e-30f, -1e-30f, Float.MIN_VALUE, 0.34657359f, -0.34657359f, 1f, -1f, 20f, -20f};
        for (int trial = 0; trial < 40_000; trial++) {
            for (int i = 0; i < n; i++) {
                int pick = trial * n + i;
                x[i] = pick < specials.length ? specials[pick] : switch (trial % 3) {
                    case 0 -> (float) (rnd.nextGaussian() * 3);
                    case 1 -> (float) (rnd.nextDouble() * 200 - 110);
                    default -> Float.intBitsToFloat(rnd.nextInt());
                };
            }
            FloatVector v = FloatVector.fromArray(VectorMath.F, x, 0);
            same(v, x, y, VectorMath.exp(v), FloatMath::exp);
            same(v, x, y, VectorMath.expm1(v), FloatMath::expm1);
            same(v, x, y, VectorMath.tanh(v), FloatMath::tanh);
            same(v, x, y, VectorMath.logistic(v), FloatMath::logistic);
        }
    }

    private static void same(FloatVector v, float[] x, float[] y, FloatVector r, UnaryOperator<Float> f) {
        r.intoArray(y, 0);
        for (int i = 0; i < x.length; i++)
            assertEquals(Float.floatToIntBits(f.apply(x[i])), Float.floatToIntBits(y[i]), "at " + x[i]);
    }
}
