package org.braindyn.jit;

import org.braindyn.ops.Erf;
import org.braindyn.ops.FloatMath;
import org.braindyn.ops.Scalar;

/**
 * The scalar operations generated kernels call, one static method per primitive and element type, named
 * {@code OP_DTYPE} ({@code CAST_FROM_TO} for casts). Each is the element rule of {@link Scalar} written for one
 * type, so that HotSpot inlines it into the kernel's loop; float32 arithmetic rounds once per primitive, exactly as
 * the eager kernels do. Booleans are JVM booleans.
 */
final class KernelOps {
    private KernelOps() {}

    // unary, float
    static double NEG_F64(double x) { return -x; }
    static float NEG_F32(float x) { return -x; }
    static double ABS_F64(double x) { return Math.abs(x); }
    static float ABS_F32(float x) { return Math.abs(x); }
    static double SIGN_F64(double x) { return Math.signum(x); }
    static float SIGN_F32(float x) { return (float) Math.signum(x); }
    static double FLOOR_F64(double x) { return Math.floor(x); }
    static float FLOOR_F32(float x) { return (float) Math.floor(x); }
    static double CEIL_F64(double x) { return Math.ceil(x); }
    static float CEIL_F32(float x) { return (float) Math.ceil(x); }
    static double ROUND_F64(double x) { return Math.rint(x); }
    static float ROUND_F32(float x) { return (float) Math.rint(x); }
    static double EXP_F64(double x) { return Math.exp(x); }
    static float EXP_F32(float x) { return FloatMath.exp(x); }
    static double EXPM1_F64(double x) { return Math.expm1(x); }
    static float EXPM1_F32(float x) { return FloatMath.expm1(x); }
    static double LOG_F64(double x) { return Math.log(x); }
    static float LOG_F32(float x) { return (float) Math.log(x); }
    static double LOG1P_F64(double x) { return Math.log1p(x); }
    static float LOG1P_F32(float x) { return (float) Math.log1p(x); }
    static double SQRT_F64(double x) { return Math.sqrt(x); }
    static float SQRT_F32(float x) { return (float) Math.sqrt(x); }
    static double RSQRT_F64(double x) { return 1.0 / Math.sqrt(x); }
    static float RSQRT_F32(float x) { return (float) (1.0 / Math.sqrt(x)); }
    static double SIN_F64(double x) { return Math.sin(x); }
    static float SIN_F32(float x) { return (float) Math.sin(x); }
    static double COS_F64(double x) { return Math.cos(x); }
    static float COS_F32(float x) { return (float) Math.cos(x); }
    static double TAN_F64(double x) { return Math.tan(x); }
    static float TAN_F32(float x) { return (float) Math.tan(x); }
    static double TANH_F64(double x) { return Math.tanh(x); }
    static float TANH_F32(float x) { return FloatMath.tanh(x); }
    static double LOGISTIC_F64(double x) { return Scalar.logistic(x); }
    static float LOGISTIC_F32(float x) { return FloatMath.logistic(x); }
    static double ERF_F64(double x) { return Erf.erf(x); }
    static float ERF_F32(float x) { return (float) Erf.erf(x); }
    static boolean ISNAN_F32(float x) { return x != x; }
    static boolean ISNAN_F64(double x) { return x != x; }
    // unary, int and bool
    static int NEG_I32(int x) { return -x; }
    static int ABS_I32(int x) { return Math.abs(x); }
    static int SIGN_I32(int x) { return Integer.signum(x); }
    static int NOT_I32(int x) { return ~x; }
    static boolean NOT_BOOL(boolean x) { return !x; }
    // binary, float
    static double ADD_F64(double x, double y) { return x + y; }
    static float ADD_F32(float x, float y) { return x + y; }
    static double SUB_F64(double x, double y) { return x - y; }
    static float SUB_F32(float x, float y) { return x - y; }
    static double MUL_F64(double x, double y) { return x * y; }
    static float MUL_F32(float x, float y) { return x * y; }
    static double DIV_F64(double x, double y) { return x / y; }
    static float DIV_F32(float x, float y) { return x / y; }
    static double REM_F64(double x, double y) { return Scalar.floorRem(x, y); }
    static float REM_F32(float x, float y) { return (float) Scalar.floorRem(x, y); }
    static double POW_F64(double x, double y) { return Math.pow(x, y); }
    static float POW_F32(float x, float y) { return (float) Math.pow(x, y); }
    static double MAX_F64(double x, double y) { return Math.max(x, y); }
    static float MAX_F32(float x, float y) { return Math.max(x, y); }
    static double MIN_F64(double x, double y) { return Math.min(x, y); }
    static float MIN_F32(float x, float y) { return Math.min(x, y); }
    static double ATAN2_F64(double x, double y) { return Math.atan2(x, y); }
    static float ATAN2_F32(float x, float y) { return (float) Math.atan2(x, y); }
    static boolean LT_F32(float x, float y) { return x < y; }
    static boolean LE_F32(float x, float y) { return x <= y; }
    static boolean GT_F32(float x, float y) { return x > y; }
    static boolean GE_F32(float x, float y) { return x >= y; }
    static boolean EQ_F32(float x, float y) { return x == y; }
    static boolean NE_F32(float x, float y) { return x != y; }
    static boolean LT_F64(double x, double y) { return x < y; }
    static boolean LE_F64(double x, double y) { return x <= y; }
    static boolean GT_F64(double x, double y) { return x > y; }
    static boolean GE_F64(double x, double y) { return x >= y; }
    static boolean EQ_F64(double x, double y) { return x == y; }
    static boolean NE_F64(double x, double y) { return x != y; }
    static boolean LT_I32(int x, int y) { return x < y; }
    static boolean LE_I32(int x, int y) { return x <= y; }
    static boolean GT_I32(int x, int y) { return x > y; }
    static boolean GE_I32(int x, int y) { return x >= y; }
    static boolean EQ_I32(int x, int y) { return x == y; }
    static boolean NE_I32(int x, int y) { return x != y; }
    // binary, int
    static int ADD_I32(int x, int y) { return x + y; }
    static int SUB_I32(int x, int y) { return x - y; }
    static int MUL_I32(int x, int y) { return x * y; }
    static int DIV_I32(int x, int y) { return y == 0 ? 0 : Math.floorDiv(x, y); }
    static int REM_I32(int x, int y) { return y == 0 ? 0 : Math.floorMod(x, y); }
    static int POW_I32(int x, int y) { return Scalar.intPow(x, y); }
    static int MAX_I32(int x, int y) { return Math.max(x, y); }
    static int MIN_I32(int x, int y) { return Math.min(x, y); }
    static int AND_I32(int x, int y) { return x & y; }
    static int OR_I32(int x, int y) { return x | y; }
    static int XOR_I32(int x, int y) { return x ^ y; }
    // binary, bool
    static boolean AND_BOOL(boolean x, boolean y) { return x & y; }
    static boolean MIN_BOOL(boolean x, boolean y) { return x & y; }
    static boolean OR_BOOL(boolean x, boolean y) { return x | y; }
    static boolean MAX_BOOL(boolean x, boolean y) { return x | y; }
    static boolean XOR_BOOL(boolean x, boolean y) { return x ^ y; }
    static boolean NE_BOOL(boolean x, boolean y) { return x ^ y; }
    static boolean EQ_BOOL(boolean x, boolean y) { return x == y; }
    static boolean LT_BOOL(boolean x, boolean y) { return !x & y; }
    static boolean LE_BOOL(boolean x, boolean y) { return !x | y; }
    static boolean GT_BOOL(boolean x, boolean y) { return x & !y; }
    static boolean GE_BOOL(boolean x, boolean y) { return x | !y; }
    // select
    static float SELECT_F32(boolean c, float x, float y) { return c ? x : y; }
    static double SELECT_F64(boolean c, double x, double y) { return c ? x : y; }
    static int SELECT_I32(boolean c, int x, int y) { return c ? x : y; }
    static boolean SELECT_BOOL(boolean c, boolean x, boolean y) { return c ? x : y; }
    // casts (float to int truncates, NaN gives 0; to bool is "non-zero", NaN is true)
    static double CAST_F32_F64(float x) { return x; }
    static float CAST_F64_F32(double x) { return (float) x; }
    static int CAST_F32_I32(float x) { return (int) x; }
    static int CAST_F64_I32(double x) { return (int) x; }
    static boolean CAST_F32_BOOL(float x) { return x != 0 || x != x; }
    static boolean CAST_F64_BOOL(double x) { return x != 0 || x != x; }
    static float CAST_I32_F32(int x) { return (float) x; }
    static double CAST_I32_F64(int x) { return x; }
    static boolean CAST_I32_BOOL(int x) { return x != 0; }
    static float CAST_BOOL_F32(boolean x) { return x ? 1f : 0f; }
    static double CAST_BOOL_F64(boolean x) { return x ? 1.0 : 0.0; }
    static int CAST_BOOL_I32(boolean x) { return x ? 1 : 0; }
}
