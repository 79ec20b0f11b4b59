package org.braindyn.tensor;

import java.util.Arrays;

/**
 * An immutable tensor shape: a list of non-negative extents. Prints as NumPy does: {@code ()}, {@code (10,)},
 * {@code (2, 3)}.
 */
public final class Shape {
    /** The shape of a scalar. */
    public static final Shape SCALAR = new Shape(new int[0]);

    private final int[] dims;
    private final int size;

    private Shape(int[] dims) {
        long n = 1;
        for (int d : dims) {
            if (d < 0) throw new IllegalArgumentException("Shape: negative extent in " + Arrays.toString(dims));
            n *= d;
            if (n > Integer.MAX_VALUE)
                throw new IllegalArgumentException("Shape: " + Arrays.toString(dims) + " has more than 2^31-1 elements");
        }
        this.dims = dims;
        this.size = (int) n;
    }

    /** A shape with the given extents (copied). */
    public static Shape of(int... dims) { return dims.length == 0 ? SCALAR : new Shape(dims.clone()); }

    /** This shape without its first {@code n} axes. */
    public Shape drop(int n) { return of(Arrays.copyOfRange(dims, n, dims.length)); }

    /** This shape with a new leading axis of extent {@code d}. */
    public Shape prepend(int d) {
        int[] r = new int[dims.length + 1];
        r[0] = d;
        System.arraycopy(dims, 0, r, 1, dims.length);
        return of(r);
    }

    /** Number of axes. */
    public int rank() { return dims.length; }

    /** Extent of {@code axis}; negative axes count from the end. */
    public int dim(int axis) { return dims[normalizeAxis(axis, dims.length, "Shape.dim")]; }

    /** Number of elements (1 for a scalar). */
    public int size() { return size; }

    /** A copy of the extents. */
    public int[] toArray() { return dims.clone(); }

    /** Row-major (C order) element strides of this shape. */
    public int[] contiguousStrides() {
        int[] s = new int[dims.length];
        int acc = 1;
        for (int i = dims.length - 1; i >= 0; i--) {
            s[i] = acc;
            acc *= Math.max(dims[i], 1);
        }
        return s;
    }

    /** NumPy broadcasting of two shapes; names both in the error when they do not broadcast. */
    public static Shape broadcast(Shape a, Shape b) {
        if (a.equals(b)) return a;
        int r = Math.max(a.rank(), b.rank());
        int[] out = new int[r];
        for (int i = 0; i < r; i++) {
            int da = i < r - a.rank() ? 1 : a.dims[i - (r - a.rank())];
            int db = i < r - b.rank() ? 1 : b.dims[i - (r - b.rank())];
            if (da != db && da != 1 && db != 1)
                throw new IllegalArgumentException("broadcast: shapes " + a + " and " + b
                        + " are incompatible at axis " + i + " (" + da + " vs " + db
                        + "); expected equal extents or 1");
            out[i] = da == 1 ? db : da;
        }
        return new Shape(out);
    }

    /** Normalises a possibly negative axis against {@code rank}, with an error naming {@code who}. */
    public static int normalizeAxis(int axis, int rank, String who) {
        int a = axis < 0 ? axis + rank : axis;
        if (a < 0 || a >= rank)
            throw new IndexOutOfBoundsException(who + ": axis " + axis + " is out of range for rank " + rank
                    + "; expected " + (-rank) + " <= axis < " + rank);
        return a;
    }

    @Override public boolean equals(Object o) { return o instanceof Shape s && Arrays.equals(dims, s.dims); }

    @Override public int hashCode() { return Arrays.hashCode(dims); }

    @Override public String toString() {
        if (dims.length == 1) return "(" + dims[0] + ",)";
        StringBuilder sb = new StringBuilder("(");
        for (int i = 0; i < dims.length; i++) sb.append(i == 0 ? "" : ", ").append(dims[i]);
        return sb.append(')').toString();
    }
}
