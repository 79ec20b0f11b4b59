package org.braindyn.jit;

import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_float;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import jdk.incubator.vector.FloatVector;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.tensor.DType;

/**
 * The SIMD main loop of a fused kernel, emitted with the Vector API ({@code jdk.incubator.vector}): when every
 * value of a group is float32 or bool, every input is read whole or as a scalar, and every primitive is one whose
 * vector form rounds exactly like the scalar one (add, sub, mul, div, min, max, neg, abs, comparisons, select,
 * bool logic, bool↔float casts, and {@code exp}, {@code expm1}, {@code tanh}, {@code logistic} through
 * {@link VectorMathEmitter}, whose lanes are {@code FloatMath}'s bits), the kernel processes {@code FloatVector.SPECIES_PREFERRED.length()} elements at a
 * time up to the loop bound and leaves the tail to the scalar loop. Bools are vector masks. Results equal the
 * scalar kernel bit for bit.
 */
final class VectorEmitter {
    static final ClassDesc FV = ClassDesc.of("jdk.incubator.vector.FloatVector");
    static final ClassDesc VEC = ClassDesc.of("jdk.incubator.vector.Vector");
    static final ClassDesc MASK = ClassDesc.of("jdk.incubator.vector.VectorMask");
    static final ClassDesc SPECIES = ClassDesc.of("jdk.incubator.vector.VectorSpecies");
    static final ClassDesc OPS = ClassDesc.of("jdk.incubator.vector.VectorOperators");
    static final ClassDesc CMP = ClassDesc.of("jdk.incubator.vector.VectorOperators$Comparison");
    private static final Set<Op> FLOAT_BINARY = Set.of(Op.ADD, Op.SUB, Op.MUL, Op.DIV, Op.MIN, Op.MAX);
    private static final Set<Op> COMPARE = Set.of(Op.LT, Op.LE, Op.GT, Op.GE, Op.EQ, Op.NE);
    static final boolean ENABLED = !"false".equals(System.getProperty("braindyn.jit.vector"));
    static final int LANES = FloatVector.SPECIES_PREFERRED.length();

    private VectorEmitter() {}

    /** True if the group can run the SIMD main loop. */
    static boolean applies(Fusion.Fused f, Graph g) {
        if (!ENABLED || LANES < 2) return false;
        for (int j = 0; j < f.inputs().length; j++) {
            if (f.loads()[j] != Fusion.Load.FULL && f.loads()[j] != Fusion.Load.SCALAR) return false;
            if (!ok(g.type(f.inputs()[j]).dtype())) return false;
        }
        for (Graph.Node n : f.members()) {
            if (!ok(g.type(n.out()).dtype())) return false;
            for (int i : n.in()) if (!ok(g.type(i).dtype())) return false;
            DType in = g.type(n.in()[n.op() == Op.SELECT ? 1 : 0]).dtype();
            boolean supported = switch (n.op()) {
                case ADD, SUB, MUL, DIV, MIN, MAX -> in == DType.F32 || (in == DType.BOOL && (n.op() == Op.MIN || n.op() == Op.MAX));
                case NEG, ABS, EXP, EXPM1, TANH, LOGISTIC -> in == DType.F32;
                case LT, LE, GT, GE, EQ, NE -> in == DType.F32;
                case AND, OR -> in == DType.BOOL;
                case NOT -> in == DType.BOOL;
                case SELECT, CAST -> true;
                default -> false;
            };
            if (!supported) return false;
        }
        return true;
    }

    private static boolean ok(DType d) { return d == DType.F32 || d == DType.BOOL; }

    /**
     * Emits the SIMD loop over {@code [0, loopBound(n))}; returns the local holding that bound, where the scalar
     * loop takes over. {@code scalarLocal} maps scalar inputs to their preloaded scalar locals.
     */
    static int emit(CodeBuilder c, Fusion.Fused f, Graph g, int[] arr, int[] off, Map<Integer, Integer> scalarLocal) {
        int nIn = f.inputs().length, nOut = f.outputs().length;
        int sp = c.allocateLocal(TypeKind.REFERENCE), upper = c.allocateLocal(TypeKind.INT), i = c.allocateLocal(TypeKind.INT);
        c.getstatic(FV, "SPECIES_PREFERRED", SPECIES);
        c.astore(sp);
        c.aload(sp); c.iload(3);
        c.invokeinterface(SPECIES, "loopBound", MethodTypeDesc.of(CD_int, CD_int));
        c.istore(upper);
        Map<Integer, Integer> v = new HashMap<>();
        for (int j = 0; j < nIn; j++) {
            if (f.loads()[j] != Fusion.Load.SCALAR) continue;
            int in = f.inputs()[j], l = c.allocateLocal(TypeKind.REFERENCE);
            if (g.type(in).dtype() == DType.F32) {
                c.aload(sp); c.fload(scalarLocal.get(in));
                c.invokestatic(FV, "broadcast", MethodTypeDesc.of(FV, SPECIES, CD_float));
            } else {
                c.aload(sp); c.iload(scalarLocal.get(in));
                c.invokeinterface(SPECIES, "maskAll", MethodTypeDesc.of(MASK, CD_boolean));
            }
            c.astore(l);
            v.put(in, l);
        }
        c.loadConstant(0); c.istore(i);
        Label top = c.newLabel(), done = c.newLabel();
        c.labelBinding(top);
        c.iload(i); c.iload(upper); c.if_icmpge(done);
        for (int j = 0; j < nIn; j++) {
            if (f.loads()[j] == Fusion.Load.SCALAR) continue;
            int in = f.inputs()[j], l = c.allocateLocal(TypeKind.REFERENCE);
            c.aload(sp); c.aload(arr[j]); c.iload(off[j]); c.iload(i); c.iadd();
            if (g.type(in).dtype() == DType.F32) c.invokestatic(FV, "fromArray", MethodTypeDesc.of(FV, SPECIES, CD_float.arrayType(), CD_int));
            else c.invokestatic(MASK, "fromArray", MethodTypeDesc.of(MASK, SPECIES, CD_boolean.arrayType(), CD_int));
            c.astore(l);
            v.put(in, l);
        }
        for (Graph.Node n : f.members()) {
            int[] a = n.in();
            DType in = g.type(a[n.op() == Op.SELECT ? 1 : 0]).dtype(), out = g.type(n.out()).dtype();
            switch (n.op()) {
                case ADD, SUB, MUL, DIV, MIN, MAX -> {
                    c.aload(v.get(a[0])); c.aload(v.get(a[1]));
                    if (in == DType.F32) c.invokevirtual(FV, n.op().label(), MethodTypeDesc.of(FV, VEC));
                    else c.invokevirtual(MASK, n.op() == Op.MIN ? "and" : "or", MethodTypeDesc.of(MASK, MASK));
                }
                case AND, OR -> { c.aload(v.get(a[0])); c.aload(v.get(a[1])); c.invokevirtual(MASK, n.op().label(), MethodTypeDesc.of(MASK, MASK)); }
                case NEG, ABS -> { c.aload(v.get(a[0])); c.invokevirtual(FV, n.op().label(), MethodTypeDesc.of(FV)); }
                case NOT -> { c.aload(v.get(a[0])); c.invokevirtual(MASK, "not", MethodTypeDesc.of(MASK)); }
                case EXP, EXPM1, TANH, LOGISTIC -> VectorMathEmitter.emit(c, sp, n.op(), v.get(a[0]));   // inline: see VectorMathEmitter
                case LT, LE, GT, GE, EQ, NE -> {
                    c.aload(v.get(a[0]));
                    c.getstatic(OPS, n.op().name(), CMP);
                    c.aload(v.get(a[1]));
                    c.invokevirtual(FV, "compare", MethodTypeDesc.of(MASK, CMP, VEC));
                }
                case SELECT -> {
                    if (in == DType.F32) {   // where(c, x, y) = y.blend(x, c)
                        c.aload(v.get(a[2])); c.aload(v.get(a[1])); c.aload(v.get(a[0]));
                        c.invokevirtual(FV, "blend", MethodTypeDesc.of(FV, VEC, MASK));
                    } else {                 // (c & x) | (y & ~c)
                        c.aload(v.get(a[0])); c.aload(v.get(a[1])); c.invokevirtual(MASK, "and", MethodTypeDesc.of(MASK, MASK));
                        c.aload(v.get(a[2])); c.aload(v.get(a[0])); c.invokevirtual(MASK, "andNot", MethodTypeDesc.of(MASK, MASK));
                        c.invokevirtual(MASK, "or", MethodTypeDesc.of(MASK, MASK));
                    }
                }
                case CAST -> {
                    DType to = ((Attr.To) n.attr()).dtype();
                    c.aload(v.get(a[0]));
                    if (in == to) break;
                    if (to == DType.F32) {   // bool -> 0f / 1f
                        int m = c.allocateLocal(TypeKind.REFERENCE);
                        c.astore(m);
                        c.aload(sp); c.invokestatic(FV, "zero", MethodTypeDesc.of(FV, SPECIES));
                        c.loadConstant(1f); c.aload(m);
                        c.invokevirtual(FV, "blend", MethodTypeDesc.of(FV, CD_float, MASK));
                    } else {                 // float -> bool: x != 0 (NaN counts as non-zero)
                        c.getstatic(OPS, "NE", CMP);
                        c.loadConstant(0f);
                        c.invokevirtual(FV, "compare", MethodTypeDesc.of(MASK, CMP, CD_float));
                    }
                }
                default -> throw new IllegalStateException("VectorEmitter: " + n.op() + " is not vectorised");
            }
            int l = c.allocateLocal(TypeKind.REFERENCE);
            c.astore(l);
            v.put(n.out(), l);
            if (out != DType.F32 && out != DType.BOOL) throw new IllegalStateException("VectorEmitter: dtype " + out);
        }
        for (int j = 0; j < nOut; j++) {
            int o = f.outputs()[j];
            c.aload(v.get(o)); c.aload(arr[nIn + j]); c.iload(off[nIn + j]); c.iload(i); c.iadd();
            if (g.type(o).dtype() == DType.F32) c.invokevirtual(FV, "intoArray", MethodTypeDesc.of(CD_void, CD_float.arrayType(), CD_int));
            else c.invokevirtual(MASK, "intoArray", MethodTypeDesc.of(CD_void, CD_boolean.arrayType(), CD_int));
        }
        c.iinc(i, LANES);
        c.goto_(top);
        c.labelBinding(done);
        return upper;
    }
}
