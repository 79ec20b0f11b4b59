package org.braindyn.ops;

import org.braindyn.ops.internal.CsrKernels;
import org.braindyn.ops.internal.ElementwiseKernels;
import org.braindyn.ops.internal.EventMatmulKernels;
import org.braindyn.ops.internal.IndexKernels;
import org.braindyn.ops.internal.MatmulKernel;
import org.braindyn.ops.internal.ReduceKernels;
import org.braindyn.ops.internal.ShapeKernels;
import org.braindyn.tensor.Tensor;

/** The eager kernel of every primitive: one exhaustive {@code switch} dispatching to the kernel families. */
public final class Kernels {
    private Kernels() {}

    /** Runs {@code op} eagerly; {@code out} is the type {@link ShapeRules} computed. */
    public static Tensor eager(Op op, Attr attr, TensorType out, Tensor... in) {
        return switch (op) {
            case NEG, ABS, SIGN, NOT, FLOOR, CEIL, ROUND, EXP, EXPM1, LOG, LOG1P, SQRT, RSQRT, SIN, COS, TAN, TANH,
                 LOGISTIC, ERF, ISNAN -> ElementwiseKernels.unary(op, in[0], out);
            case ADD, SUB, MUL, DIV, REM, POW, MAX, MIN, ATAN2, AND, OR, XOR, LT, LE, GT, GE, EQ, NE ->
                    ElementwiseKernels.binary(op, in[0], in[1], out);
            case SELECT -> ElementwiseKernels.select(in[0], in[1], in[2], out);
            case CAST -> ElementwiseKernels.cast(in[0], out.dtype());
            case REDUCE_SUM, REDUCE_PROD, REDUCE_MAX, REDUCE_MIN -> ReduceKernels.reduce(op, in[0], (Attr.Axes) attr, out);
            case ARGMAX, ARGMIN -> ReduceKernels.arg(op, in[0], ((Attr.Axis) attr).axis(), out);
            case CUMSUM, CUMPROD -> ReduceKernels.scan(op, in[0], ((Attr.Axis) attr).axis(), out);
            case RESHAPE -> ShapeKernels.reshape(in[0], out.shape());
            case BROADCAST -> ShapeKernels.broadcast(in[0], out.shape());
            case TRANSPOSE -> ShapeKernels.transpose(in[0], ((Attr.Perm) attr).perm(), out);
            case SLICE -> ShapeKernels.slice(in[0], (Attr.Slice) attr, out);
            case CONCAT -> ShapeKernels.concat(in, ((Attr.Axis) attr).axis(), out);
            case PAD -> ShapeKernels.pad(in[0], (Attr.Pad) attr, out);
            case GATHER -> IndexKernels.gather(in[0], in[1], ((Attr.Axis) attr).axis(), out);
            case SCATTER, SCATTER_ADD -> IndexKernels.scatter(op, in[0], in[1], in[2], ((Attr.Axis) attr).axis());
            case MATMUL -> MatmulKernel.matmul(in[0], in[1], out);
            case CSR_EVENT_SUM -> CsrKernels.eventSum(in[0], in[1], in[2], in[3], (Attr.Csr) attr, out);
            case CSR_MATVEC -> CsrKernels.matvec(in[0], in[1], in[2], in[3], (Attr.Csr) attr, out);
            case CSR_MATMAT -> CsrKernels.matmat(in[0], in[1], in[2], in[3], (Attr.Csr) attr, out);
            case SEGMENT_SUM -> CsrKernels.segmentSum(in[0], in[1], ((Attr.Segments) attr).count(), out);
            case PRE_GATHER -> CsrKernels.preGather(in[0], in[2], ((Attr.Csr) attr).rows(), out);
            case EVENT_MATMUL -> ((Attr.EventProduct) attr).outer() ? EventMatmulKernels.outer(in[0], in[1], out) : EventMatmulKernels.product(in[0], in[1], out);
            case HOST_CALL -> host((Attr.Host) attr, in);
        };
    }

    /** Runs a host kernel on contiguous copies (or the storage) of its operands into a new output. */
    static Tensor host(Attr.Host h, Tensor[] in) {
        Object[] arrays = new Object[in.length];
        int[] offs = new int[in.length];
        for (int j = 0; j < in.length; j++) {
            Tensor c = in[j].contiguous();
            arrays[j] = c.storage();
            offs[j] = c.offset();
        }
        Object out = org.braindyn.tensor.Storage.allocate(h.out().dtype(), h.out().shape().size());
        h.kernel().run(arrays, offs, out, 0);
        return Tensor.wrap(h.out().dtype(), h.out().shape(), out);
    }
}
