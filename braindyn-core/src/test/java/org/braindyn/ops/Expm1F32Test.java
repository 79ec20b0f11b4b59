package org.braindyn.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link Scalar#expm1F32}: within one float32 ulp of the correctly computed {@code expm1}, and exact at the edges. */
class Expm1F32Test {
    private static void close(float x) {
        float want = (float) Math.expm1(x), got = Scalar.expm1F32(x);
        if (Float.isNaN(want)) { assertTrue(Float.isNaN(got), "x = " + x); return; }
        if (Float.isInfinite(want)) { assertEquals(want, got, "x = " + x); return; }
        assertTrue(Math.abs(got - want) <= Math.ulp(want), "x = " + x + ": " + got + " vs " + want);
    }

    @Test
    void withinOneUlpOverEveryMagnitude() {
        SplittableRandom r = new SplittableRandom(3);
        int same = 0, n = 400_000;
        for (int k = 0; k < n; k++) {
            float x = (float) ((r.nextBoolean() ? 1 : -1) * Math.pow(10, -12 + 14 * r.nextDouble()));   // 1e-12 … 1e2
            close(x);
            if (Scalar.expm1F32(x) == (float) Math.expm1(x)) same++;
        }
        assertTrue(same > 0.999 * n, "bit-identical to (float) Math.expm1 for " + same + " of " + n);
        for (float x = -1e-4f; x <= 1e-4f; x += 1.7e-7f) close(x);                                    // around the switch at 1e-5
    }

    @Test
    void edges() {
        assertEquals(0f, Scalar.expm1F32(0f));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(Scalar.expm1F32(-0f)));
        assertEquals(-1f, Scalar.expm1F32(Float.NEGATIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, Scalar.expm1F32(Float.POSITIVE_INFINITY));
        assertEquals(Float.POSITIVE_INFINITY, Scalar.expm1F32(100f));
        assertEquals(-1f, Scalar.expm1F32(-100f));
        assertTrue(Float.isNaN(Scalar.expm1F32(Float.NaN)));
        close(Float.MIN_VALUE);
        close(-Float.MIN_VALUE);
        close(88.7f);
    }
}
