package org.braindyn.ops.internal;

import static org.braindyn.ops.FloatMath.EXPM1_MIN;
import static org.braindyn.ops.FloatMath.EXP_MAX;
import static org.braindyn.ops.FloatMath.EXP_MIN;
import static org.braindyn.ops.FloatMath.LN2_HI;
import static org.braindyn.ops.FloatMath.LN2_LO;
import static org.braindyn.ops.FloatMath.LOG2E;
import static org.braindyn.ops.FloatMath.P;
import static org.braindyn.ops.FloatMath.SHIFTER;
import static org.braindyn.ops.FloatMath.SHIFTER_BITS;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.braindyn.ops.FloatMath;

/**
 * The SIMD twins of {@link FloatMath}: the same float operations in the same order on every lane (fused
 * multiply-adds, min/max clamps, integer bit arithmetic for the powers of two), so each lane equals the scalar
 * function bit for bit. Used by the eager float32 kernels and by the SIMD loops of compiled kernels; everything
 * stays in one vector shape, so the JIT compiles it to vector instructions.
 */
public final class VectorMath {
    private VectorMath() {}

    /** The species of every float vector here (and of the compiled kernels). */
    public static final VectorSpecies<Float> F = FloatVector.SPECIES_PREFERRED;

    /** {@link FloatMath#exp} on every lane. */
    public static FloatVector exp(FloatVector x) {
        FloatVector xc = x.max(EXP_MIN).min(EXP_MAX);
        FloatVector t = xc.fma(LOG2E, SHIFTER), k = t.sub(SHIFTER);
        FloatVector q = q(reduce(xc, k));
        IntVector ki = t.reinterpretAsInts().sub(SHIFTER_BITS), k1 = ki.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = pow2(k1), s2 = pow2(ki.sub(k1));
        return s1.fma(q, s1).mul(s2);
    }

    /** {@link FloatMath#expm1} on every lane. */
    public static FloatVector expm1(FloatVector x) {
        FloatVector xc = x.max(EXPM1_MIN).min(EXP_MAX);
        FloatVector t = xc.fma(LOG2E, SHIFTER), k = t.sub(SHIFTER);
        FloatVector q = q(reduce(xc, k));
        IntVector ki = t.reinterpretAsInts().sub(SHIFTER_BITS), kc = ki.min(127);
        FloatVector s = pow2(kc);
        FloatVector y = s.fma(q, s.sub(1f)).mul(pow2(ki.sub(kc)));
        return y.blend(q, k.compare(VectorOperators.EQ, 0f));
    }

    /** {@link FloatMath#logistic} on every lane. */
    public static FloatVector logistic(FloatVector x) {
        FloatVector e = exp(x.abs().neg());
        FloatVector num = FloatVector.broadcast(F, 1f).blend(e, x.compare(VectorOperators.LT, 0f));
        return num.div(e.add(1f));
    }

    /** {@link FloatMath#tanh} on every lane. */
    public static FloatVector tanh(FloatVector x) {
        FloatVector t = expm1(x.abs().mul(-2f));
        FloatVector th = t.neg().div(t.add(2f));
        return th.reinterpretAsInts().or(x.reinterpretAsInts().and(0x80000000)).reinterpretAsFloats();
    }

    private static FloatVector reduce(FloatVector x, FloatVector k) {
        FloatVector nk = k.neg();
        return nk.fma(c(LN2_LO), nk.fma(c(LN2_HI), x));
    }

    private static FloatVector q(FloatVector r) {
        FloatVector p = FloatVector.broadcast(F, P[0]);
        for (int i = 1; i < P.length; i++) p = p.fma(r, c(P[i]));
        return r.mul(p.fma(r, c(1f)));
    }

    private static FloatVector c(float v) { return FloatVector.broadcast(F, v); }

    private static FloatVector pow2(IntVector k) { return k.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats(); }
}
