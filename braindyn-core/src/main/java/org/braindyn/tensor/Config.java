package org.braindyn.tensor;

/**
 * Global numeric settings, as BrainPy's {@code bm.enable_x64()}, {@code bm.set_dfloat} and {@code bm.set_dt}.
 *
 * <p>The default float type decides the dtype of tensors created from Java doubles without an explicit dtype
 * and of integer data promoted by float-only operations ({@code exp}, true division, …).
 * <pre>{@code
 * Config.enableX64();              // analysis in float64
 * Tensor x = BM.linspace(0, 1, 5); // float64 now
 * Config.disableX64();
 * }</pre>
 */
public final class Config {
    private static volatile DType defaultFloat = DType.F32;
    private static volatile double dt = 0.1;

    private Config() {}

    /** The default float dtype ({@code F32} unless changed). */
    public static DType defaultFloat() { return defaultFloat; }

    /** Sets the default float dtype; only {@code F32} or {@code F64}. */
    public static void setDefaultFloat(DType dtype) {
        if (dtype == null || !dtype.isFloating())
            throw new IllegalArgumentException("Config.defaultFloat: must be F32 or F64; got " + dtype);
        defaultFloat = dtype;
    }

    /** Makes {@code F64} the default float dtype (BrainPy {@code bm.enable_x64()}). */
    public static void enableX64() { defaultFloat = DType.F64; }

    /** Makes {@code F32} the default float dtype again (BrainPy {@code bm.disable_x64()}). */
    public static void disableX64() { defaultFloat = DType.F32; }

    /**
     * Whether large kernels (elementwise ops over 2^18 elements, big matmuls, large random draws) may split their
     * work across the common ForkJoin pool. On by default; turn off to measure or pin single-thread behaviour.
     * Results do not depend on it.
     */
    public static void setParallelKernels(boolean on) { org.braindyn.ops.internal.Parallel.setEnabled(on); }

    /** Whether large kernels may use several cores. */
    public static boolean parallelKernels() { return org.braindyn.ops.internal.Parallel.enabled(); }

    /** Elementwise kernels over at least this many elements split across cores when parallel kernels are on. */
    public static int parallelElementwiseThreshold() { return org.braindyn.ops.internal.Parallel.ELEMENTWISE_THRESHOLD; }

    /** The default integration step in ms (BrainPy {@code bm.get_dt()}, default 0.1). */
    public static double dt() { return dt; }

    /** Sets the default integration step in ms; must be positive and finite. */
    public static void setDt(double value) {
        if (!(value > 0) || Double.isInfinite(value))
            throw new IllegalArgumentException("Config.dt: must be a positive finite number of ms; got " + value);
        dt = value;
    }
}
