package org.braindyn.tensor;

import java.util.Arrays;

/**
 * An immutable n-dimensional array: a {@link DType}, a {@link Shape}, and a strided view of a primitive Java
 * array ({@code float[]}, {@code double[]}, {@code int[]} or {@code boolean[]}). Slicing, transposition,
 * broadcasting and (where strides allow) reshaping return views that share the storage without copying; since
 * no public operation writes into a tensor's storage, sharing is never observable. Mutable state lives in
 * {@link org.braindyn.state.Variable}, which holds a tensor value and replaces it on update.
 *
 * <p>Every computation goes through the primitive table ({@link org.braindyn.ops.Op}); the instance methods
 * here are chaining shortcuts for the static facade {@link BM}.
 * <pre>{@code
 * Tensor x = BM.arange(6).reshape(2, 3);        // int32 (2, 3)
 * Tensor y = x.mul(1.5).add(BM.ones(3)).exp();  // float32 (2, 3), broadcasting the row
 * Tensor row = y.get(Index.at(1));              // a view of the second row
 * }</pre>
 */
public final class Tensor extends TensorOps {
    private final DType dtype;
    private final Shape shape;
    private final Object data;
    private final int offset;
    private final int[] strides;

    Tensor(DType dtype, Shape shape, Object data, int offset, int[] strides) {
        this.dtype = dtype;
        this.shape = shape;
        this.data = data;
        this.offset = offset;
        this.strides = strides;
    }

    /**
     * Wraps a fresh primitive array as a C-ordered tensor, taking ownership: the caller must not modify
     * {@code data} afterwards. The array type must match {@code dtype} and its length the shape's size.
     */
    public static Tensor wrap(DType dtype, Shape shape, Object data) {
        int len = Storage.length(dtype, data);
        if (len != shape.size())
            throw new IllegalArgumentException("Tensor.wrap: storage of length " + len + " does not fit shape "
                    + shape + "; expected " + shape.size() + " elements");
        return new Tensor(dtype, shape, data, 0, shape.contiguousStrides());
    }

    /**
     * A C-ordered view of {@code shape} starting at {@code offset} of a primitive array (low-level; the compiler's
     * executor uses it to hand its buffers to eager kernels). The array must hold the elements; the caller must
     * not modify them while the tensor is in use.
     */
    public static Tensor ofStorage(DType dtype, Shape shape, Object data, int offset) {
        int len = Storage.length(dtype, data);
        if (offset < 0 || offset + shape.size() > len)
            throw new IllegalArgumentException("Tensor.ofStorage: " + shape.size() + " elements from offset " + offset + " do not fit an array of " + len);
        return new Tensor(dtype, shape, data, offset, shape.contiguousStrides());
    }

    /**
     * A symbolic tensor: a type and a tracer's token, with no elements. The compiler ({@code org.braindyn.jit})
     * hands these to traced code; shape ops and primitives work on them, but any attempt to read an element
     * (branching in Java on a traced value) throws the token's explanation.
     */
    public static Tensor symbolic(DType dtype, Shape shape, Symbolic token) {
        return new Tensor(dtype, shape, token, 0, shape.contiguousStrides());
    }

    /** The marker a tracer attaches to a symbolic tensor. */
    public interface Symbolic {
        /** The error for reading an element of this value: which value, where it was made, and what to use instead. */
        RuntimeException concretizationError(String what);
    }

    /** True if this tensor is a tracer's symbolic value (no elements to read). */
    public boolean isSymbolic() { return data instanceof Symbolic; }

    /** The tracer token of a symbolic tensor, else null. */
    public Symbolic symbol() { return data instanceof Symbolic s ? s : null; }

    private Object data(String what) {
        if (data instanceof Symbolic s) throw s.concretizationError(what);
        return data;
    }

    /** A view of this tensor's storage with another shape, offset and element strides (low-level; no checks of bounds beyond rank). */
    public Tensor view(Shape newShape, int newOffset, int[] newStrides) {
        if (newStrides.length != newShape.rank())
            throw new IllegalArgumentException("Tensor.view: " + newStrides.length + " strides for shape " + newShape);
        return new Tensor(dtype, newShape, data, newOffset, newStrides.clone());
    }

    /** Element type. */
    public DType dtype() { return dtype; }

    /** Shape. */
    public Shape shape() { return shape; }

    /** Number of axes (NumPy {@code ndim}). */
    public int ndim() { return shape.rank(); }

    /** Number of elements. */
    public int size() { return shape.size(); }

    /** Extent of one axis; negative axes count from the end. */
    public int dim(int axis) { return shape.dim(axis); }

    /** The underlying primitive array (low-level, read-only by contract; may be shared with other views). */
    public Object storage() { return data("its storage"); }

    /** Index in {@link #storage()} of the first element. */
    public int offset() { return offset; }

    /** Element strides, one per axis (0 for broadcast axes, negative for flipped ones). */
    public int[] strides() { return strides.clone(); }

    /** Stride of one axis. */
    public int stride(int axis) { return strides[axis]; }

    /** True if the elements are laid out in C order from {@link #offset()} with unit innermost stride. */
    public boolean isContiguous() {
        int expect = 1;
        for (int i = shape.rank() - 1; i >= 0; i--) {
            int d = shape.dim(i);
            if (d != 1 && strides[i] != expect) return false;
            expect *= d;
        }
        return true;
    }

    /** True if this tensor shares its storage with {@code other}. */
    public boolean sharesStorageWith(Tensor other) { return data == other.data; }

    /** This tensor if it is contiguous and owns exactly its storage from offset 0, else a C-ordered copy. */
    public Tensor contiguous() {
        if (data instanceof Symbolic) return this;
        if (offset == 0 && isContiguous() && Storage.length(dtype, data) == shape.size()) return this;
        return new Tensor(dtype, shape, Storage.copyToFlat(this), 0, shape.contiguousStrides());
    }

    /** Storage index of the element at {@code index} (one entry per axis, negative entries count from the end). */
    public int storageIndex(int... index) {
        if (index.length != shape.rank())
            throw new IllegalArgumentException("Tensor: index " + Arrays.toString(index) + " has " + index.length
                    + " entries; expected " + shape.rank() + " for shape " + shape);
        int off = offset;
        for (int a = 0; a < index.length; a++) {
            int d = shape.dim(a), i = index[a] < 0 ? index[a] + d : index[a];
            if (i < 0 || i >= d)
                throw new IndexOutOfBoundsException("Tensor: index " + index[a] + " is out of bounds for axis " + a
                        + " with size " + d);
            off += i * strides[a];
        }
        return off;
    }

    /** Element at a storage index, converted to double (BOOL gives 0 or 1). */
    public double readDouble(int storageIndex) { return Storage.readDouble(dtype, data("an element"), storageIndex); }

    /** Element at {@code index}, as double. */
    public double getDouble(int... index) { return readDouble(storageIndex(index)); }

    /** Element at {@code index}, as float. */
    public float getFloat(int... index) { return (float) getDouble(index); }

    /** Element at {@code index}, as int (floats truncate). */
    public int getInt(int... index) {
        int s = storageIndex(index);
        return dtype == DType.I32 ? ((int[]) data("an element"))[s] : (int) readDouble(s);
    }

    /** Element at {@code index}, as boolean (non-zero is true). */
    public boolean getBool(int... index) {
        int s = storageIndex(index);
        return dtype == DType.BOOL ? ((boolean[]) data("an element"))[s] : readDouble(s) != 0;
    }

    /** The single element of a size-1 tensor, as double. */
    public double item() {
        if (shape.size() != 1)
            throw new IllegalStateException("Tensor.item: only size-1 tensors convert to a scalar; got shape " + shape);
        return readDouble(offset);
    }

    /** The elements in C order, converted to float. */
    public float[] toFloatArray() { return (float[]) Storage.copyToFlat(BM.astype(this, DType.F32)); }

    /** The elements in C order, converted to double. */
    public double[] toDoubleArray() { return (double[]) Storage.copyToFlat(BM.astype(this, DType.F64)); }

    /** The elements in C order, converted to int. */
    public int[] toIntArray() { return (int[]) Storage.copyToFlat(BM.astype(this, DType.I32)); }

    /** The elements in C order, converted to boolean. */
    public boolean[] toBoolArray() { return (boolean[]) Storage.copyToFlat(BM.astype(this, DType.BOOL)); }

    @Override Tensor self() { return this; }

    /** Prints like NumPy's repr, e.g. {@code Tensor([[1.5, 2.5]], dtype=float32)}. */
    @Override public String toString() { return data instanceof Symbolic s ? "Traced<" + dtype.numpyName() + shape + ">" + s : TensorFormat.repr(this); }

    /** Value equality: same dtype, shape and elements (NaN equals NaN). For tolerances use {@link BM#allclose}. */
    @Override public boolean equals(Object o) {
        if (!(o instanceof Tensor t) || t.dtype != dtype || !t.shape.equals(shape)) return false;
        return Arrays.equals(toDoubleArray(), t.toDoubleArray());
    }

    @Override public int hashCode() { return shape.hashCode() * 31 + Arrays.hashCode(toDoubleArray()); }
}
