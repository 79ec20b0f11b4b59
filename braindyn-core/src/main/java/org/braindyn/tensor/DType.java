package org.braindyn.tensor;

/**
 * Element types of a {@link Tensor}, ordered by NumPy's promotion lattice: {@code BOOL < I32 < F32 < F64}.
 *
 * <p>{@code F32} is the default float type (BrainPy's {@code bm.float_}); {@link Config#enableX64()} switches the
 * default to {@code F64}. Integers are 32-bit ({@code bm.int_}).
 */
public enum DType {
    /** Booleans, NumPy {@code bool} ({@code |b1}). */
    BOOL("bool", "|b1", 1),
    /** 32-bit signed integers, NumPy {@code int32} ({@code <i4}). */
    I32("int32", "<i4", 4),
    /** 32-bit IEEE floats, NumPy {@code float32} ({@code <f4}). The default float type. */
    F32("float32", "<f4", 4),
    /** 64-bit IEEE floats, NumPy {@code float64} ({@code <f8}). */
    F64("float64", "<f8", 8);

    private final String numpyName;
    private final String descr;
    private final int bytes;

    DType(String numpyName, String descr, int bytes) {
        this.numpyName = numpyName;
        this.descr = descr;
        this.bytes = bytes;
    }

    /** NumPy's name of this type, e.g. {@code float32}. */
    public String numpyName() { return numpyName; }

    /** NumPy's array-protocol type string, e.g. {@code <f4}, as written in {@code .npy} headers. */
    public String descr() { return descr; }

    /** Bytes per element in NumPy's storage (BOOL is one byte). */
    public int byteSize() { return bytes; }

    /** True for {@code F32} and {@code F64}. */
    public boolean isFloating() { return this == F32 || this == F64; }

    /** True for {@code I32}. */
    public boolean isInteger() { return this == I32; }

    /** The smallest type both {@code a} and {@code b} convert to without loss of kind. */
    public static DType promote(DType a, DType b) { return a.ordinal() >= b.ordinal() ? a : b; }

    /** The dtype a NumPy type string names, e.g. {@code "<f4"} or {@code "float32"}. */
    public static DType fromName(String name) {
        for (DType d : values()) if (d.numpyName.equals(name) || d.descr.equals(name)) return d;
        throw new IllegalArgumentException("DType: unknown type '" + name
                + "'; expected one of bool, int32, float32, float64 (|b1, <i4, <f4, <f8)");
    }
}
