package org.braindyn.tensor;

/**
 * Low-level helpers over the four storage array types. Used by kernels; never writes into a tensor's
 * storage, only into arrays it allocates.
 */
public final class Storage {
    private Storage() {}

    /** A new zeroed array for {@code n} elements of {@code dtype}. */
    public static Object allocate(DType dtype, int n) {
        return switch (dtype) {
            case F32 -> new float[n];
            case F64 -> new double[n];
            case I32 -> new int[n];
            case BOOL -> new boolean[n];
        };
    }

    /** Length of a storage array, checking its type against {@code dtype}. */
    public static int length(DType dtype, Object data) {
        return switch (dtype) {
            case F32 -> data instanceof float[] a ? a.length : mismatch(dtype, data);
            case F64 -> data instanceof double[] a ? a.length : mismatch(dtype, data);
            case I32 -> data instanceof int[] a ? a.length : mismatch(dtype, data);
            case BOOL -> data instanceof boolean[] a ? a.length : mismatch(dtype, data);
        };
    }

    private static int mismatch(DType dtype, Object data) {
        throw new IllegalArgumentException("Tensor storage: " + (data == null ? "null" : data.getClass().getSimpleName())
                + " cannot hold " + dtype + "; expected " + switch (dtype) {
                    case F32 -> "float[]"; case F64 -> "double[]"; case I32 -> "int[]"; case BOOL -> "boolean[]"; });
    }

    /** Element {@code i} of a storage array as double (BOOL gives 0 or 1). */
    public static double readDouble(DType dtype, Object data, int i) {
        return switch (dtype) {
            case F32 -> ((float[]) data)[i];
            case F64 -> ((double[]) data)[i];
            case I32 -> ((int[]) data)[i];
            case BOOL -> ((boolean[]) data)[i] ? 1.0 : 0.0;
        };
    }

    /** Writes {@code v} converted to {@code dtype} (floats truncate to int; non-zero is true). */
    public static void writeDouble(DType dtype, Object data, int i, double v) {
        switch (dtype) {
            case F32 -> ((float[]) data)[i] = (float) v;
            case F64 -> ((double[]) data)[i] = v;
            case I32 -> ((int[]) data)[i] = (int) v;
            case BOOL -> ((boolean[]) data)[i] = v != 0;
        }
    }

    /** Copies one element between two arrays of the same dtype. */
    public static void writeRaw(DType dtype, Object src, int from, Object dst, int to) {
        switch (dtype) {
            case F32 -> ((float[]) dst)[to] = ((float[]) src)[from];
            case F64 -> ((double[]) dst)[to] = ((double[]) src)[from];
            case I32 -> ((int[]) dst)[to] = ((int[]) src)[from];
            case BOOL -> ((boolean[]) dst)[to] = ((boolean[]) src)[from];
        }
    }

    /** The elements of {@code t} in C order, in a new array of its dtype. */
    public static Object copyToFlat(Tensor t) {
        int n = t.size();
        Object out = allocate(t.dtype(), n);
        if (n == 0) return out;
        Object src = t.storage();
        if (t.isContiguous()) {
            System.arraycopy(src, t.offset(), out, 0, n);
            return out;
        }
        int rank = t.ndim();
        int[] dims = t.shape().toArray();
        int[] st = t.strides();
        int inner = dims[rank - 1], innerStride = st[rank - 1];
        int[] idx = new int[rank];
        int base = t.offset(), pos = 0;
        while (true) {
            copyRow(t.dtype(), src, base, innerStride, out, pos, inner);
            pos += inner;
            int a = rank - 2;
            while (a >= 0) {
                idx[a]++;
                base += st[a];
                if (idx[a] < dims[a]) break;
                base -= st[a] * dims[a];
                idx[a] = 0;
                a--;
            }
            if (a < 0) return out;
        }
    }

    private static void copyRow(DType dtype, Object src, int from, int stride, Object dst, int to, int n) {
        if (stride == 1) { System.arraycopy(src, from, dst, to, n); return; }
        switch (dtype) {
            case F32 -> { float[] s = (float[]) src, d = (float[]) dst; for (int j = 0; j < n; j++) d[to + j] = s[from + j * stride]; }
            case F64 -> { double[] s = (double[]) src, d = (double[]) dst; for (int j = 0; j < n; j++) d[to + j] = s[from + j * stride]; }
            case I32 -> { int[] s = (int[]) src, d = (int[]) dst; for (int j = 0; j < n; j++) d[to + j] = s[from + j * stride]; }
            case BOOL -> { boolean[] s = (boolean[]) src, d = (boolean[]) dst; for (int j = 0; j < n; j++) d[to + j] = s[from + j * stride]; }
        }
    }

    /** Storage offsets of every element of {@code t} in C order. */
    public static int[] offsets(Tensor t) {
        int n = t.size(), rank = t.ndim();
        int[] out = new int[n];
        if (n == 0) return out;
        int[] dims = t.shape().toArray(), st = t.strides(), idx = new int[rank];
        int base = t.offset();
        for (int p = 0; p < n; p++) {
            out[p] = base;
            for (int a = rank - 1; a >= 0; a--) {
                idx[a]++;
                base += st[a];
                if (idx[a] < dims[a]) break;
                base -= st[a] * dims[a];
                idx[a] = 0;
            }
        }
        return out;
    }
}
