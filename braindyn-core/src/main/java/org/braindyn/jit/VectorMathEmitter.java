package org.braindyn.jit;

import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static org.braindyn.ops.FloatMath.EXPM1_MIN;
import static org.braindyn.ops.FloatMath.EXP_MAX;
import static org.braindyn.ops.FloatMath.EXP_MIN;
import static org.braindyn.ops.FloatMath.LN2_HI;
import static org.braindyn.ops.FloatMath.LN2_LO;
import static org.braindyn.ops.FloatMath.LOG2E;
import static org.braindyn.ops.FloatMath.P;
import static org.braindyn.ops.FloatMath.SHIFTER;
import static org.braindyn.ops.FloatMath.SHIFTER_BITS;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import org.braindyn.ops.Op;

/**
 * Writes {@code org.braindyn.ops.internal.VectorMath}'s functions straight into a SIMD kernel's bytecode, operation for
 * operation (the same Vector API calls in the same order, so the same bits as {@code FloatMath}). A call to
 * {@code VectorMath.exp} from a large kernel is not always inlined — HotSpot stops inlining ordinary methods once a
 * compilation has taken in about 8,000 bytecodes, and the Vector API's own methods are big — and a vector that
 * crosses a call that is not inlined loses its machine form: every operation then runs the Vector API's Java
 * fallback (measured: 4–12 ns per element instead of 0.5). Emitted inline, only the Vector API's force-inlined
 * methods are called.
 */
final class VectorMathEmitter {
    private static final ClassDesc FV = VectorEmitter.FV, VEC = VectorEmitter.VEC, MASK = VectorEmitter.MASK,
            SPECIES = VectorEmitter.SPECIES, OPS = VectorEmitter.OPS, CMP = VectorEmitter.CMP;
    private static final ClassDesc IV = ClassDesc.of("jdk.incubator.vector.IntVector");
    private static final ClassDesc BINARY = ClassDesc.of("jdk.incubator.vector.VectorOperators$Binary");

    private final CodeBuilder c;
    private final int sp;

    private VectorMathEmitter(CodeBuilder c, int speciesLocal) { this.c = c; this.sp = speciesLocal; }

    /** Emits {@code op} of the float vector in local {@code x}; leaves the result on the stack. */
    static void emit(CodeBuilder c, int speciesLocal, Op op, int x) {
        VectorMathEmitter e = new VectorMathEmitter(c, speciesLocal);
        switch (op) {
            case EXP -> e.exp(x);
            case EXPM1 -> e.expm1(x);
            case TANH -> e.tanh(x);
            case LOGISTIC -> e.logistic(x);
            default -> throw new IllegalArgumentException("VectorMathEmitter: no vector form of " + op);
        }
    }

    // exp: xc = x.max(MIN).min(MAX); t = xc.fma(LOG2E, SHIFTER); k = t - SHIFTER; q = q(reduce(xc, k));
    //      ki = bits(t) - SHIFTER_BITS; k1 = ki >> 1; s1 = pow2(k1); s2 = pow2(ki - k1); s1.fma(q, s1) * s2
    private void exp(int x) {
        int xc = clamp(x, EXP_MIN);
        int t = store(() -> { c.aload(xc); c.loadConstant(LOG2E); c.loadConstant(SHIFTER); fv("fma", FV, CD_float, CD_float); });
        int q = q(t, xc);
        int ki = bitsMinusShifter(t);
        int k1 = store(() -> { c.aload(ki); c.getstatic(OPS, "ASHR", BINARY); c.loadConstant(1); iv("lanewise", IV, BINARY, CD_int); });
        int s1 = store(() -> pow2(k1));
        int s2 = store(() -> { c.aload(ki); c.aload(k1); iv("sub", IV, VEC); pow2Top(); });
        c.aload(s1); c.aload(q); c.aload(s1); fv("fma", FV, VEC, VEC);
        c.aload(s2); fv("mul", FV, VEC);
    }

    // expm1: as exp to q and ki; kc = ki.min(127); s = pow2(kc); y = s.fma(q, s - 1) * pow2(ki - kc); k == 0 ? q : y
    private void expm1(int x) {
        int xc = clamp(x, EXPM1_MIN);
        int t = store(() -> { c.aload(xc); c.loadConstant(LOG2E); c.loadConstant(SHIFTER); fv("fma", FV, CD_float, CD_float); });
        int k = store(() -> { c.aload(t); c.loadConstant(SHIFTER); fv("sub", FV, CD_float); });
        int q = qOf(xc, k);
        int ki = bitsMinusShifter(t);
        int kc = store(() -> { c.aload(ki); c.loadConstant(127); iv("min", IV, CD_int); });
        int s = store(() -> pow2(kc));
        c.aload(s); c.aload(q); c.aload(s); c.loadConstant(1f); fv("sub", FV, CD_float); fv("fma", FV, VEC, VEC);
        c.aload(ki); c.aload(kc); iv("sub", IV, VEC); pow2Top();
        fv("mul", FV, VEC);
        c.aload(q);
        c.aload(k); c.getstatic(OPS, "EQ", CMP); c.loadConstant(0f); c.invokevirtual(FV, "compare", MethodTypeDesc.of(MASK, CMP, CD_float));
        fv("blend", FV, VEC, MASK);
    }

    // logistic: e = exp(-|x|); (x < 0 ? e : 1) / (e + 1)
    private void logistic(int x) {
        int na = store(() -> { c.aload(x); fv("abs", FV); fv("neg", FV); });
        int e = store(() -> exp(na));
        broadcast(1f);
        c.aload(e);
        c.aload(x); c.getstatic(OPS, "LT", CMP); c.loadConstant(0f); c.invokevirtual(FV, "compare", MethodTypeDesc.of(MASK, CMP, CD_float));
        fv("blend", FV, VEC, MASK);
        c.aload(e); c.loadConstant(1f); fv("add", FV, CD_float);
        fv("div", FV, VEC);
    }

    // tanh: t = expm1(|x| * -2); th = -t / (t + 2); bits(th) | (bits(x) & sign)
    private void tanh(int x) {
        int m = store(() -> { c.aload(x); fv("abs", FV); c.loadConstant(-2f); fv("mul", FV, CD_float); });
        int t = store(() -> expm1(m));
        c.aload(t); fv("neg", FV); c.aload(t); c.loadConstant(2f); fv("add", FV, CD_float); fv("div", FV, VEC);
        c.invokevirtual(FV, "reinterpretAsInts", MethodTypeDesc.of(IV));
        c.aload(x); c.invokevirtual(FV, "reinterpretAsInts", MethodTypeDesc.of(IV));
        c.loadConstant(0x80000000); iv("and", IV, CD_int);
        iv("or", IV, VEC);
        c.invokevirtual(IV, "reinterpretAsFloats", MethodTypeDesc.of(FV));
    }

    private int clamp(int x, float min) {
        return store(() -> { c.aload(x); c.loadConstant(min); fv("max", FV, CD_float); c.loadConstant(EXP_MAX); fv("min", FV, CD_float); });
    }

    /** q(reduce(xc, t − SHIFTER)). */
    private int q(int t, int xc) {
        int k = store(() -> { c.aload(t); c.loadConstant(SHIFTER); fv("sub", FV, CD_float); });
        return qOf(xc, k);
    }

    // r = nk.fma(LN2_LO, nk.fma(LN2_HI, x)); p = P0; p = p.fma(r, Pi); q = r * p.fma(r, 1)
    private int qOf(int xc, int k) {
        int nk = store(() -> { c.aload(k); fv("neg", FV); });
        int r = store(() -> {
            c.aload(nk); broadcast(LN2_LO);
            c.aload(nk); broadcast(LN2_HI); c.aload(xc); fv("fma", FV, VEC, VEC);
            fv("fma", FV, VEC, VEC);
        });
        return store(() -> {
            c.aload(r);
            broadcast(P[0]);
            for (int i = 1; i < P.length; i++) { c.aload(r); broadcast(P[i]); fv("fma", FV, VEC, VEC); }
            c.aload(r); broadcast(1f); fv("fma", FV, VEC, VEC);
            fv("mul", FV, VEC);
        });
    }

    private int bitsMinusShifter(int t) {
        return store(() -> { c.aload(t); c.invokevirtual(FV, "reinterpretAsInts", MethodTypeDesc.of(IV)); c.loadConstant(SHIFTER_BITS); iv("sub", IV, CD_int); });
    }

    private void pow2(int k) { c.aload(k); pow2Top(); }

    /** {@code ((k + 127) << 23)} as floats, of the int vector on the stack. */
    private void pow2Top() {
        c.loadConstant(127); iv("add", IV, CD_int);
        c.getstatic(OPS, "LSHL", BINARY); c.loadConstant(23); iv("lanewise", IV, BINARY, CD_int);
        c.invokevirtual(IV, "reinterpretAsFloats", MethodTypeDesc.of(FV));
    }

    private void broadcast(float v) {
        c.aload(sp); c.loadConstant(v);
        c.invokestatic(FV, "broadcast", MethodTypeDesc.of(FV, SPECIES, CD_float));
    }

    private void fv(String name, ClassDesc ret, ClassDesc... args) { c.invokevirtual(FV, name, MethodTypeDesc.of(ret, args)); }

    private void iv(String name, ClassDesc ret, ClassDesc... args) { c.invokevirtual(IV, name, MethodTypeDesc.of(ret, args)); }

    private int store(Runnable pushValue) {
        pushValue.run();
        int l = c.allocateLocal(TypeKind.REFERENCE);
        c.astore(l);
        return l;
    }
}
