package org.braindyn.ops;

import java.util.Arrays;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Storage;
import org.braindyn.tensor.Tensor;

/**
 * The scalar reference interpreter: every primitive written as the plainest per-element loop over multi-indices,
 * computing in double (exact for int32). It defines what the kernels and (later) the compiler must produce;
 * tests compare them op by op. Slow on purpose; never used on a hot path.
 */
public final class Reference {
    private Reference() {}

    /** Evaluates {@code op} on {@code in} by definition. */
    public static Tensor eval(Op op, Attr attr, Tensor... in) {
        TensorType out = ShapeRules.infer(op, attr, Prims.types(in));
        double[] r = new double[out.shape().size()];
        int[] os = out.shape().toArray();
        switch (op) {
            case NEG, ABS, SIGN, NOT, FLOOR, CEIL, ROUND, EXP, EXPM1, LOG, LOG1P, SQRT, RSQRT, SIN, COS, TAN, TANH,
                 LOGISTIC, ERF, ISNAN -> {
                for (int f = 0; f < r.length; f++) {
                    double v = at(in[0], unravel(f, os));
                    r[f] = switch (in[0].dtype()) {
                        case BOOL -> v == 0 ? 1 : 0;
                        case I32 -> Scalar.unaryInt(op, (int) v);
                        case F32 -> switch (op) {        // float32's transcendental functions are defined by FloatMath
                            case EXP -> FloatMath.exp((float) v);
                            case EXPM1 -> FloatMath.expm1((float) v);
                            case TANH -> FloatMath.tanh((float) v);
                            case LOGISTIC -> FloatMath.logistic((float) v);
                            default -> Scalar.unary(op, v);
                        };
                        default -> Scalar.unary(op, v);
                    };
                }
            }
            case ADD, SUB, MUL, DIV, REM, POW, MAX, MIN, ATAN2, AND, OR, XOR, LT, LE, GT, GE, EQ, NE -> {
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    double a = atBroadcast(in[0], idx), b = atBroadcast(in[1], idx);
                    r[f] = switch (in[0].dtype()) {
                        case BOOL -> Scalar.binaryBool(op, a != 0, b != 0) ? 1 : 0;
                        case I32 -> Scalar.binaryInt(op, (int) a, (int) b);
                        default -> Scalar.binary(op, a, b);
                    };
                }
            }
            case SELECT -> {
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    r[f] = atBroadcast(in[0], idx) != 0 ? atBroadcast(in[1], idx) : atBroadcast(in[2], idx);
                }
            }
            case CAST -> { for (int f = 0; f < r.length; f++) r[f] = at(in[0], unravel(f, os)); }
            case REDUCE_SUM, REDUCE_PROD, REDUCE_MAX, REDUCE_MIN -> {
                Attr.Axes ax = (Attr.Axes) attr;
                boolean[] seen = new boolean[r.length];
                int[] xs = in[0].shape().toArray();
                for (int f = 0; f < in[0].size(); f++) {
                    int[] idx = unravel(f, xs);
                    int o = ravel(project(idx, ax), os);
                    double v = at(in[0], idx);
                    if (!seen[o]) { seen[o] = true; r[o] = v; continue; }
                    r[o] = switch (op) {
                        case REDUCE_SUM -> in[0].dtype() == DType.I32 ? (int) r[o] + (int) v : r[o] + v;
                        case REDUCE_PROD -> in[0].dtype() == DType.I32 ? (int) r[o] * (int) v : r[o] * v;
                        case REDUCE_MAX -> Math.max(r[o], v);
                        default -> Math.min(r[o], v);
                    };
                }
                if (op == Op.REDUCE_PROD) for (int o = 0; o < r.length; o++) if (!seen[o]) r[o] = 1;
            }
            case ARGMAX, ARGMIN -> {
                int axis = ((Attr.Axis) attr).axis();
                for (int f = 0; f < r.length; f++) {
                    int[] idx = insertAxis(unravel(f, os), axis);
                    int best = 0;
                    double bv = Double.NaN;
                    for (int j = 0; j < in[0].dim(axis); j++) {
                        idx[axis] = j;
                        double v = at(in[0], idx);
                        if (j == 0) { bv = v; continue; }
                        if (Double.isNaN(bv)) break;
                        if (Double.isNaN(v) || (op == Op.ARGMAX ? v > bv : v < bv)) { bv = v; best = j; }
                    }
                    r[f] = best;
                }
            }
            case CUMSUM, CUMPROD -> {
                int axis = ((Attr.Axis) attr).axis();
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    int upto = idx[axis];
                    double acc = op == Op.CUMSUM ? 0 : 1;
                    for (int j = 0; j <= upto; j++) {
                        idx[axis] = j;
                        double v = at(in[0], idx);
                        acc = in[0].dtype() == DType.I32
                                ? (op == Op.CUMSUM ? (int) acc + (int) v : (int) acc * (int) v)
                                : (op == Op.CUMSUM ? acc + v : acc * v);
                    }
                    r[f] = acc;
                }
            }
            case RESHAPE -> { int[] xs = in[0].shape().toArray(); for (int f = 0; f < r.length; f++) r[f] = at(in[0], unravel(f, xs)); }
            case BROADCAST -> { for (int f = 0; f < r.length; f++) r[f] = atBroadcast(in[0], unravel(f, os)); }
            case TRANSPOSE -> {
                int[] p = ((Attr.Perm) attr).perm();
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os), src = new int[p.length];
                    for (int i = 0; i < p.length; i++) src[p[i]] = idx[i];
                    r[f] = at(in[0], src);
                }
            }
            case SLICE -> {
                Attr.Slice s = (Attr.Slice) attr;
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    for (int a = 0; a < idx.length; a++) idx[a] = s.start()[a] + idx[a] * s.step()[a];
                    r[f] = at(in[0], idx);
                }
            }
            case CONCAT -> {
                int axis = ((Attr.Axis) attr).axis();
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    int t = 0;
                    while (idx[axis] >= in[t].dim(axis)) idx[axis] -= in[t++].dim(axis);
                    r[f] = at(in[t], idx);
                }
            }
            case PAD -> {
                Attr.Pad p = (Attr.Pad) attr;
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    boolean inside = true;
                    for (int a = 0; a < idx.length; a++) {
                        idx[a] -= p.lo()[a];
                        inside &= idx[a] >= 0 && idx[a] < in[0].dim(a);
                    }
                    r[f] = inside ? at(in[0], idx) : p.value();
                }
            }
            case GATHER -> {
                int axis = ((Attr.Axis) attr).axis(), ir = in[1].ndim();
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    int[] src = new int[in[0].ndim()];
                    int[] ii = Arrays.copyOfRange(idx, axis, axis + ir);
                    for (int a = 0; a < axis; a++) src[a] = idx[a];
                    src[axis] = wrap((int) at(in[1], ii), in[0].dim(axis), op);
                    for (int a = axis + 1; a < src.length; a++) src[a] = idx[a - 1 + ir];
                    r[f] = at(in[0], src);
                }
            }
            case SCATTER, SCATTER_ADD -> {
                int axis = ((Attr.Axis) attr).axis(), ir = in[1].ndim();
                for (int f = 0; f < r.length; f++) r[f] = at(in[0], unravel(f, os));
                int[] us = in[2].shape().toArray();
                for (int f = 0; f < in[2].size(); f++) {
                    int[] uidx = unravel(f, us);
                    int[] dst = new int[in[0].ndim()];
                    for (int a = 0; a < axis; a++) dst[a] = uidx[a];
                    dst[axis] = wrap((int) at(in[1], Arrays.copyOfRange(uidx, axis, axis + ir)), in[0].dim(axis), op);
                    for (int a = axis + 1; a < dst.length; a++) dst[a] = uidx[a - 1 + ir];
                    int o = ravel(dst, os);
                    double u = at(in[2], uidx);
                    r[o] = op == Op.SCATTER ? u : in[0].dtype() == DType.F32 ? (float) (r[o] + u) : r[o] + u;   // accumulate in the operand's precision
                }
            }
            case MATMUL -> {
                int k = in[0].dim(-1);
                for (int f = 0; f < r.length; f++) {
                    int[] idx = unravel(f, os);
                    int n = idx.length;
                    int[] ai = idx.clone(), bi = idx.clone();
                    double s = 0;
                    for (int q = 0; q < k; q++) {
                        ai[n - 1] = q;
                        bi[n - 2] = q;
                        s += atBroadcast(in[0], ai) * atBroadcast(in[1], bi);
                    }
                    r[f] = s;
                }
            }
            case CSR_EVENT_SUM, CSR_MATVEC, CSR_MATMAT -> {
                Attr.Csr c = (Attr.Csr) attr;
                double[][] dense = dense(in[0], in[1], in[2], c);
                Tensor x = in[3];
                int k = op == Op.CSR_MATMAT ? x.dim(1) : 1;
                for (int f = 0; f < r.length; f++) {
                    int o = f / k, q = f % k;
                    double s = 0;
                    int len = c.transpose() ? c.rows() : c.cols();
                    for (int j = 0; j < len; j++) {
                        double a = c.transpose() ? dense[j][o] : dense[o][j];
                        double xv = op == Op.CSR_MATMAT ? at(x, new int[] {j, q}) : at(x, new int[] {j});
                        if (op == Op.CSR_EVENT_SUM) s += xv != 0 ? a : 0; else s += a * xv;
                    }
                    r[f] = s;
                }
            }
            case SEGMENT_SUM -> {
                int[] ds = in[0].shape().toArray();
                for (int f = 0; f < in[0].size(); f++) {
                    int[] idx = unravel(f, ds);
                    int g = (int) at(in[1], new int[] {idx[0]});
                    if (g < 0 || g >= os[0]) throw new IndexOutOfBoundsException("segment_sum: segment id " + g + " out of range");
                    idx[0] = g;
                    r[ravel(idx, os)] += at(in[0], unravel(f, ds));
                }
            }
            case EVENT_MATMUL -> {   // the dense definition: every event, zero or not, multiplies
                boolean outer = ((Attr.EventProduct) attr).outer();
                int k = in[0].dim(-1), n = in[1].dim(-1), m = k == 0 ? 0 : in[0].size() / k;
                int[] es = in[0].shape().toArray(), bs = in[1].shape().toArray();
                for (int i = 0; i < m; i++)
                    for (int j = 0; j < k; j++) {
                        double ev = at(in[0], unravel(i * k + j, es));
                        for (int c = 0; c < n; c++) {
                            if (outer) r[j * n + c] += ev * at(in[1], unravel(i * n + c, bs));
                            else r[i * n + c] += ev * at(in[1], new int[] {j, c});
                        }
                    }
            }
            case HOST_CALL -> {   // Java code has no second definition: its reference is itself
                Tensor k = Kernels.host((Attr.Host) attr, in);
                for (int f = 0; f < r.length; f++) r[f] = Storage.readDouble(out.dtype(), k.storage(), f);
            }
            case PRE_GATHER -> {
                for (int s = 0; s < r.length; s++) {
                    int row = 0;
                    while (at(in[0], new int[] {row + 1}) <= s) row++;
                    r[s] = at(in[2], new int[] {row});
                }
            }
        }
        Object dst = Storage.allocate(out.dtype(), r.length);
        for (int f = 0; f < r.length; f++) Storage.writeDouble(out.dtype(), dst, f, r[f]);
        return Tensor.wrap(out.dtype(), out.shape(), dst);
    }

    private static double[][] dense(Tensor indptr, Tensor indices, Tensor data, Attr.Csr c) {
        double[][] d = new double[c.rows()][c.cols()];
        for (int row = 0; row < c.rows(); row++)
            for (int s = (int) at(indptr, new int[] {row}); s < (int) at(indptr, new int[] {row + 1}); s++)
                d[row][(int) at(indices, new int[] {s})] += data.ndim() == 0 ? data.item() : at(data, new int[] {s});
        return d;
    }

    private static int wrap(int j, int n, Op op) {
        int k = j < 0 ? j + n : j;
        if (k < 0 || k >= n) throw new IndexOutOfBoundsException(op.label() + ": index " + j + " out of bounds for size " + n);
        return k;
    }

    private static int[] project(int[] idx, Attr.Axes ax) {
        int[] o = new int[ax.keepDims() ? idx.length : idx.length - ax.axes().length];
        int n = 0;
        for (int i = 0; i < idx.length; i++) {
            if (!ax.contains(i)) o[n++] = idx[i]; else if (ax.keepDims()) o[n++] = 0;
        }
        return o;
    }

    private static int[] insertAxis(int[] idx, int axis) {
        int[] o = new int[idx.length + 1];
        for (int i = 0, k = 0; i < o.length; i++) o[i] = i == axis ? 0 : idx[k++];
        return o;
    }

    static double at(Tensor t, int[] idx) { return t.readDouble(t.storageIndex(idx)); }

    /** Element of {@code t} at {@code idx} of a broadcast result shape (leading axes dropped, extent-1 axes pinned). */
    static double atBroadcast(Tensor t, int[] idx) {
        int lead = idx.length - t.ndim();
        int[] own = new int[t.ndim()];
        for (int i = 0; i < own.length; i++) own[i] = t.dim(i) == 1 ? 0 : idx[i + lead];
        return at(t, own);
    }

    static int[] unravel(int flat, int[] dims) {
        int[] idx = new int[dims.length];
        for (int i = dims.length - 1; i >= 0; i--) {
            if (dims[i] == 0) return idx;
            idx[i] = flat % dims[i];
            flat /= dims[i];
        }
        return idx;
    }

    static int ravel(int[] idx, int[] dims) {
        int f = 0;
        for (int i = 0; i < dims.length; i++) f = f * dims[i] + idx[i];
        return f;
    }

    /** The shape a reference output would have; exposed for tests. */
    public static Shape outShape(Op op, Attr attr, Tensor... in) { return ShapeRules.infer(op, attr, Prims.types(in)).shape(); }
}
