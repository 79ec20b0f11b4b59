package org.braindyn.tensor;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * Elementwise math with NumPy promotion ({@code bool < int32 < float32 < float64}). Java {@code double}
 * operands are "weak" scalars as in JAX: they take the tensor's dtype when it is floating, int32 when they are
 * whole numbers and the tensor is integer or bool, else the default float. Float-only functions ({@code exp},
 * {@code sqrt}, true division …) promote integer input to the default float. Part of {@link BM}.
 */
public class Elementwise extends Creation {
    protected Elementwise() {}

    // ---- promotion helpers ----

    /** {@code x} converted to {@code dtype} (a no-op when equal). */
    public static Tensor astype(Tensor x, DType dtype) {
        return x.dtype() == dtype ? x : Prims.bind(Op.CAST, new Attr.To(dtype), x);
    }

    /** A scalar tensor for {@code v} with the weak-type rule relative to {@code like}. */
    public static Tensor weak(Tensor like, double v) {
        DType d = like.dtype().isFloating() ? like.dtype()
                : (v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE) ? DType.I32 : Config.defaultFloat();
        return scalar(v, d);
    }

    static Tensor toFloat(Tensor x) { return x.dtype().isFloating() ? x : astype(x, Config.defaultFloat()); }

    static Tensor binary(Op op, Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        return Prims.bind(op, Attr.NONE, astype(a, t), astype(b, t));
    }

    /** Arithmetic treats bool as int32. */
    static Tensor arith(Op op, Tensor a, Tensor b) {
        DType t = DType.promote(DType.promote(a.dtype(), b.dtype()), DType.I32);
        return Prims.bind(op, Attr.NONE, astype(a, t), astype(b, t));
    }

    static Tensor unary(Op op, Tensor x) { return Prims.bind(op, Attr.NONE, x); }

    static Tensor unaryFloat(Op op, Tensor x) { return Prims.bind(op, Attr.NONE, toFloat(x)); }

    // ---- arithmetic ----

    /** {@code a + b}. */
    public static Tensor add(Tensor a, Tensor b) { return arith(Op.ADD, a, b); }
    /** {@code a + b}. */
    public static Tensor add(Tensor a, double b) { return add(a, weak(a, b)); }
    /** {@code a - b}. */
    public static Tensor subtract(Tensor a, Tensor b) { return arith(Op.SUB, a, b); }
    /** {@code a - b}. */
    public static Tensor subtract(Tensor a, double b) { return subtract(a, weak(a, b)); }
    /** {@code a - b} with a scalar minuend. */
    public static Tensor subtract(double a, Tensor b) { return subtract(weak(b, a), b); }
    /** {@code a * b}. */
    public static Tensor multiply(Tensor a, Tensor b) { return arith(Op.MUL, a, b); }
    /** {@code a * b}. */
    public static Tensor multiply(Tensor a, double b) { return multiply(a, weak(a, b)); }
    /** True division {@code a / b}; integers promote to the default float. */
    public static Tensor divide(Tensor a, Tensor b) { return binary(Op.DIV, toFloat(a), toFloat(b)); }
    /** True division by a scalar. */
    public static Tensor divide(Tensor a, double b) { return divide(a, weak(toFloat(a), b)); }
    /** True division of a scalar. */
    public static Tensor divide(double a, Tensor b) { return divide(weak(toFloat(b), a), b); }
    /** Floor division (NumPy {@code //}). */
    public static Tensor floorDivide(Tensor a, Tensor b) {
        DType t = DType.promote(DType.promote(a.dtype(), b.dtype()), DType.I32);
        return t.isFloating() ? floor(binary(Op.DIV, astype(a, t), astype(b, t))) : arith(Op.DIV, a, b);
    }
    /** Remainder with the sign of the divisor (NumPy {@code %} / {@code remainder}). */
    public static Tensor remainder(Tensor a, Tensor b) { return arith(Op.REM, a, b); }
    /** Remainder by a scalar. */
    public static Tensor remainder(Tensor a, double b) { return remainder(a, weak(a, b)); }
    /** {@code a ** b}. */
    public static Tensor power(Tensor a, Tensor b) { return arith(Op.POW, a, b); }
    /** {@code a ** b}. */
    public static Tensor power(Tensor a, double b) { return power(a, weak(a, b)); }
    /** Elementwise maximum, NaN-propagating. */
    public static Tensor maximum(Tensor a, Tensor b) { return binary(Op.MAX, a, b); }
    /** Elementwise maximum with a scalar. */
    public static Tensor maximum(Tensor a, double b) { return maximum(a, weak(a, b)); }
    /** Elementwise minimum, NaN-propagating. */
    public static Tensor minimum(Tensor a, Tensor b) { return binary(Op.MIN, a, b); }
    /** Elementwise minimum with a scalar. */
    public static Tensor minimum(Tensor a, double b) { return minimum(a, weak(a, b)); }
    /** {@code atan2(a, b)}. */
    public static Tensor arctan2(Tensor a, Tensor b) { return binary(Op.ATAN2, toFloat(a), toFloat(b)); }
    /** Limits values to {@code [lo, hi]}. */
    public static Tensor clip(Tensor x, double lo, double hi) { return minimum(maximum(x, lo), hi); }
    /** Limits values to {@code [lo, hi]} given as tensors. */
    public static Tensor clip(Tensor x, Tensor lo, Tensor hi) { return minimum(maximum(x, lo), hi); }

    // ---- unary ----

    /** {@code -x}. */
    public static Tensor negative(Tensor x) { return unary(Op.NEG, x.dtype() == DType.BOOL ? astype(x, DType.I32) : x); }
    /** {@code |x|}. */
    public static Tensor abs(Tensor x) { return x.dtype() == DType.BOOL ? x : unary(Op.ABS, x); }
    /** Sign: -1, 0 or 1 (NaN stays NaN, ±0 stays ±0). */
    public static Tensor sign(Tensor x) { return unary(Op.SIGN, x.dtype() == DType.BOOL ? astype(x, DType.I32) : x); }
    /** {@code x * x}. */
    public static Tensor square(Tensor x) { return multiply(x, x); }
    /** {@code 1 / x}. */
    public static Tensor reciprocal(Tensor x) { return divide(1.0, x); }
    /** Round down. Integers are returned unchanged. */
    public static Tensor floor(Tensor x) { return x.dtype().isFloating() ? unary(Op.FLOOR, x) : x; }
    /** Round up. */
    public static Tensor ceil(Tensor x) { return x.dtype().isFloating() ? unary(Op.CEIL, x) : x; }
    /** Round half to even (NumPy {@code round}). */
    public static Tensor round(Tensor x) { return x.dtype().isFloating() ? unary(Op.ROUND, x) : x; }
    /** {@code e^x}. */
    public static Tensor exp(Tensor x) { return unaryFloat(Op.EXP, x); }
    /** {@code e^x - 1}, accurate near 0. */
    public static Tensor expm1(Tensor x) { return unaryFloat(Op.EXPM1, x); }
    /** Natural logarithm. */
    public static Tensor log(Tensor x) { return unaryFloat(Op.LOG, x); }
    /** {@code log(1 + x)}, accurate near 0. */
    public static Tensor log1p(Tensor x) { return unaryFloat(Op.LOG1P, x); }
    /** Square root. */
    public static Tensor sqrt(Tensor x) { return unaryFloat(Op.SQRT, x); }
    /** {@code 1 / sqrt(x)}. */
    public static Tensor rsqrt(Tensor x) { return unaryFloat(Op.RSQRT, x); }
    /** Sine. */
    public static Tensor sin(Tensor x) { return unaryFloat(Op.SIN, x); }
    /** Cosine. */
    public static Tensor cos(Tensor x) { return unaryFloat(Op.COS, x); }
    /** Tangent. */
    public static Tensor tan(Tensor x) { return unaryFloat(Op.TAN, x); }
    /** Hyperbolic tangent. */
    public static Tensor tanh(Tensor x) { return unaryFloat(Op.TANH, x); }
    /** Hyperbolic sine {@code (e^x − e^{−x})/2}. */
    public static Tensor sinh(Tensor x) { Tensor f = toFloat(x); return subtract(exp(f), exp(negative(f))).mul(0.5); }
    /** Hyperbolic cosine {@code (e^x + e^{−x})/2}. */
    public static Tensor cosh(Tensor x) { Tensor f = toFloat(x); return add(exp(f), exp(negative(f))).mul(0.5); }
    /** Arctangent. */
    public static Tensor arctan(Tensor x) { Tensor f = toFloat(x); return arctan2(f, onesLike(f)); }
    /** Logistic sigmoid {@code 1/(1+e^{-x})}. */
    public static Tensor sigmoid(Tensor x) { return unaryFloat(Op.LOGISTIC, x); }
    /** Error function. */
    public static Tensor erf(Tensor x) { return unaryFloat(Op.ERF, x); }
    /** True where NaN. */
    public static Tensor isnan(Tensor x) { return x.dtype().isFloating() ? unary(Op.ISNAN, x) : full(x.shape(), 0, DType.BOOL); }
    /** True where finite (not NaN, not ±Inf). */
    public static Tensor isfinite(Tensor x) { return x.dtype().isFloating() ? logicalNot(isnan(subtract(x, x))) : full(x.shape(), 1, DType.BOOL); }
    /** True where ±Inf. */
    public static Tensor isinf(Tensor x) { return logicalAnd(logicalNot(isfinite(x)), logicalNot(isnan(x))); }

    // ---- comparisons and logic ----

    /** {@code a < b}. */
    public static Tensor less(Tensor a, Tensor b) { return binary(Op.LT, a, b); }
    /** {@code a < b}. */
    public static Tensor less(Tensor a, double b) { return less(a, weak(a, b)); }
    /** {@code a <= b}. */
    public static Tensor lessEqual(Tensor a, Tensor b) { return binary(Op.LE, a, b); }
    /** {@code a <= b}. */
    public static Tensor lessEqual(Tensor a, double b) { return lessEqual(a, weak(a, b)); }
    /** {@code a > b}. */
    public static Tensor greater(Tensor a, Tensor b) { return binary(Op.GT, a, b); }
    /** {@code a > b}. */
    public static Tensor greater(Tensor a, double b) { return greater(a, weak(a, b)); }
    /** {@code a >= b}. */
    public static Tensor greaterEqual(Tensor a, Tensor b) { return binary(Op.GE, a, b); }
    /** {@code a >= b}. */
    public static Tensor greaterEqual(Tensor a, double b) { return greaterEqual(a, weak(a, b)); }
    /** {@code a == b}. */
    public static Tensor equal(Tensor a, Tensor b) { return binary(Op.EQ, a, b); }
    /** {@code a == b}. */
    public static Tensor equal(Tensor a, double b) { return equal(a, weak(a, b)); }
    /** {@code a != b}. */
    public static Tensor notEqual(Tensor a, Tensor b) { return binary(Op.NE, a, b); }
    /** {@code a != b}. */
    public static Tensor notEqual(Tensor a, double b) { return notEqual(a, weak(a, b)); }
    /** Logical and (inputs are truth-tested). */
    public static Tensor logicalAnd(Tensor a, Tensor b) { return Prims.bind(Op.AND, Attr.NONE, truth(a), truth(b)); }
    /** Logical or. */
    public static Tensor logicalOr(Tensor a, Tensor b) { return Prims.bind(Op.OR, Attr.NONE, truth(a), truth(b)); }
    /** Logical xor. */
    public static Tensor logicalXor(Tensor a, Tensor b) { return Prims.bind(Op.XOR, Attr.NONE, truth(a), truth(b)); }
    /** Logical not. */
    public static Tensor logicalNot(Tensor x) { return unary(Op.NOT, truth(x)); }
    /** Bitwise and (bool or int32). */
    public static Tensor bitwiseAnd(Tensor a, Tensor b) { return binary(Op.AND, a, b); }
    /** Bitwise or. */
    public static Tensor bitwiseOr(Tensor a, Tensor b) { return binary(Op.OR, a, b); }
    /** Bitwise xor. */
    public static Tensor bitwiseXor(Tensor a, Tensor b) { return binary(Op.XOR, a, b); }
    /** Bitwise not ({@code ~x}). */
    public static Tensor invert(Tensor x) { return unary(Op.NOT, x); }
    /** Left shift {@code a << b} (int32), as {@code a * 2^b}. */
    public static Tensor leftShift(Tensor a, int b) { return multiply(a, (double) (1 << b)); }
    /** Arithmetic right shift {@code a >> b} (int32), as floor division by {@code 2^b}. */
    public static Tensor rightShift(Tensor a, int b) { return floorDivide(a, weak(a, 1 << b)); }

    static Tensor truth(Tensor x) { return x.dtype() == DType.BOOL ? x : astype(x, DType.BOOL); }

    /** {@code cond ? a : b}, broadcasting all three; branches promote to a common dtype. */
    public static Tensor where(Tensor cond, Tensor a, Tensor b) {
        DType t = DType.promote(a.dtype(), b.dtype());
        return Prims.bind(Op.SELECT, Attr.NONE, truth(cond), astype(a, t), astype(b, t));
    }

    /** {@code cond ? a : b} with scalar branches. */
    public static Tensor where(Tensor cond, double a, double b) {
        Tensor ta = scalar(a), tb = scalar(b);
        return where(cond, ta, tb);
    }

    /** {@code cond ? a : b} with a scalar else-branch. */
    public static Tensor where(Tensor cond, Tensor a, double b) { return where(cond, a, weak(a, b)); }

    /** True if {@code |a - b| <= atol + rtol·|b|} everywhere (NaNs never close). */
    public static boolean allclose(Tensor a, Tensor b, double rtol, double atol) {
        Tensor fa = astype(toFloat(a), DType.F64), fb = astype(toFloat(b), DType.F64);
        Tensor ok = lessEqual(abs(subtract(fa, fb)), add(multiply(abs(fb), rtol), atol));
        boolean[] v = (boolean[]) Storage.copyToFlat(ok);
        for (boolean x : v) if (!x) return false;
        return true;
    }

    /** {@link #allclose(Tensor, Tensor, double, double)} with NumPy's defaults (rtol 1e-5, atol 1e-8). */
    public static boolean allclose(Tensor a, Tensor b) { return allclose(a, b, 1e-5, 1e-8); }
}
