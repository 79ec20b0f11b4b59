package org.braindyn.ops;

/**
 * The closed set of primitive operations. Every tensor computation in BrainDyn is a composition of these;
 * each has exactly one entry in each rule table ({@link ShapeRules}, {@link Kernels}, {@link Reference}),
 * written as exhaustive {@code switch}es so that a new primitive does not compile until every rule exists.
 *
 * <p>Semantics (inputs are already promoted to a common dtype by the composite layer):
 * <ul>
 * <li>Unary elementwise ops keep the dtype; float-only ones ({@link Kind#UNARY_FLOAT}) need F32/F64.</li>
 * <li>Binary elementwise ops broadcast NumPy-style; comparisons return BOOL. Integer {@code DIV} is floor
 *     division and {@code REM} the floor remainder (NumPy {@code //} and {@code %}), both 0 for a zero divisor.</li>
 * <li>{@code SELECT(cond, a, b)} broadcasts all three; {@code CAST} converts (float→int truncates).</li>
 * <li>Reductions take {@link Attr.Axes}; {@code ARGMAX/ARGMIN/CUMSUM/CUMPROD} one {@link Attr.Axis}.
 *     Max/min propagate NaN; argmax/argmin return the first NaN or extreme.</li>
 * <li>Shape ops ({@code RESHAPE, BROADCAST, TRANSPOSE, SLICE}) are views in the eager kernel: no copy.</li>
 * <li>{@code GATHER(x, idx)} is NumPy {@code take(x, idx, axis)}; {@code SCATTER} / {@code SCATTER_ADD}
 *     {@code (x, idx, upd)} write or add {@code upd} at those positions of a copy of {@code x}.</li>
 * <li>{@code MATMUL} contracts the last axis of {@code a} with the second-last of {@code b}, batch axes broadcast.</li>
 * <li>Event-driven synaptic operators on a CSR matrix {@code A} of shape {@code (rows, cols)} given by
 *     {@code indptr} and {@code indices}: {@code CSR_EVENT_SUM(indptr, indices, w, events)} adds the weight
 *     {@code w} (scalar or per synapse) of each synapse of every row whose event is non-zero to its column;
 *     {@code CSR_MATVEC} and {@code CSR_MATMAT(indptr, indices, data, x)} compute {@code A·x} or
 *     {@code Aᵀ·x}; {@code SEGMENT_SUM(data, ids)} sums rows of {@code data} into segments;
 *     {@code PRE_GATHER(indptr, v)} gives each synapse the value of its row. Their cost is proportional to the
 *     rows touched times the fan-out, never to rows × cols.</li>
 * <li>{@code EVENT_MATMUL(e, w)} ({@link Attr.EventProduct}, {@code outer = false}) is the dense product
 *     {@code e·w} of events {@code e (…, k)} (spikes: boolean or numbers, mostly zero) and a matrix {@code w (k, n)};
 *     with {@code outer = true}, {@code EVENT_MATMUL(e, g)} is {@code eᵀ·g} for {@code g (…, n)} with e's leading
 *     axes, shape {@code (k, n)} — the weight gradient of the first. Both visit only the non-zero events: cost ∝
 *     events × n.</li>
 * <li>{@code HOST_CALL(x…)} runs a pure Java function ({@link Attr.Host}, a {@link HostKernel}) on its operands
 *     into an output of a declared type: Java code (procedural connectivity, a custom kernel) inside compiled
 *     loops, where it writes into a planned buffer. Not differentiable.</li>
 * </ul>
 */
public enum Op {
    NEG(Kind.UNARY), ABS(Kind.UNARY), SIGN(Kind.UNARY), NOT(Kind.UNARY),
    FLOOR(Kind.UNARY_FLOAT), CEIL(Kind.UNARY_FLOAT), ROUND(Kind.UNARY_FLOAT),
    EXP(Kind.UNARY_FLOAT), EXPM1(Kind.UNARY_FLOAT), LOG(Kind.UNARY_FLOAT), LOG1P(Kind.UNARY_FLOAT),
    SQRT(Kind.UNARY_FLOAT), RSQRT(Kind.UNARY_FLOAT), SIN(Kind.UNARY_FLOAT), COS(Kind.UNARY_FLOAT),
    TAN(Kind.UNARY_FLOAT), TANH(Kind.UNARY_FLOAT), LOGISTIC(Kind.UNARY_FLOAT), ERF(Kind.UNARY_FLOAT),
    ISNAN(Kind.UNARY_FLOAT),

    ADD(Kind.BINARY), SUB(Kind.BINARY), MUL(Kind.BINARY), DIV(Kind.BINARY), REM(Kind.BINARY),
    POW(Kind.BINARY), MAX(Kind.BINARY), MIN(Kind.BINARY), ATAN2(Kind.BINARY),
    AND(Kind.BINARY), OR(Kind.BINARY), XOR(Kind.BINARY),
    LT(Kind.COMPARE), LE(Kind.COMPARE), GT(Kind.COMPARE), GE(Kind.COMPARE), EQ(Kind.COMPARE), NE(Kind.COMPARE),

    SELECT(Kind.SELECT), CAST(Kind.CAST),

    REDUCE_SUM(Kind.REDUCE), REDUCE_PROD(Kind.REDUCE), REDUCE_MAX(Kind.REDUCE), REDUCE_MIN(Kind.REDUCE),
    ARGMAX(Kind.SCAN), ARGMIN(Kind.SCAN), CUMSUM(Kind.SCAN), CUMPROD(Kind.SCAN),

    RESHAPE(Kind.SHAPE), BROADCAST(Kind.SHAPE), TRANSPOSE(Kind.SHAPE), SLICE(Kind.SHAPE),
    CONCAT(Kind.SHAPE), PAD(Kind.SHAPE),

    GATHER(Kind.INDEX), SCATTER(Kind.INDEX), SCATTER_ADD(Kind.INDEX),

    MATMUL(Kind.CONTRACT),

    CSR_EVENT_SUM(Kind.SPARSE), CSR_MATVEC(Kind.SPARSE), CSR_MATMAT(Kind.SPARSE),
    SEGMENT_SUM(Kind.SPARSE), PRE_GATHER(Kind.SPARSE), EVENT_MATMUL(Kind.SPARSE),

    HOST_CALL(Kind.HOST);

    /** Families of primitives that share a shape rule and a kernel layout. */
    public enum Kind { UNARY, UNARY_FLOAT, BINARY, COMPARE, SELECT, CAST, REDUCE, SCAN, SHAPE, INDEX, CONTRACT, SPARSE, HOST }

    private final Kind kind;

    Op(Kind kind) { this.kind = kind; }

    /** The family this primitive belongs to. */
    public Kind kind() { return kind; }

    /** Lower-case name used in error messages, e.g. {@code reduce_sum}. */
    public String label() { return name().toLowerCase(java.util.Locale.ROOT); }
}
