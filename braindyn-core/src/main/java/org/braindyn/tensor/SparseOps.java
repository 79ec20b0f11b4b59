package org.braindyn.tensor;

import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;

/**
 * Event-driven and sparse synaptic operators over a {@link Csr} structure (rows presynaptic, columns
 * postsynaptic). Their cost is proportional to active rows × fan-out. Part of {@link BM}.
 */
public class SparseOps extends Activations {
    protected SparseOps() {}

    /**
     * Postsynaptic input from presynaptic events: for every row whose event is non-zero (true, or a non-zero
     * number), adds the weight of each of its synapses to the target column. {@code weight} is a scalar
     * (homogeneous) or one value per synapse. Result has {@code csr.cols()} entries and the weight's dtype.
     */
    public static Tensor csrEventSum(Csr csr, Tensor weight, Tensor events) {
        Tensor w = weight.dtype().isFloating() || weight.dtype() == DType.I32 ? weight : astype(weight, Config.defaultFloat());
        return Prims.bind(Op.CSR_EVENT_SUM, new Attr.Csr(csr.rows(), csr.cols(), true), csr.indptr(), csr.indices(), w, events);
    }

    /**
     * The product {@code events · w} of a batch of events {@code (…, k)} — spikes as booleans or numbers, mostly
     * zero — and a dense matrix {@code w (k, n)}, computed by visiting only the non-zero events (BrainPy's event
     * matmul, {@code brainpy.math.event}): each adds its weight row, scaled by its value, to its output row. Cost ∝
     * events × n instead of the dense product's m·k·n, in the forward pass and in the weight gradient
     * ({@code eventsᵀ · ḡ}, event-driven as well); float events get the dense gradient {@code ḡ · wᵀ}.
     * Result {@code (…, n)} in {@code w}'s dtype (an integer {@code w} becomes the default float).
     * <pre>{@code
     * Tensor current = eventMatmul(inputSpikes, weights);   // (batch, 784) · (784, 100) → (batch, 100)
     * }</pre>
     */
    public static Tensor eventMatmul(Tensor events, Tensor w) {
        if (events.ndim() < 1 || w.ndim() != 2 || events.dim(-1) != w.dim(0))
            throw new IllegalArgumentException("eventMatmul: events must have shape (…, k) and the matrix (k, n) with the same k; got " + events.shape() + " and " + w.shape());
        Tensor wf = w.dtype().isFloating() ? w : astype(w, Config.defaultFloat());
        Tensor e = events.dtype() == DType.BOOL ? events : astype(events, wf.dtype());
        return Prims.bind(Op.EVENT_MATMUL, new Attr.EventProduct(false), e, wf);
    }

    /** {@code A·x} ({@code transpose=false}, x over columns) or {@code Aᵀ·x} (x over rows) for A = (csr, data). */
    public static Tensor csrMatvec(Csr csr, Tensor data, Tensor x, boolean transpose) {
        DType t = DType.promote(DType.promote(data.dtype(), x.dtype()), DType.I32);
        return Prims.bind(Op.CSR_MATVEC, new Attr.Csr(csr.rows(), csr.cols(), transpose), csr.indptr(), csr.indices(), astype(data, t), astype(x, t));
    }

    /** {@code A·X} or {@code Aᵀ·X} for a matrix X. */
    public static Tensor csrMatmat(Csr csr, Tensor data, Tensor x, boolean transpose) {
        DType t = DType.promote(DType.promote(data.dtype(), x.dtype()), DType.I32);
        return Prims.bind(Op.CSR_MATMAT, new Attr.Csr(csr.rows(), csr.cols(), transpose), csr.indptr(), csr.indices(), astype(data, t), astype(x, t));
    }

    /** Sums the rows of {@code data} into {@code numSegments} groups given by {@code segmentIds}. */
    public static Tensor segmentSum(Tensor data, Tensor segmentIds, int numSegments) {
        Tensor d = data.dtype() == DType.BOOL ? astype(data, DType.I32) : data;
        return Prims.bind(Op.SEGMENT_SUM, new Attr.Segments(numSegments), d, astype(segmentIds, DType.I32));
    }

    /** Per-synapse copy of the presynaptic (row) values: synapse s of row r gets {@code values[r]}. */
    public static Tensor preGather(Csr csr, Tensor values) {
        return Prims.bind(Op.PRE_GATHER, new Attr.Csr(csr.rows(), csr.cols(), false), csr.indptr(), csr.indices(), values);
    }

    /**
     * Java code as one primitive ({@link Op#HOST_CALL}, JAX's {@code pure_callback}): {@code kernel} reads the
     * operands and writes every element of an output of type {@code dtype, shape}. Eagerly it runs on fresh
     * arrays; inside {@code jit} and compiled loops it runs every step on the operands' buffers, writing into one
     * planned output buffer (no allocation). It must be pure and is not differentiable.
     * <pre>{@code
     * Tensor y = BM.hostCall("double", DType.F32, Shape.of(3), (in, io, out, oo) -> {
     *     float[] x = (float[]) in[0], r = (float[]) out;
     *     for (int i = 0; i < 3; i++) r[oo + i] = 2 * x[io[0] + i];
     * }, x);
     * }</pre>
     */
    public static Tensor hostCall(String name, DType dtype, Shape shape, org.braindyn.ops.HostKernel kernel, Tensor... operands) {
        return Prims.bind(Op.HOST_CALL, new org.braindyn.ops.Attr.Host(name, new org.braindyn.ops.TensorType(dtype, shape), kernel), operands);
    }
}
