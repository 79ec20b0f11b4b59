package org.braindyn.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.braindyn.tensor.Csr;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The primitive table's conformance suite: every {@link Op} has cases; for each, the shape rule, the eager
 * kernel and the scalar reference interpreter exist and agree (dtype, shape and every element, NaNs and signed
 * zeros included), over every legal dtype, with broadcasting and special values.
 */
public class PrimitiveTableTest {
    public record Case(Op op, Attr attr, Tensor[] in, String label) {
        @Override public String toString() { return label; }
    }

    static final DType[] FLOATS = {DType.F32, DType.F64};
    static final DType[] NUMERIC = {DType.I32, DType.F32, DType.F64};

    public static List<Case> cases() {
        Gen g = new Gen(7);
        List<Case> cs = new ArrayList<>();
        for (Op op : Op.values()) {
            switch (op.kind()) {
                case UNARY_FLOAT -> { for (DType d : FLOATS) add(cs, op, Attr.NONE, d, g.tensor(d, true, 3, 17)); }
                case UNARY -> {
                    DType[] ds = op == Op.NOT ? new DType[] {DType.BOOL, DType.I32} : NUMERIC;
                    for (DType d : ds) add(cs, op, Attr.NONE, d, g.tensor(d, true, 4, 9));
                }
                case BINARY, COMPARE -> {
                    DType[] ds = switch (op) {
                        case AND, OR, XOR -> new DType[] {DType.BOOL, DType.I32};
                        case ATAN2 -> FLOATS;
                        case MAX, MIN -> new DType[] {DType.BOOL, DType.I32, DType.F32, DType.F64};
                        default -> op.kind() == Op.Kind.COMPARE ? new DType[] {DType.BOOL, DType.I32, DType.F32, DType.F64} : NUMERIC;
                    };
                    for (DType d : ds) {
                        add(cs, op, Attr.NONE, d + " same", g.tensor(d, true, 5, 8), g.tensor(d, true, 5, 8));
                        add(cs, op, Attr.NONE, d + " broadcast", g.tensor(d, true, 3, 1, 4), g.tensor(d, true, 2, 4));
                        add(cs, op, Attr.NONE, d + " scalar", g.tensor(d, true, 6, 5), g.tensor(d, true));
                        add(cs, op, Attr.NONE, d + " view", g.tensor(d, true, 4, 6).transpose(), g.tensor(d, true, 6, 1));
                    }
                }
                case SELECT -> {
                    for (DType d : new DType[] {DType.BOOL, DType.I32, DType.F32, DType.F64})
                        add(cs, op, Attr.NONE, d, g.tensor(DType.BOOL, false, 3, 1), g.tensor(d, true, 1, 5), g.tensor(d, true, 3, 5));
                }
                case CAST -> {
                    for (DType from : DType.values()) for (DType to : DType.values())
                        add(cs, op, new Attr.To(to), from + "->" + to, g.tensor(from, true, 4, 7));
                }
                case REDUCE -> {
                    DType[] ds = NUMERIC;
                    for (DType d : ds) {
                        boolean sp = op == Op.REDUCE_MAX || op == Op.REDUCE_MIN;
                        add(cs, op, new Attr.Axes(new int[] {1}, false), d + " axis1", g.tensor(d, sp, 3, 4, 5));
                        add(cs, op, new Attr.Axes(new int[] {0, 2}, true), d + " axes02 keep", g.tensor(d, sp, 3, 4, 5));
                        add(cs, op, new Attr.Axes(new int[] {0, 1, 2}, false), d + " all", g.tensor(d, sp, 3, 4, 5));
                    }
                }
                case SCAN -> {
                    for (DType d : NUMERIC) {
                        boolean sp = op == Op.ARGMAX || op == Op.ARGMIN;
                        add(cs, op, new Attr.Axis(1), d + " axis1", g.tensor(d, sp, 3, 6, 2));
                        add(cs, op, new Attr.Axis(0), d + " axis0 view", g.tensor(d, sp, 5, 4).transpose());
                    }
                }
                case SHAPE -> shapeCases(cs, op, g);
                case INDEX -> {
                    for (DType d : NUMERIC) {
                        Tensor x = g.tensor(d, false, 4, 5, 3);
                        Tensor idx = g.indices(5, 2, 3);
                        if (op == Op.GATHER) add(cs, op, new Attr.Axis(1), d + "", x, idx);
                        else add(cs, op, new Attr.Axis(1), d + "", x, idx, g.tensor(d, false, 4, 2, 3, 3));
                    }
                }
                case CONTRACT -> {
                    for (DType d : NUMERIC) {
                        add(cs, op, Attr.NONE, d + " 2d", g.tensor(d, false, 7, 5), g.tensor(d, false, 5, 70));
                        add(cs, op, Attr.NONE, d + " batch", g.tensor(d, false, 2, 1, 3, 4), g.tensor(d, false, 3, 4, 6));
                        add(cs, op, Attr.NONE, d + " transposed", g.tensor(d, false, 5, 9).transpose(), g.tensor(d, false, 5, 50));
                    }
                }
                case SPARSE -> sparseCases(cs, op, g);
                case HOST -> {
                    // a Java kernel: 2·x + y over a transposed (non-contiguous) x and a row y, written into a (4, 6) float64 output
                    org.braindyn.ops.HostKernel k = (in, io, out, oo) -> {
                        double[] x = (double[]) in[0], y = (double[]) in[1], r = (double[]) out;
                        for (int i = 0; i < 24; i++) r[oo + i] = 2 * x[io[0] + i] + y[io[1] + i % 6];
                    };
                    add(cs, op, new Attr.Host("axpy", new TensorType(DType.F64, Shape.of(4, 6)), k), "f64",
                            g.tensor(DType.F64, true, 6, 4).transpose(), g.tensor(DType.F64, true, 6));
                }
            }
        }
        return cs;
    }

    private static void shapeCases(List<Case> cs, Op op, Gen g) {
        for (DType d : DType.values()) {
            Tensor x = g.tensor(d, true, 2, 3, 4);
            switch (op) {
                case RESHAPE -> {
                    add(cs, op, new Attr.ToShape(Shape.of(6, 4)), d + "", x);
                    add(cs, op, new Attr.ToShape(Shape.of(4, 6)), d + " of view", x.transpose());
                }
                case BROADCAST -> add(cs, op, new Attr.ToShape(Shape.of(5, 2, 3, 4)), d + "", g.tensor(d, true, 2, 1, 4));
                case TRANSPOSE -> add(cs, op, new Attr.Perm(new int[] {2, 0, 1}), d + "", x);
                case SLICE -> add(cs, op, new Attr.Slice(new int[] {1, 2, 0}, new int[] {1, -2, 3}, new int[] {1, 2, 2}), d + "", x);
                case CONCAT -> add(cs, op, new Attr.Axis(1), d + "", x, g.tensor(d, true, 2, 1, 4), g.tensor(d, true, 2, 2, 4));
                case PAD -> add(cs, op, new Attr.Pad(new int[] {1, 0, 2}, new int[] {0, 2, 1}, d == DType.BOOL ? 1 : -3.5), d + "", x);
                default -> throw new IllegalStateException(op + " is not a shape op");
            }
        }
    }

    private static void sparseCases(List<Case> cs, Op op, Gen g) {
        int rows = 9, cols = 7;
        int[][] t = new int[rows][];
        for (int r = 0; r < rows; r++) {
            int n = g.nextInt(5);
            t[r] = new int[n];
            for (int j = 0; j < n; j++) t[r][j] = g.nextInt(cols);   // duplicates allowed
        }
        Csr c = Csr.fromRows(cols, t);
        for (DType d : NUMERIC) {
            Tensor wSyn = g.tensor(d, false, c.nnz()), wScalar = g.tensor(d, false);
            switch (op) {
                case CSR_EVENT_SUM -> {
                    Attr a = new Attr.Csr(rows, cols, true);
                    add(cs, op, a, d + " bool events, per-synapse", c.indptr(), c.indices(), wSyn, g.tensor(DType.BOOL, false, rows));
                    add(cs, op, a, d + " float events, scalar", c.indptr(), c.indices(), wScalar, g.tensor(DType.F32, true, rows));
                }
                case CSR_MATVEC -> {
                    add(cs, op, new Attr.Csr(rows, cols, false), d + " A.x", c.indptr(), c.indices(), wSyn, g.tensor(d, false, cols));
                    add(cs, op, new Attr.Csr(rows, cols, true), d + " At.x", c.indptr(), c.indices(), wScalar, g.tensor(d, false, rows));
                }
                case CSR_MATMAT -> {
                    add(cs, op, new Attr.Csr(rows, cols, false), d + " A.X", c.indptr(), c.indices(), wSyn, g.tensor(d, false, cols, 3));
                    add(cs, op, new Attr.Csr(rows, cols, true), d + " At.X", c.indptr(), c.indices(), wSyn, g.tensor(d, false, rows, 3));
                }
                case SEGMENT_SUM -> add(cs, op, new Attr.Segments(4), d + "", g.tensor(d, false, 10, 3),
                        Tensor.wrap(DType.I32, Shape.of(10), new int[] {0, 3, 3, 1, 0, 2, 3, 3, 1, 0}));
                case PRE_GATHER -> add(cs, op, new Attr.Csr(rows, cols, false), d + "", c.indptr(), c.indices(), g.tensor(d, false, rows));
                case EVENT_MATMUL -> {
                    if (!d.isFloating()) continue;
                    Tensor sparse = g.tensor(d, false, 2, 3, 21).mul(g.tensor(DType.BOOL, false, 2, 3, 21).astype(d));   // about half zeros
                    add(cs, op, new Attr.EventProduct(false), d + " e.w", sparse, g.tensor(d, false, 21, 19));
                    add(cs, op, new Attr.EventProduct(false), d + " bool e.w", g.tensor(DType.BOOL, false, 4, 37), g.tensor(d, false, 37, 5));
                    add(cs, op, new Attr.EventProduct(true), d + " e'.g", sparse, g.tensor(d, false, 2, 3, 18));
                    add(cs, op, new Attr.EventProduct(true), d + " bool e'.g", g.tensor(DType.BOOL, false, 6, 17), g.tensor(d, false, 6, 33));
                }
                default -> throw new IllegalStateException(op + " is not sparse");
            }
        }
    }

    private static void add(List<Case> cs, Op op, Attr attr, Object label, Tensor... in) {
        cs.add(new Case(op, attr, in, op + " " + label));
    }

    static Stream<Case> allCases() { return cases().stream(); }

    @Test
    void everyPrimitiveHasConformanceCases() {
        Map<Op, Integer> count = new EnumMap<>(Op.class);
        for (Case c : cases()) count.merge(c.op(), 1, Integer::sum);
        for (Op op : Op.values())
            if (!count.containsKey(op)) fail("primitive " + op + " has no conformance case: add one to PrimitiveTableTest");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("allCases")
    void kernelAgreesWithReference(Case c) {
        TensorType t = ShapeRules.infer(c.op(), c.attr(), Prims.types(c.in()));
        Tensor k = Kernels.eager(c.op(), c.attr(), t, c.in());
        Tensor r = Reference.eval(c.op(), c.attr(), c.in());
        assertEquals(t.dtype(), k.dtype(), "kernel dtype");
        assertEquals(t.shape(), k.shape(), "kernel shape");
        assertEquals(t.dtype(), r.dtype(), "reference dtype");
        assertEquals(t.shape(), r.shape(), "reference shape");
        double[] kv = k.toDoubleArray(), rv = r.toDoubleArray();
        boolean accumulates = c.op() == Op.MATMUL || c.op().kind() == Op.Kind.SPARSE;
        for (int i = 0; i < kv.length; i++) {
            if (accumulates && t.dtype().isFloating()) {
                double tol = (t.dtype() == DType.F32 ? 1e-5 : 1e-12) * Math.max(1, Math.abs(rv[i])) * 20;
                assertEquals(rv[i], kv[i], tol, c + " element " + i);
            } else if (Double.compare(kv[i], rv[i]) != 0) {
                fail(c + ": element " + i + " kernel=" + kv[i] + " reference=" + rv[i] + " inputs " + java.util.Arrays.toString(c.in()));
            }
        }
        assertTrue(kv.length == t.shape().size());
    }

    @Test
    void primsBindChecksShapes() {
        Tensor a = new Gen(1).tensor(DType.F32, false, 2, 3);
        Tensor b = new Gen(2).tensor(DType.F32, false, 4, 3);
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Prims.bind(Op.ADD, Attr.NONE, a, b));
        assertTrue(e.getMessage().contains("(2, 3)") && e.getMessage().contains("(4, 3)"), e.getMessage());
        IllegalArgumentException m = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Prims.bind(Op.MATMUL, Attr.NONE, a, a));
        assertTrue(m.getMessage().contains("matmul"), m.getMessage());
    }

    @Test
    void handlerReceivesEveryPrimitive() {
        List<Op> seen = new ArrayList<>();
        Tensor x = new Gen(3).tensor(DType.F32, false, 4);
        Prims.with((op, attr, out, in) -> { seen.add(op); return Prims.EAGER.apply(op, attr, out, in); },
                () -> x.mul(2).exp().sum());
        assertEquals(List.of(Op.MUL, Op.EXP, Op.REDUCE_SUM), seen);
    }
}
