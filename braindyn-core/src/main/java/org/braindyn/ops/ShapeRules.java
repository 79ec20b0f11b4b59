package org.braindyn.ops;

import java.util.Arrays;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;

/**
 * The shape/dtype rule of every primitive: from input types and attributes to the output type, with an error
 * that names the primitive, what was found and what was expected. One exhaustive {@code switch}.
 */
public final class ShapeRules {
    private ShapeRules() {}

    /** The output type of {@code op} applied to inputs of types {@code in}. */
    public static TensorType infer(Op op, Attr attr, TensorType... in) {
        return switch (op) {
            case NEG, ABS, SIGN -> { arity(op, in, 1); notBool(op, in[0]); yield in[0]; }
            case NOT -> { arity(op, in, 1); if (in[0].dtype().isFloating()) throw err(op, "needs bool or int32 input", in[0]); yield in[0]; }
            case FLOOR, CEIL, ROUND, EXP, EXPM1, LOG, LOG1P, SQRT, RSQRT, SIN, COS, TAN, TANH, LOGISTIC, ERF -> {
                arity(op, in, 1); floating(op, in[0]); yield in[0];
            }
            case ISNAN -> { arity(op, in, 1); floating(op, in[0]); yield new TensorType(DType.BOOL, in[0].shape()); }
            case ADD, SUB, MUL, DIV, REM, POW -> { binary(op, in); notBool(op, in[0]); yield broadcast(op, in); }
            case ATAN2 -> { binary(op, in); floating(op, in[0]); yield broadcast(op, in); }
            case MAX, MIN -> { binary(op, in); yield broadcast(op, in); }
            case AND, OR, XOR -> {
                binary(op, in);
                if (in[0].dtype().isFloating()) throw err(op, "needs bool or int32 inputs", in[0]);
                yield broadcast(op, in);
            }
            case LT, LE, GT, GE, EQ, NE -> { binary(op, in); yield new TensorType(DType.BOOL, broadcast(op, in).shape()); }
            case SELECT -> {
                arity(op, in, 3);
                if (in[0].dtype() != DType.BOOL) throw err(op, "condition must be bool", in[0]);
                if (in[1].dtype() != in[2].dtype()) throw err(op, "branches must share a dtype", in[1], in[2]);
                Shape s = Shape.broadcast(Shape.broadcast(in[0].shape(), in[1].shape()), in[2].shape());
                yield new TensorType(in[1].dtype(), s);
            }
            case CAST -> { arity(op, in, 1); yield new TensorType(((Attr.To) attr).dtype(), in[0].shape()); }
            case REDUCE_SUM, REDUCE_PROD -> { arity(op, in, 1); notBool(op, in[0]); yield reduce(op, (Attr.Axes) attr, in[0], in[0].dtype()); }
            case REDUCE_MAX, REDUCE_MIN -> {
                arity(op, in, 1);
                Attr.Axes ax = (Attr.Axes) attr;
                TensorType t = reduce(op, ax, in[0], in[0].dtype());
                for (int a : ax.axes()) if (in[0].shape().dim(a) == 0) throw err(op, "zero-size axis " + a + " has no identity", in[0]);
                yield t;
            }
            case ARGMAX, ARGMIN -> {
                arity(op, in, 1);
                int a = axis(op, (Attr.Axis) attr, in[0]);
                if (in[0].shape().dim(a) == 0) throw err(op, "zero-size axis " + a, in[0]);
                yield reduce(op, new Attr.Axes(new int[] {a}, false), in[0], DType.I32);
            }
            case CUMSUM, CUMPROD -> { arity(op, in, 1); notBool(op, in[0]); axis(op, (Attr.Axis) attr, in[0]); yield in[0]; }
            case RESHAPE -> {
                arity(op, in, 1);
                Shape to = ((Attr.ToShape) attr).shape();
                if (to.size() != in[0].shape().size())
                    throw err(op, "cannot reshape " + in[0].shape().size() + " elements to " + to, in[0]);
                yield new TensorType(in[0].dtype(), to);
            }
            case BROADCAST -> {
                arity(op, in, 1);
                Shape to = ((Attr.ToShape) attr).shape();
                if (!Shape.broadcast(in[0].shape(), to).equals(to))
                    throw err(op, "cannot broadcast to " + to, in[0]);
                yield new TensorType(in[0].dtype(), to);
            }
            case TRANSPOSE -> {
                arity(op, in, 1);
                int[] p = ((Attr.Perm) attr).perm();
                int r = in[0].shape().rank();
                int[] sorted = p.clone();
                Arrays.sort(sorted);
                for (int i = 0; i < sorted.length; i++)
                    if (sorted.length != r || sorted[i] != i)
                        throw err(op, "axes " + Arrays.toString(p) + " are not a permutation of 0.." + (r - 1), in[0]);
                int[] d = new int[r];
                for (int i = 0; i < r; i++) d[i] = in[0].shape().dim(p[i]);
                yield new TensorType(in[0].dtype(), Shape.of(d));
            }
            case SLICE -> {
                arity(op, in, 1);
                Attr.Slice s = (Attr.Slice) attr;
                Shape sh = in[0].shape();
                if (s.count().length != sh.rank()) throw err(op, "slice of rank " + s.count().length, in[0]);
                for (int a = 0; a < sh.rank(); a++) {
                    int c = s.count()[a];
                    if (c < 0 || s.step()[a] == 0) throw err(op, "bad count/step on axis " + a, in[0]);
                    if (c > 0) {
                        int first = s.start()[a], last = first + (c - 1) * s.step()[a];
                        if (first < 0 || first >= sh.dim(a) || last < 0 || last >= sh.dim(a))
                            throw err(op, "axis " + a + " range [" + first + ", " + last + "] exceeds extent " + sh.dim(a), in[0]);
                    }
                }
                yield new TensorType(in[0].dtype(), Shape.of(s.count()));
            }
            case CONCAT -> {
                if (in.length == 0) throw new IllegalArgumentException("concat: needs at least one input");
                int a = ((Attr.Axis) attr).axis();
                int r = in[0].shape().rank();
                if (a < 0 || a >= r) throw err(op, "axis " + a + " out of range", in[0]);
                int[] d = in[0].shape().toArray();
                d[a] = 0;
                for (TensorType t : in) {
                    if (t.dtype() != in[0].dtype()) throw err(op, "inputs must share a dtype", in[0], t);
                    if (t.shape().rank() != r) throw err(op, "inputs must share a rank", in[0], t);
                    for (int i = 0; i < r; i++)
                        if (i != a && t.shape().dim(i) != in[0].shape().dim(i))
                            throw err(op, "extents differ on axis " + i, in[0], t);
                    d[a] += t.shape().dim(a);
                }
                yield new TensorType(in[0].dtype(), Shape.of(d));
            }
            case PAD -> {
                arity(op, in, 1);
                Attr.Pad p = (Attr.Pad) attr;
                int[] d = in[0].shape().toArray();
                if (p.lo().length != d.length || p.hi().length != d.length) throw err(op, "pad widths must have one entry per axis", in[0]);
                for (int i = 0; i < d.length; i++) {
                    if (p.lo()[i] < 0 || p.hi()[i] < 0) throw err(op, "pad widths must be >= 0", in[0]);
                    d[i] += p.lo()[i] + p.hi()[i];
                }
                yield new TensorType(in[0].dtype(), Shape.of(d));
            }
            case GATHER -> {
                arity(op, in, 2);
                int a = axis(op, (Attr.Axis) attr, in[0]);
                intIndex(op, in[1]);
                yield new TensorType(in[0].dtype(), Shape.of(gatherDims(in[0].shape(), in[1].shape(), a)));
            }
            case SCATTER, SCATTER_ADD -> {
                arity(op, in, 3);
                int a = axis(op, (Attr.Axis) attr, in[0]);
                intIndex(op, in[1]);
                if (op == Op.SCATTER_ADD) notBool(op, in[0]);
                Shape want = Shape.of(gatherDims(in[0].shape(), in[1].shape(), a));
                if (in[2].dtype() != in[0].dtype()) throw err(op, "updates must have the operand's dtype", in[0], in[2]);
                if (!in[2].shape().equals(want)) throw err(op, "updates must have shape " + want, in[0], in[1], in[2]);
                yield in[0];
            }
            case MATMUL -> {
                binary(op, in);
                notBool(op, in[0]);
                Shape a = in[0].shape(), b = in[1].shape();
                if (a.rank() < 2 || b.rank() < 2) throw err(op, "needs rank >= 2 operands", in);
                if (a.dim(-1) != b.dim(-2))
                    throw err(op, "contraction extents differ: a.shape[-1]=" + a.dim(-1) + " vs b.shape[-2]=" + b.dim(-2), in);
                Shape batch = Shape.broadcast(Shape.of(Arrays.copyOf(a.toArray(), a.rank() - 2)),
                        Shape.of(Arrays.copyOf(b.toArray(), b.rank() - 2)));
                int[] d = Arrays.copyOf(batch.toArray(), batch.rank() + 2);
                d[batch.rank()] = a.dim(-2);
                d[batch.rank() + 1] = b.dim(-1);
                yield new TensorType(in[0].dtype(), Shape.of(d));
            }
            case HOST_CALL -> ((Attr.Host) attr).out();
            case CSR_EVENT_SUM, CSR_MATVEC, CSR_MATMAT -> {
                arity(op, in, 4);
                Attr.Csr c = (Attr.Csr) attr;
                csr(op, c, in[0], in[1], in[2]);
                TensorType x = in[3];
                int inLen = c.transpose() ? c.rows() : c.cols(), outLen = c.transpose() ? c.cols() : c.rows();
                if (op == Op.CSR_EVENT_SUM) {
                    if (!c.transpose()) throw err(op, "event sums run over rows (transpose=true)", x);
                    if (x.shape().rank() != 1 || x.shape().dim(0) != inLen) throw err(op, "events must have shape (" + inLen + ",)", x);
                    yield new TensorType(in[2].dtype(), Shape.of(outLen));
                }
                if (x.dtype() != in[2].dtype()) throw err(op, "operand must have the matrix data's dtype", in[2], x);
                if (op == Op.CSR_MATVEC) {
                    if (x.shape().rank() != 1 || x.shape().dim(0) != inLen) throw err(op, "vector must have shape (" + inLen + ",)", x);
                    yield new TensorType(x.dtype(), Shape.of(outLen));
                }
                if (x.shape().rank() != 2 || x.shape().dim(0) != inLen) throw err(op, "matrix operand must have shape (" + inLen + ", k)", x);
                yield new TensorType(x.dtype(), Shape.of(outLen, x.shape().dim(1)));
            }
            case SEGMENT_SUM -> {
                arity(op, in, 2);
                notBool(op, in[0]);
                intIndex(op, in[1]);
                Shape d = in[0].shape();
                if (d.rank() < 1 || in[1].shape().rank() != 1 || in[1].shape().dim(0) != d.dim(0))
                    throw err(op, "segment ids must be a vector as long as data's first axis", in);
                int[] o = d.toArray();
                o[0] = ((Attr.Segments) attr).count();
                yield new TensorType(in[0].dtype(), Shape.of(o));
            }
            case EVENT_MATMUL -> {
                arity(op, in, 2);
                TensorType e = in[0], b = in[1];
                floating(op, b);
                int r = e.shape().rank();
                if (r < 1) throw err(op, "events must have rank >= 1 (…, k)", e);
                int k = e.shape().dim(-1);
                int[] lead = Arrays.copyOf(e.shape().toArray(), r - 1);
                if (!((Attr.EventProduct) attr).outer()) {
                    if (b.shape().rank() != 2 || b.shape().dim(0) != k)
                        throw err(op, "the matrix must have shape (" + k + ", n) for events (…, " + k + ")", in);
                    int[] o = Arrays.copyOf(lead, r);
                    o[r - 1] = b.shape().dim(1);
                    yield new TensorType(b.dtype(), Shape.of(o));
                }
                if (b.shape().rank() != r || !Arrays.equals(lead, Arrays.copyOf(b.shape().toArray(), r - 1)))
                    throw err(op, "the operand must have the events' leading axes " + Arrays.toString(lead) + " and a last axis n", in);
                yield new TensorType(b.dtype(), Shape.of(k, b.shape().dim(-1)));
            }
            case PRE_GATHER -> {
                arity(op, in, 3);
                Attr.Csr c = (Attr.Csr) attr;
                intIndex(op, in[0]);
                intIndex(op, in[1]);
                if (in[0].shape().rank() != 1 || in[0].shape().dim(0) != c.rows() + 1) throw err(op, "indptr must have shape (" + (c.rows() + 1) + ",)", in[0]);
                if (in[2].shape().rank() != 1 || in[2].shape().dim(0) != c.rows()) throw err(op, "row values must have shape (" + c.rows() + ",)", in[2]);
                yield new TensorType(in[2].dtype(), in[1].shape());
            }
        };
    }

    static int[] gatherDims(Shape x, Shape idx, int axis) {
        int[] d = new int[x.rank() - 1 + idx.rank()];
        int k = 0;
        for (int i = 0; i < axis; i++) d[k++] = x.dim(i);
        for (int i = 0; i < idx.rank(); i++) d[k++] = idx.dim(i);
        for (int i = axis + 1; i < x.rank(); i++) d[k++] = x.dim(i);
        return d;
    }

    private static void csr(Op op, Attr.Csr c, TensorType indptr, TensorType indices, TensorType data) {
        intIndex(op, indptr);
        intIndex(op, indices);
        if (indptr.shape().rank() != 1 || indptr.shape().dim(0) != c.rows() + 1)
            throw err(op, "indptr must have shape (" + (c.rows() + 1) + ",) for " + c.rows() + " rows", indptr);
        if (indices.shape().rank() != 1) throw err(op, "indices must be a vector", indices);
        if (!data.dtype().isFloating() && data.dtype() != DType.I32) throw err(op, "data must be numeric", data);
        if (data.shape().rank() != 0 && !data.shape().equals(indices.shape()))
            throw err(op, "data must be a scalar or have one value per synapse " + indices.shape(), data);
    }

    private static TensorType reduce(Op op, Attr.Axes ax, TensorType in, DType dtype) {
        int r = in.shape().rank();
        int[] d = in.shape().toArray();
        for (int a : ax.axes()) if (a < 0 || a >= r) throw err(op, "axis " + a + " out of range", in);
        int n = 0;
        int[] o = new int[ax.keepDims() ? r : r - ax.axes().length];
        for (int i = 0; i < r; i++) {
            if (ax.contains(i)) { if (ax.keepDims()) o[n++] = 1; } else o[n++] = d[i];
        }
        return new TensorType(dtype, Shape.of(o));
    }

    private static int axis(Op op, Attr.Axis ax, TensorType in) {
        int a = ax.axis();
        if (a < 0 || a >= in.shape().rank())
            throw err(op, "axis " + a + " out of range", in);
        return a;
    }

    private static void arity(Op op, TensorType[] in, int n) {
        if (in.length != n) throw new IllegalArgumentException(op.label() + ": takes " + n + " inputs; got " + in.length);
    }

    private static void binary(Op op, TensorType[] in) {
        arity(op, in, 2);
        if (in[0].dtype() != in[1].dtype()) throw err(op, "inputs must share a dtype (promote first)", in);
    }

    private static TensorType broadcast(Op op, TensorType[] in) {
        try {
            return new TensorType(in[0].dtype(), Shape.broadcast(in[0].shape(), in[1].shape()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op.label() + ": " + e.getMessage(), e);
        }
    }

    private static void floating(Op op, TensorType t) {
        if (!t.dtype().isFloating()) throw err(op, "needs a float input (cast first)", t);
    }

    private static void notBool(Op op, TensorType t) {
        if (t.dtype() == DType.BOOL) throw err(op, "is not defined for bool (cast to int32 first)", t);
    }

    private static void intIndex(Op op, TensorType t) {
        if (t.dtype() != DType.I32) throw err(op, "indices must be int32", t);
    }

    private static IllegalArgumentException err(Op op, String what, TensorType... got) {
        return new IllegalArgumentException(op.label() + ": " + what + "; got " + Arrays.toString(got));
    }
}
