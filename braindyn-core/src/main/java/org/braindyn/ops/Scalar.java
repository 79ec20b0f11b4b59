package org.braindyn.ops;

/**
 * Scalar semantics of the elementwise primitives, per element kind. Kernels and the reference interpreter both
 * follow these definitions; floats are computed in double and rounded once to the tensor's dtype, except the
 * float32 {@code exp}, {@code expm1}, {@code tanh} and {@code logistic} of the kernels, which are {@link FloatMath}'s.
 */
public final class Scalar {
    private Scalar() {}

    /** A unary float primitive on one value. */
    public static double unary(Op op, double x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Math.signum(x);
            case FLOOR -> Math.floor(x);
            case CEIL -> Math.ceil(x);
            case ROUND -> Math.rint(x);
            case EXP -> Math.exp(x);
            case EXPM1 -> Math.expm1(x);
            case LOG -> Math.log(x);
            case LOG1P -> Math.log1p(x);
            case SQRT -> Math.sqrt(x);
            case RSQRT -> 1.0 / Math.sqrt(x);
            case SIN -> Math.sin(x);
            case COS -> Math.cos(x);
            case TAN -> Math.tan(x);
            case TANH -> Math.tanh(x);
            case LOGISTIC -> logistic(x);
            case ERF -> Erf.erf(x);
            case ISNAN -> Double.isNaN(x) ? 1 : 0;
            default -> throw notElementwise(op, "float");
        };
    }

    /** A unary integer primitive on one value. */
    public static int unaryInt(Op op, int x) {
        return switch (op) {
            case NEG -> -x;
            case ABS -> Math.abs(x);
            case SIGN -> Integer.signum(x);
            case NOT -> ~x;
            default -> throw notElementwise(op, "int32");
        };
    }

    /** A binary float primitive (comparisons return 1 or 0). */
    public static double binary(Op op, double x, double y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> x / y;
            case REM -> floorRem(x, y);
            case POW -> Math.pow(x, y);
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            case ATAN2 -> Math.atan2(x, y);
            case LT -> x < y ? 1 : 0;
            case LE -> x <= y ? 1 : 0;
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
            case EQ -> x == y ? 1 : 0;
            case NE -> x != y ? 1 : 0;
            default -> throw notElementwise(op, "float");
        };
    }

    /** A binary integer primitive (comparisons return 1 or 0). Division by zero gives 0, as NumPy does. */
    public static int binaryInt(Op op, int x, int y) {
        return switch (op) {
            case ADD -> x + y;
            case SUB -> x - y;
            case MUL -> x * y;
            case DIV -> y == 0 ? 0 : Math.floorDiv(x, y);
            case REM -> y == 0 ? 0 : Math.floorMod(x, y);
            case POW -> intPow(x, y);
            case MAX -> Math.max(x, y);
            case MIN -> Math.min(x, y);
            case AND -> x & y;
            case OR -> x | y;
            case XOR -> x ^ y;
            case LT -> x < y ? 1 : 0;
            case LE -> x <= y ? 1 : 0;
            case GT -> x > y ? 1 : 0;
            case GE -> x >= y ? 1 : 0;
            case EQ -> x == y ? 1 : 0;
            case NE -> x != y ? 1 : 0;
            default -> throw notElementwise(op, "int32");
        };
    }

    /** A binary boolean primitive (MAX is or, MIN is and, comparisons order false before true). */
    public static boolean binaryBool(Op op, boolean x, boolean y) {
        return switch (op) {
            case AND, MIN -> x & y;
            case OR, MAX -> x | y;
            case XOR, NE -> x ^ y;
            case EQ -> x == y;
            case LT -> !x & y;
            case LE -> !x | y;
            case GT -> x & !y;
            case GE -> x | !y;
            default -> throw notElementwise(op, "bool");
        };
    }

    /** {@code 1/(1+e^{-x})} without overflow for large |x|. */
    public static double logistic(double x) {
        if (x >= 0) return 1.0 / (1.0 + Math.exp(-x));
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** NumPy's {@code remainder}: result has the sign of the divisor. */
    public static double floorRem(double x, double y) {
        double r = x % y;
        if (r != 0 && (r < 0) != (y < 0)) r += y;
        return r;
    }

    /** Integer power; negative exponents give 0 except for bases ±1. */
    public static int intPow(int x, int y) {
        if (y < 0) return x == 1 ? 1 : x == -1 ? ((y & 1) == 0 ? 1 : -1) : 0;
        int r = 1, b = x;
        while (y > 0) {
            if ((y & 1) != 0) r *= b;
            b *= b;
            y >>= 1;
        }
        return r;
    }

    private static IllegalArgumentException notElementwise(Op op, String kind) {
        return new IllegalArgumentException(op.label() + ": not defined for " + kind + " elements");
    }
}
