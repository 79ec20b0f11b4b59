package org.braindyn.ops;

/**
 * The float32 transcendental functions of every float32 path — eager kernels, the scalar loops of compiled kernels
 * and, lane by lane with the same operations, their SIMD loops ({@code org.braindyn.ops.internal.VectorMath}) — so
 * that all of them agree bit for bit while the SIMD forms stay vectorised. Written in float arithmetic with fused
 * multiply-adds only (no table, no double), because widening float vectors to double ones is not compiled to
 * machine instructions by every JDK.
 *
 * <p>The exponential reduces {@code x = k·ln 2 + r} with {@code k = rint(x·log₂e)} (the rounding done by adding
 * 1.5·2²³) and {@code |r| ≤ ln 2 / 2} (Cody–Waite, two fused multiply-adds), evaluates {@code q = eʳ − 1 = r·P(r)} by
 * its Taylor polynomial to degree 8 (truncation below 7·10⁻¹⁰ relative), and scales by {@code 2ᵏ} built from its
 * bits (in two factors, so that results down to the subnormals and up to the largest float come out right).
 * Accuracy against the correctly rounded value, measured on every 97th float of each range ({@code FloatMathTest}):
 * {@code exp} within 1.08 ulp, {@code expm1} 1.82, {@code logistic} 2.26, {@code tanh} 2.54 (the double functions
 * rounded to float, which BrainDyn used before, are within 0.5 ulp, and run scalar).
 */
public final class FloatMath {
    private FloatMath() {}

    /** 1.5·2²³: adding it to a float of magnitude below 2²² rounds it to an integer, held in the low mantissa bits. */
    public static final float SHIFTER = 12582912f;
    /** The bits of {@link #SHIFTER}. */
    public static final int SHIFTER_BITS = Float.floatToRawIntBits(SHIFTER);
    /** log₂e, and ln 2 as a head with 16 significant bits and a positive tail (so that {@code r} keeps the sign of a zero {@code x}). */
    public static final float LOG2E = 1.44269504f, LN2_HI = 0.693145751953125f, LN2_LO = 1.428606765330187045e-6f;
    /** {@code 1/(n+1)!} for n = 7 … 1: the polynomial {@code P(r) = 1 + r/2 + r²/6 + …} in Horner order. */
    public static final float[] P = {1f / 40320f, 1f / 5040f, 1f / 720f, 1f / 120f, 1f / 24f, 1f / 6f, 0.5f};
    /** Clamps of the arguments: below {@code EXP_MIN} every {@code eˣ} rounds to 0, above {@code EXP_MAX} to +∞; below {@code EXPM1_MIN} {@code eˣ − 1} rounds to −1. */
    public static final float EXP_MIN = -104f, EXP_MAX = 88.8f, EXPM1_MIN = -30f;

    /** {@code eˣ}; NaN stays NaN, ±∞ give +∞ and 0. */
    public static float exp(float x) {
        float xc = Math.min(Math.max(x, EXP_MIN), EXP_MAX);
        float t = Math.fma(xc, LOG2E, SHIFTER), k = t - SHIFTER;
        float q = q(reduce(xc, k));
        int ki = Float.floatToRawIntBits(t) - SHIFTER_BITS, k1 = ki >> 1;
        float s1 = pow2(k1), s2 = pow2(ki - k1);
        return Math.fma(s1, q, s1) * s2;
    }

    /** {@code eˣ − 1}, accurate near 0 (the sign of zero kept); NaN stays NaN, ±∞ give +∞ and −1. */
    public static float expm1(float x) {
        float xc = Math.min(Math.max(x, EXPM1_MIN), EXP_MAX);
        float t = Math.fma(xc, LOG2E, SHIFTER), k = t - SHIFTER;
        float q = q(reduce(xc, k));
        int ki = Float.floatToRawIntBits(t) - SHIFTER_BITS, kc = Math.min(ki, 127);
        float s = pow2(kc);                                      // 2^128 is not a float: the last factor 2 comes after
        float y = Math.fma(s, q, s - 1f) * pow2(ki - kc);
        return k == 0f ? q : y;
    }

    /** {@code 1 / (1 + e⁻ˣ)}, without overflow for either sign. */
    public static float logistic(float x) {
        float e = exp(-Math.abs(x));
        return (x < 0f ? e : 1f) / (1f + e);
    }

    /** {@code tanh x = −t / (t + 2)} with {@code t = eˣᵖᵐ¹(−2|x|)}, and the sign of {@code x}. */
    public static float tanh(float x) {
        float t = expm1(-2f * Math.abs(x));
        float th = -t / (t + 2f);
        return Float.intBitsToFloat(Float.floatToRawIntBits(th) | (Float.floatToRawIntBits(x) & 0x80000000));
    }

    /** {@code r = x − k·ln 2}. */
    private static float reduce(float x, float k) { return Math.fma(-k, LN2_LO, Math.fma(-k, LN2_HI, x)); }

    /** {@code eʳ − 1 = r·P(r)} for |r| ≤ ln 2 / 2 (a product, so that −0 stays −0). */
    private static float q(float r) {
        float p = P[0];
        for (int i = 1; i < P.length; i++) p = Math.fma(p, r, P[i]);
        return r * Math.fma(p, r, 1f);
    }

    /** {@code 2ᵏ} for −126 ≤ k ≤ 127. */
    private static float pow2(int k) { return Float.intBitsToFloat((k + 127) << 23); }
}
