package org.braindyn.tensor;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Tensor creation: from Java arrays (nested too) and NumPy's constructors. Part of the {@link BM} facade; call
 * as {@code BM.zeros(3, 4)} or after {@code import static org.braindyn.tensor.BM.*}.
 */
public class Creation {
    protected Creation() {}

    /** A scalar of the default float dtype. */
    public static Tensor scalar(double v) { return full(Shape.SCALAR, v, Config.defaultFloat()); }

    /** A scalar of the given dtype. */
    public static Tensor scalar(double v, DType dtype) { return full(Shape.SCALAR, v, dtype); }

    /** A float32 vector (copied); reshape with {@code shape} if given. */
    public static Tensor array(float[] data, int... shape) { return fromFlat(DType.F32, data.clone(), data.length, shape); }

    /** A float64 vector (copied). */
    public static Tensor array(double[] data, int... shape) { return fromFlat(DType.F64, data.clone(), data.length, shape); }

    /** An int32 vector (copied). */
    public static Tensor array(int[] data, int... shape) { return fromFlat(DType.I32, data.clone(), data.length, shape); }

    /** A bool vector (copied). */
    public static Tensor array(boolean[] data, int... shape) { return fromFlat(DType.BOOL, data.clone(), data.length, shape); }

    // Fixed-arity forms: without them a call array(x) with one primitive array resolves to array(Object) (Java tries
    // non-varargs methods first) and copies element by element through the generic nest reader.
    /** A float32 vector (copied). */
    public static Tensor array(float[] data) { return fromFlat(DType.F32, data.clone(), data.length, new int[0]); }

    /** A float64 vector (copied). */
    public static Tensor array(double[] data) { return fromFlat(DType.F64, data.clone(), data.length, new int[0]); }

    /** An int32 vector (copied). */
    public static Tensor array(int[] data) { return fromFlat(DType.I32, data.clone(), data.length, new int[0]); }

    /** A bool vector (copied). */
    public static Tensor array(boolean[] data) { return fromFlat(DType.BOOL, data.clone(), data.length, new int[0]); }

    /** A tensor from any rectangular nest of Java arrays or lists; see {@link #asarray}. */
    public static Tensor array(Object nested) { return asarray(nested); }

    /** A float32 matrix from rows (all rows must have the same length). */
    public static Tensor array(float[][] rows) { return asarray(rows); }

    /** A float64 matrix from rows. */
    public static Tensor array(double[][] rows) { return asarray(rows); }

    /** An int32 matrix from rows. */
    public static Tensor array(int[][] rows) { return asarray(rows); }

    /**
     * A tensor from any rectangular nest of Java arrays of {@code float, double, int, boolean} (or their boxes),
     * {@code List}s, or tensors of equal shape ({@code bm.asarray} of a list of arrays). The dtype follows the
     * leaf type; Java {@code long}/{@code short}/{@code byte} leaves become int32.
     */
    public static Tensor asarray(Object nested) {
        if (nested instanceof Tensor t) return t;
        List<Integer> dims = new ArrayList<>();
        Object probe = nested;
        while (probe != null && (probe.getClass().isArray() || probe instanceof List<?>)) {
            int n = probe instanceof List<?> l ? l.size() : Array.getLength(probe);
            dims.add(n);
            if (n == 0) { probe = null; break; }
            probe = probe instanceof List<?> l ? l.get(0) : Array.get(probe, 0);
        }
        if (probe instanceof Tensor t0) {
            for (int d : t0.shape().toArray()) dims.add(d);
            DType dt = t0.dtype();
            List<Tensor> leaves = new ArrayList<>();
            collectTensors(nested, leaves);
            Object data = Storage.allocate(dt, leaves.size() * t0.size());
            for (int i = 0; i < leaves.size(); i++) {
                Tensor leaf = leaves.get(i);
                if (!leaf.shape().equals(t0.shape()))
                    throw new IllegalArgumentException("asarray: tensors must share a shape; got " + t0.shape() + " and " + leaf.shape());
                System.arraycopy(Storage.copyToFlat(leaf.astype(dt)), 0, data, i * t0.size(), t0.size());
            }
            return Tensor.wrap(dt, Shape.of(dims.stream().mapToInt(Integer::intValue).toArray()), data);
        }
        DType dt = probe == null ? Config.defaultFloat() : leafType(probe);
        Shape shape = Shape.of(dims.stream().mapToInt(Integer::intValue).toArray());
        Object data = Storage.allocate(dt, shape.size());
        int[] pos = {0};
        fill(nested, 0, shape, dt, data, pos);
        return Tensor.wrap(dt, shape, data);
    }

    private static void collectTensors(Object o, List<Tensor> out) {
        if (o instanceof Tensor t) { out.add(t); return; }
        int n = o instanceof List<?> l ? l.size() : Array.getLength(o);
        for (int i = 0; i < n; i++) collectTensors(o instanceof List<?> l ? l.get(i) : Array.get(o, i), out);
    }

    private static DType leafType(Object leaf) {
        return switch (leaf) {
            case Float f -> DType.F32;
            case Double d -> DType.F64;
            case Boolean b -> DType.BOOL;
            case Integer i -> DType.I32;
            case Long l -> DType.I32;
            case Short s -> DType.I32;
            case Byte b -> DType.I32;
            default -> throw new IllegalArgumentException("asarray: unsupported element type "
                    + leaf.getClass().getSimpleName() + "; expected float, double, int or boolean");
        };
    }

    private static void fill(Object o, int depth, Shape shape, DType dt, Object data, int[] pos) {
        if (depth == shape.rank()) {
            double v = o instanceof Boolean b ? (b ? 1 : 0) : ((Number) o).doubleValue();
            Storage.writeDouble(dt, data, pos[0]++, v);
            return;
        }
        int n = o instanceof List<?> l ? l.size() : (o != null && o.getClass().isArray() ? Array.getLength(o) : -1);
        if (n != shape.dim(depth))
            throw new IllegalArgumentException("asarray: ragged nesting at depth " + depth + ": found length " + n
                    + ", expected " + shape.dim(depth) + " (all rows must have equal lengths)");
        for (int i = 0; i < n; i++) fill(o instanceof List<?> l ? l.get(i) : Array.get(o, i), depth + 1, shape, dt, data, pos);
    }

    private static Tensor fromFlat(DType dt, Object data, int n, int[] shape) {
        Shape s = shape.length == 0 ? Shape.of(n) : Shape.of(shape);
        if (s.size() != n)
            throw new IllegalArgumentException("array: " + n + " elements do not fit shape " + s);
        return Tensor.wrap(dt, s, data);
    }

    /** Zeros of the default float dtype. */
    public static Tensor zeros(int... shape) { return full(Shape.of(shape), 0, Config.defaultFloat()); }

    /** Zeros of a dtype. */
    public static Tensor zeros(Shape shape, DType dtype) { return full(shape, 0, dtype); }

    /** Ones of the default float dtype. */
    public static Tensor ones(int... shape) { return full(Shape.of(shape), 1, Config.defaultFloat()); }

    /** Ones of a dtype. */
    public static Tensor ones(Shape shape, DType dtype) { return full(shape, 1, dtype); }

    /** A tensor filled with {@code value} (default float dtype). */
    public static Tensor full(int[] shape, double value) { return full(Shape.of(shape), value, Config.defaultFloat()); }

    /** A tensor of {@code dtype} filled with {@code value}. */
    public static Tensor full(Shape shape, double value, DType dtype) {
        Object data = Storage.allocate(dtype, shape.size());
        if (value != 0) for (int i = 0; i < shape.size(); i++) Storage.writeDouble(dtype, data, i, value);
        return Tensor.wrap(dtype, shape, data);
    }

    /** Zeros with {@code like}'s shape and dtype. */
    public static Tensor zerosLike(Tensor like) { return full(like.shape(), 0, like.dtype()); }

    /** Ones with {@code like}'s shape and dtype. */
    public static Tensor onesLike(Tensor like) { return full(like.shape(), 1, like.dtype()); }

    /** {@code value} with {@code like}'s shape and dtype. */
    public static Tensor fullLike(Tensor like, double value) { return full(like.shape(), value, like.dtype()); }

    /** int32 {@code [0, 1, …, stop-1]} (NumPy {@code arange(stop)}). */
    public static Tensor arange(int stop) { return arange(0, stop, 1); }

    /** int32 {@code [start, start+step, …)} up to but excluding {@code stop}. */
    public static Tensor arange(int start, int stop, int step) {
        if (step == 0) throw new IllegalArgumentException("arange: step must be non-zero");
        int n = Math.max(0, (int) Math.ceil((stop - (double) start) / step));
        int[] d = new int[n];
        for (int i = 0; i < n; i++) d[i] = start + i * step;
        return Tensor.wrap(DType.I32, Shape.of(n), d);
    }

    /** Default-float {@code [start, start+step, …)} up to but excluding {@code stop}. */
    public static Tensor arange(double start, double stop, double step) {
        if (step == 0 || Double.isNaN(step)) throw new IllegalArgumentException("arange: step must be non-zero; got " + step);
        int n = Math.max(0, (int) Math.ceil((stop - start) / step));
        Object d = Storage.allocate(Config.defaultFloat(), n);
        for (int i = 0; i < n; i++) Storage.writeDouble(Config.defaultFloat(), d, i, start + i * step);
        return Tensor.wrap(Config.defaultFloat(), Shape.of(n), d);
    }

    /** {@code num} evenly spaced default-float values from {@code start} to {@code stop} inclusive. */
    public static Tensor linspace(double start, double stop, int num) {
        if (num < 0) throw new IllegalArgumentException("linspace: num must be >= 0; got " + num);
        Object d = Storage.allocate(Config.defaultFloat(), num);
        double step = num > 1 ? (stop - start) / (num - 1) : 0;
        for (int i = 0; i < num; i++) Storage.writeDouble(Config.defaultFloat(), d, i, i == num - 1 && num > 1 ? stop : start + i * step);
        return Tensor.wrap(Config.defaultFloat(), Shape.of(num), d);
    }

    /** The {@code n × n} identity (default float). */
    public static Tensor eye(int n) { return eye(n, n, 0); }

    /** An {@code n × m} matrix with ones on diagonal {@code k} (default float). */
    public static Tensor eye(int n, int m, int k) {
        Object d = Storage.allocate(Config.defaultFloat(), n * m);
        for (int i = 0; i < n; i++) if (i + k >= 0 && i + k < m) Storage.writeDouble(Config.defaultFloat(), d, i * m + i + k, 1);
        return Tensor.wrap(Config.defaultFloat(), Shape.of(n, m), d);
    }

    /** Alias of {@link #eye(int)}. */
    public static Tensor identity(int n) { return eye(n); }
}
