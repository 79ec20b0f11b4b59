package org.braindyn.ops.internal;

import jdk.incubator.vector.FloatVector;
import org.braindyn.ops.FloatMath;
import org.braindyn.ops.Op;
import org.braindyn.ops.Scalar;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * Eager kernels of the elementwise primitives: unary, binary (with broadcasting), select and cast. Inputs are
 * brought to contiguous arrays of the output shape (scalars stay scalars); the loops are then plain indexed loops
 * over primitive arrays, with dedicated loops for the arithmetic that C2 vectorises.
 */
public final class ElementwiseKernels {
    private ElementwiseKernels() {}

    /** Unary primitive. */
    public static Tensor unary(Op op, Tensor x, TensorType out) {
        Tensor c = x.contiguous();
        int n = c.size(), o = c.offset();
        Object dst = Storage.allocate(out.dtype(), n);
        switch (x.dtype()) {
            case F32 -> {
                float[] a = (float[]) c.storage();
                if (out.dtype() == DType.BOOL) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = a[o + i] != a[o + i]; }
                else {
                    float[] r = (float[]) dst;
                    Parallel.forRange(n, Parallel.ELEMENTWISE_THRESHOLD, (lo, hi) -> unaryF32(op, a, o, r, lo, hi));
                }
            }
            case F64 -> {
                double[] a = (double[]) c.storage();
                if (out.dtype() == DType.BOOL) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = a[o + i] != a[o + i]; }
                else {
                    double[] r = (double[]) dst;
                    Parallel.forRange(n, Parallel.ELEMENTWISE_THRESHOLD, (lo, hi) -> unaryF64(op, a, o, r, lo, hi));
                }
            }
            case I32 -> { int[] a = (int[]) c.storage(), r = (int[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.unaryInt(op, a[o + i]); }
            case BOOL -> { boolean[] a = (boolean[]) c.storage(), r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = !a[o + i]; }
        }
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    private static void unaryF32(Op op, float[] a, int o, float[] r, int lo, int hi) {
        switch (op) {
            case NEG -> { for (int i = lo; i < hi; i++) r[i] = -a[o + i]; }
            case ABS -> { for (int i = lo; i < hi; i++) r[i] = Math.abs(a[o + i]); }
            case SQRT -> { for (int i = lo; i < hi; i++) r[i] = (float) Math.sqrt(a[o + i]); }
            case EXP, EXPM1, TANH, LOGISTIC -> transcendentalF32(op, a, o, r, lo, hi);
            case LOG -> { for (int i = lo; i < hi; i++) r[i] = (float) Math.log(a[o + i]); }
            case LOG1P -> { for (int i = lo; i < hi; i++) r[i] = (float) Math.log1p(a[o + i]); }
            default -> { for (int i = lo; i < hi; i++) r[i] = (float) Scalar.unary(op, a[o + i]); }
        }
    }

    /**
     * {@link FloatMath}'s functions: SIMD over whole vectors ({@link VectorMath}, the same bits), then the tail. One loop
     * method per function, so that each compiles with its one {@code VectorMath} call inlined (a vector passed to a call
     * that is not inlined runs the Vector API's slow Java fallback).
     */
    private static void transcendentalF32(Op op, float[] a, int o, float[] r, int lo, int hi) {
        int end = switch (op) {
            case EXP -> expLoop(a, o, r, lo, hi);
            case EXPM1 -> expm1Loop(a, o, r, lo, hi);
            case TANH -> tanhLoop(a, o, r, lo, hi);
            default -> logisticLoop(a, o, r, lo, hi);
        };
        for (int i = end; i < hi; i++) {
            float x = a[o + i];
            r[i] = switch (op) {
                case EXP -> FloatMath.exp(x);
                case EXPM1 -> FloatMath.expm1(x);
                case TANH -> FloatMath.tanh(x);
                default -> FloatMath.logistic(x);
            };
        }
    }

    private static int expLoop(float[] a, int o, float[] r, int lo, int hi) {
        int i = lo, n = VectorMath.F.length();
        for (int upper = lo + VectorMath.F.loopBound(hi - lo); i < upper; i += n) VectorMath.exp(FloatVector.fromArray(VectorMath.F, a, o + i)).intoArray(r, i);
        return i;
    }

    private static int expm1Loop(float[] a, int o, float[] r, int lo, int hi) {
        int i = lo, n = VectorMath.F.length();
        for (int upper = lo + VectorMath.F.loopBound(hi - lo); i < upper; i += n) VectorMath.expm1(FloatVector.fromArray(VectorMath.F, a, o + i)).intoArray(r, i);
        return i;
    }

    private static int tanhLoop(float[] a, int o, float[] r, int lo, int hi) {
        int i = lo, n = VectorMath.F.length();
        for (int upper = lo + VectorMath.F.loopBound(hi - lo); i < upper; i += n) VectorMath.tanh(FloatVector.fromArray(VectorMath.F, a, o + i)).intoArray(r, i);
        return i;
    }

    private static int logisticLoop(float[] a, int o, float[] r, int lo, int hi) {
        int i = lo, n = VectorMath.F.length();
        for (int upper = lo + VectorMath.F.loopBound(hi - lo); i < upper; i += n) VectorMath.logistic(FloatVector.fromArray(VectorMath.F, a, o + i)).intoArray(r, i);
        return i;
    }

    private static void unaryF64(Op op, double[] a, int o, double[] r, int lo, int hi) {
        switch (op) {
            case NEG -> { for (int i = lo; i < hi; i++) r[i] = -a[o + i]; }
            case ABS -> { for (int i = lo; i < hi; i++) r[i] = Math.abs(a[o + i]); }
            case SQRT -> { for (int i = lo; i < hi; i++) r[i] = Math.sqrt(a[o + i]); }
            case EXP -> { for (int i = lo; i < hi; i++) r[i] = Math.exp(a[o + i]); }
            case TANH -> { for (int i = lo; i < hi; i++) r[i] = Math.tanh(a[o + i]); }
            case LOGISTIC -> { for (int i = lo; i < hi; i++) r[i] = Scalar.logistic(a[o + i]); }
            case LOG -> { for (int i = lo; i < hi; i++) r[i] = Math.log(a[o + i]); }
            default -> { for (int i = lo; i < hi; i++) r[i] = Scalar.unary(op, a[o + i]); }
        }
    }

    /** Binary primitive with NumPy broadcasting; comparisons give BOOL. */
    public static Tensor binary(Op op, Tensor x, Tensor y, TensorType out) {
        Shape s = out.shape();
        int n = s.size();
        boolean xs = x.size() == 1 && n != 1, ys = y.size() == 1 && n != 1;
        Tensor a = xs ? x : expand(x, s), b = ys ? y : expand(y, s);
        int ao = xs ? x.storageIndex(new int[x.ndim()]) : a.offset(), bo = ys ? y.storageIndex(new int[y.ndim()]) : b.offset();
        int as = xs ? 0 : 1, bs = ys ? 0 : 1;
        Object dst = Storage.allocate(out.dtype(), n);
        switch (x.dtype()) {
            case F32 -> {
                float[] p = (float[]) a.storage(), q = (float[]) b.storage();
                if (out.dtype() == DType.BOOL) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.binary(op, p[ao + i * as], q[bo + i * bs]) != 0; }
                else {
                    float[] r = (float[]) dst;
                    Parallel.forRange(n, Parallel.ELEMENTWISE_THRESHOLD, (lo, hi) -> binaryF32(op, p, ao, as, q, bo, bs, r, lo, hi));
                }
            }
            case F64 -> {
                double[] p = (double[]) a.storage(), q = (double[]) b.storage();
                if (out.dtype() == DType.BOOL) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.binary(op, p[ao + i * as], q[bo + i * bs]) != 0; }
                else { double[] r = (double[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.binary(op, p[ao + i * as], q[bo + i * bs]); }
            }
            case I32 -> {
                int[] p = (int[]) a.storage(), q = (int[]) b.storage();
                if (out.dtype() == DType.BOOL) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.binaryInt(op, p[ao + i * as], q[bo + i * bs]) != 0; }
                else { int[] r = (int[]) dst; for (int i = 0; i < n; i++) r[i] = Scalar.binaryInt(op, p[ao + i * as], q[bo + i * bs]); }
            }
            case BOOL -> {
                boolean[] p = (boolean[]) a.storage(), q = (boolean[]) b.storage(), r = (boolean[]) dst;
                for (int i = 0; i < n; i++) r[i] = Scalar.binaryBool(op, p[ao + i * as], q[bo + i * bs]);
            }
        }
        return Tensor.wrap(out.dtype(), s, dst);
    }

    private static void binaryF32(Op op, float[] p, int ao, int as, float[] q, int bo, int bs, float[] r, int lo, int hi) {
        if (as == 1 && bs == 1) {
            switch (op) {
                case ADD -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i] + q[bo + i]; return; }
                case SUB -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i] - q[bo + i]; return; }
                case MUL -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i] * q[bo + i]; return; }
                case DIV -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i] / q[bo + i]; return; }
                case MAX -> { for (int i = lo; i < hi; i++) r[i] = (float) Scalar.binary(Op.MAX, p[ao + i], q[bo + i]); return; }
                default -> { }
            }
        } else if (bs == 0) {
            float c = q[bo];
            switch (op) {
                case ADD -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i * as] + c; return; }
                case SUB -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i * as] - c; return; }
                case MUL -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i * as] * c; return; }
                case DIV -> { for (int i = lo; i < hi; i++) r[i] = p[ao + i * as] / c; return; }
                default -> { }
            }
        } else if (as == 0) {
            float c = p[ao];
            switch (op) {
                case ADD -> { for (int i = lo; i < hi; i++) r[i] = c + q[bo + i]; return; }
                case SUB -> { for (int i = lo; i < hi; i++) r[i] = c - q[bo + i]; return; }
                case MUL -> { for (int i = lo; i < hi; i++) r[i] = c * q[bo + i]; return; }
                case DIV -> { for (int i = lo; i < hi; i++) r[i] = c / q[bo + i]; return; }
                default -> { }
            }
        }
        for (int i = lo; i < hi; i++) r[i] = (float) Scalar.binary(op, p[ao + i * as], q[bo + i * bs]);
    }

    /** Select: {@code cond ? a : b}, all three broadcast. */
    public static Tensor select(Tensor cond, Tensor x, Tensor y, TensorType out) {
        Shape s = out.shape();
        int n = s.size();
        Tensor c = expand(cond, s), a = expand(x, s), b = expand(y, s);
        boolean[] m = (boolean[]) c.storage();
        int co = c.offset(), ao = a.offset(), bo = b.offset();
        Object dst = Storage.allocate(out.dtype(), n);
        switch (out.dtype()) {
            case F32 -> { float[] p = (float[]) a.storage(), q = (float[]) b.storage(), r = (float[]) dst; for (int i = 0; i < n; i++) r[i] = m[co + i] ? p[ao + i] : q[bo + i]; }
            case F64 -> { double[] p = (double[]) a.storage(), q = (double[]) b.storage(), r = (double[]) dst; for (int i = 0; i < n; i++) r[i] = m[co + i] ? p[ao + i] : q[bo + i]; }
            case I32 -> { int[] p = (int[]) a.storage(), q = (int[]) b.storage(), r = (int[]) dst; for (int i = 0; i < n; i++) r[i] = m[co + i] ? p[ao + i] : q[bo + i]; }
            case BOOL -> { boolean[] p = (boolean[]) a.storage(), q = (boolean[]) b.storage(), r = (boolean[]) dst; for (int i = 0; i < n; i++) r[i] = m[co + i] ? p[ao + i] : q[bo + i]; }
        }
        return Tensor.wrap(out.dtype(), s, dst);
    }

    /** Cast: float→int truncates toward zero (NaN gives 0), anything→bool is "non-zero" (NaN is true). */
    public static Tensor cast(Tensor x, DType to) {
        if (x.dtype() == to) return x;
        Tensor c = x.contiguous();
        int n = c.size(), o = c.offset();
        Object src = c.storage(), dst = Storage.allocate(to, n);
        if (x.dtype() == DType.F32 && to == DType.F64) { float[] a = (float[]) src; double[] r = (double[]) dst; for (int i = 0; i < n; i++) r[i] = a[o + i]; }
        else if (x.dtype() == DType.F64 && to == DType.F32) { double[] a = (double[]) src; float[] r = (float[]) dst; for (int i = 0; i < n; i++) r[i] = (float) a[o + i]; }
        else if (to == DType.BOOL && x.dtype().isFloating()) { boolean[] r = (boolean[]) dst; for (int i = 0; i < n; i++) { double v = Storage.readDouble(x.dtype(), src, o + i); r[i] = v != 0 || v != v; } }
        else for (int i = 0; i < n; i++) Storage.writeDouble(to, dst, i, Storage.readDouble(x.dtype(), src, o + i));
        return Tensor.wrap(to, x.shape(), dst);
    }

    /** {@code t} broadcast to {@code s}, as a contiguous tensor (no copy when it already is one). */
    static Tensor expand(Tensor t, Shape s) {
        if (t.shape().equals(s)) return t.isContiguous() ? t : t.contiguous();
        return ShapeKernels.broadcast(t, s).contiguous();
    }
}
