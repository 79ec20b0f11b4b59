package org.braindyn.jit;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_void;

import java.lang.classfile.ClassFile;
import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.classfile.TypeKind;
import java.lang.constant.ClassDesc;
import java.lang.constant.ConstantDescs;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.tensor.DType;

/**
 * Turns a {@link Fusion.Fused} group into JVM bytecode with the {@code java.lang.classfile} API and defines it as
 * a hidden class implementing {@link FusedKernel}. The generated {@code run} method casts its arrays once, loads
 * scalar inputs before the loop, and for each element loads the other inputs (with their broadcast index),
 * calls one {@link KernelOps} method per member primitive (HotSpot inlines them), keeps every intermediate in a
 * local, and stores the group's outputs after all loads of that element, so an output may share an input's
 * buffer. Full reductions accumulate in a local ({@code double} for floats, as the eager kernels do) and are
 * stored after the loop.
 */
final class KernelEmitter {
    private static final ClassDesc CD_KERNEL = ClassDesc.of("org.braindyn.jit.FusedKernel");
    private static final ClassDesc CD_OPS = ClassDesc.of("org.braindyn.jit.KernelOps");
    private static final ClassDesc CD_MATH = ClassDesc.of("java.lang.Math");
    private static final MethodTypeDesc RUN = MethodTypeDesc.of(CD_void, CD_Object.arrayType(), CD_int.arrayType(), CD_int);
    private static final Map<String, Method> HELPERS = new HashMap<>();

    static {
        for (Method m : KernelOps.class.getDeclaredMethods()) HELPERS.put(m.getName(), m);
    }

    private KernelEmitter() {}

    /** The class name of the scalar loops that stand in for SIMD kernels during the warm-up. */
    static final String SCALAR_TWIN = "org.braindyn.jit.ScalarTwin";

    /** The element kernel of one fused group: {@code arrays} holds the inputs then the outputs. */
    static FusedKernel emit(Fusion.Fused f, Graph g) { return emit(f, g, java.util.Map.of()); }

    /**
     * The kernel for a group; a vectorisable group gets a {@link WarmingKernel} that runs the scalar loop on most
     * elements until HotSpot has compiled the SIMD loop (Vector API code is slow until then). That scalar twin is a
     * class of its own name, {@value #SCALAR_TWIN}, so that a launcher can keep it to C1 with a compiler directive
     * ({@code scripts/c2-directives.json}, which {@code ./braindyn} passes): it only bridges the warm-up, and C2
     * compiling it as well delayed the SIMD kernel's C2 code (COBA-4k 5 s loop 0.50 → 0.43 s, COBA-40k 1 s 0.79 →
     * 0.65 s, medians of 8 and 5, bench/RESULTS.md).
     */
    static FusedKernel emit(Fusion.Fused f, Graph g, java.util.Map<Integer, Integer> inPlace) {
        if (!VectorEmitter.applies(f, g)) return emit(f, g, inPlace, false);
        return new WarmingKernel(emit(f, g, inPlace, true), emit(f, g, inPlace, false, SCALAR_TWIN), f);
    }

    /**
     * As {@link #emit(Fusion.Fused, Graph)}, where each output value in {@code inPlace} is written over one of the
     * kernel's own full inputs (the caller binds both to the same array). An in-place output computed as
     * {@code select(c, a, old)} of its own old value stores {@code a} only where {@code c} holds.
     */
    static FusedKernel emit(Fusion.Fused f, Graph g, java.util.Map<Integer, Integer> inPlace, boolean vector) {
        return emit(f, g, inPlace, vector, "org.braindyn.jit.Kernel");
    }

    private static FusedKernel emit(Fusion.Fused f, Graph g, java.util.Map<Integer, Integer> inPlace, boolean vector, String name) {
        byte[] bytes = ClassFile.of().build(ClassDesc.of(name), cb -> {
            cb.withFlags(ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL | ClassFile.ACC_SYNTHETIC);
            cb.withInterfaceSymbols(CD_KERNEL);
            cb.withMethodBody(ConstantDescs.INIT_NAME, ConstantDescs.MTD_void, ClassFile.ACC_PUBLIC, c -> {
                c.aload(0);
                c.invokespecial(CD_Object, ConstantDescs.INIT_NAME, ConstantDescs.MTD_void);
                c.return_();
            });
            cb.withMethodBody("run", RUN, ClassFile.ACC_PUBLIC | ClassFile.ACC_FINAL, c -> body(c, f, g, inPlace, vector));
        });
        return define(bytes);
    }

    /**
     * Kernels already defined, by their class bytes: groups with the same code (the same update of two populations
     * of one model, say) share one class, so HotSpot compiles it once — each SIMD kernel costs C2 about 50 ms, and a
     * Hodgkin–Huxley network has fourteen. Generated kernels keep no state; a kernel no longer used by any program
     * can still be unloaded (the map holds it weakly).
     */
    private static final Map<java.nio.ByteBuffer, java.lang.ref.WeakReference<FusedKernel>> DEFINED = new HashMap<>();

    private static FusedKernel define(byte[] bytes) {
        java.nio.ByteBuffer key = java.nio.ByteBuffer.wrap(bytes);
        synchronized (DEFINED) {
            java.lang.ref.WeakReference<FusedKernel> ref = DEFINED.get(key);
            FusedKernel k = ref == null ? null : ref.get();
            if (k != null) return k;
            if (DEFINED.size() > 4096) DEFINED.values().removeIf(r -> r.get() == null);
            try {
                MethodHandles.Lookup lk = MethodHandles.lookup().defineHiddenClass(bytes, true);
                k = (FusedKernel) lk.lookupClass().getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Jit: could not define a fused kernel: " + e, e);
            }
            DEFINED.put(key, new java.lang.ref.WeakReference<>(k));
            return k;
        }
    }

    /** True if a member of this primitive and dtype has a scalar helper (otherwise it runs unfused). */
    static boolean supports(Graph.Node n, Graph g) {
        return helperName(n, g) != null && (n.op() == Op.CAST && sameCast(n, g) || HELPERS.containsKey(helperName(n, g)));
    }

    private static boolean sameCast(Graph.Node n, Graph g) { return g.type(n.in()[0]).dtype() == g.type(n.out()).dtype(); }

    private static String helperName(Graph.Node n, Graph g) {
        DType in = g.type(n.in()[n.op() == Op.SELECT ? 1 : 0]).dtype();
        return switch (n.op().kind()) {
            case CAST -> "CAST_" + in + "_" + ((Attr.To) n.attr()).dtype();
            case UNARY, UNARY_FLOAT, BINARY, COMPARE, SELECT -> n.op() + "_" + in;
            default -> null;
        };
    }

    private static TypeKind local(DType d) {
        return switch (d) { case F32 -> TypeKind.FLOAT; case F64 -> TypeKind.DOUBLE; case I32, BOOL -> TypeKind.INT; };
    }

    private static TypeKind element(DType d) {
        return switch (d) { case F32 -> TypeKind.FLOAT; case F64 -> TypeKind.DOUBLE; case I32 -> TypeKind.INT; case BOOL -> TypeKind.BOOLEAN; };
    }

    private static ClassDesc arrayDesc(DType d) {
        return switch (d) {
            case F32 -> ConstantDescs.CD_float.arrayType(); case F64 -> ConstantDescs.CD_double.arrayType();
            case I32 -> CD_int.arrayType(); case BOOL -> ConstantDescs.CD_boolean.arrayType();
        };
    }

    private static void body(CodeBuilder c, Fusion.Fused f, Graph g, java.util.Map<Integer, Integer> inPlace, boolean vector) {
        int nIn = f.inputs().length, nOut = f.outputs().length;
        Map<Integer, Integer> valueLocal = new HashMap<>();
        int[] arr = new int[nIn + nOut], off = new int[nIn + nOut];
        for (int j = 0; j < nIn + nOut; j++) {
            DType d = g.type(j < nIn ? f.inputs()[j] : f.outputs()[j - nIn]).dtype();
            boolean reducedOut = j >= nIn && isReduction(f, f.outputs()[j - nIn]);
            arr[j] = c.allocateLocal(TypeKind.REFERENCE);
            off[j] = c.allocateLocal(TypeKind.INT);
            c.aload(1); c.loadConstant(j); c.aaload(); c.checkcast(arrayDesc(d)); c.astore(arr[j]);
            c.aload(2); c.loadConstant(j); c.iaload(); c.istore(off[j]);
            if (j < nIn && f.loads()[j] == Fusion.Load.SCALAR) {
                int l = c.allocateLocal(local(d));
                c.aload(arr[j]); c.iload(off[j]); c.arrayLoad(element(d)); c.storeLocal(local(d), l);
                valueLocal.put(f.inputs()[j], l);
            }
            if (reducedOut) {
                int acc = c.allocateLocal(d == DType.I32 ? TypeKind.INT : TypeKind.DOUBLE);
                Op op = producer(f, f.outputs()[j - nIn]).op();
                if (d == DType.I32) c.loadConstant(switch (op) { case REDUCE_SUM -> 0; case REDUCE_PROD -> 1; case REDUCE_MAX -> Integer.MIN_VALUE; default -> Integer.MAX_VALUE; });
                else c.loadConstant(switch (op) { case REDUCE_SUM -> 0.0; case REDUCE_PROD -> 1.0; case REDUCE_MAX -> Double.NEGATIVE_INFINITY; default -> Double.POSITIVE_INFINITY; });
                c.storeLocal(d == DType.I32 ? TypeKind.INT : TypeKind.DOUBLE, acc);
                valueLocal.put(f.outputs()[j - nIn], acc);
            }
        }
        // a SIMD main loop where every primitive has an exact vector form; the scalar loops finish the tail
        int start;
        if (vector) start = VectorEmitter.emit(c, f, g, arr, off, valueLocal);
        else {
            start = c.allocateLocal(TypeKind.INT);
            c.loadConstant(0);
            c.istore(start);
        }
        // two copies of the scalar loop: without offsets when every array starts at 0 (fewer live values)
        Label end = c.newLabel(), general = c.newLabel();
        boolean first = true;
        for (int j = 0; j < nIn + nOut; j++) {
            if (j < nIn && f.loads()[j] == Fusion.Load.SCALAR) continue;   // read once before the loop: its offset does not matter
            if (j >= nIn && isReduction(f, f.outputs()[j - nIn])) continue;   // written once after the loop
            c.iload(off[j]);
            if (!first) c.ior();
            first = false;
        }
        if (!first) c.ifne(general);
        loop(c, f, g, inPlace, arr, off, new HashMap<>(valueLocal), true, end, start);
        c.labelBinding(general);
        loop(c, f, g, inPlace, arr, off, new HashMap<>(valueLocal), false, end, start);
        c.labelBinding(end);
        for (int j = 0; j < nOut; j++) {
            int v = f.outputs()[j];
            if (!isReduction(f, v)) continue;
            DType d = g.type(v).dtype();
            c.aload(arr[nIn + j]); c.iload(off[nIn + j]);
            c.loadLocal(d == DType.I32 ? TypeKind.INT : TypeKind.DOUBLE, valueLocal.get(v));
            if (d == DType.F32) c.d2f();
            c.arrayStore(element(d));
        }
        c.return_();
    }

    /** One copy of the element loop ({@code zero}: every offset is 0); jumps to {@code end} when done. */
    private static void loop(CodeBuilder c, Fusion.Fused f, Graph g, java.util.Map<Integer, Integer> inPlace, int[] arr, int[] off,
                             Map<Integer, Integer> valueLocal, boolean zero, Label end, int start) {
        int nIn = f.inputs().length, nOut = f.outputs().length;
        int i = c.allocateLocal(TypeKind.INT);
        c.iload(start); c.istore(i);
        Label top = c.newLabel();
        c.labelBinding(top);
        c.iload(i); c.iload(3); c.if_icmpge(end);
        for (int j = 0; j < nIn; j++) {
            if (f.loads()[j] == Fusion.Load.SCALAR) continue;
            DType d = g.type(f.inputs()[j]).dtype();
            c.aload(arr[j]);
            if (!zero) c.iload(off[j]);
            c.iload(i);
            if (f.loads()[j] == Fusion.Load.MOD) { c.loadConstant(f.loadParam()[j]); c.irem(); }
            if (f.loads()[j] == Fusion.Load.DIV) { c.loadConstant(f.loadParam()[j]); c.idiv(); }
            if (!zero) c.iadd();
            c.arrayLoad(element(d));
            int l = c.allocateLocal(local(d));
            c.storeLocal(local(d), l);
            valueLocal.put(f.inputs()[j], l);
        }
        for (Graph.Node n : f.members()) {
            DType od = g.type(n.out()).dtype();
            if (Fusion.isFullReduction(n, g)) {
                int acc = valueLocal.get(n.out());
                DType id = g.type(n.in()[0]).dtype();
                boolean isInt = id == DType.I32;
                TypeKind ak = isInt ? TypeKind.INT : TypeKind.DOUBLE;
                c.loadLocal(ak, acc);
                c.loadLocal(local(id), valueLocal.get(n.in()[0]));
                if (id == DType.F32) c.f2d();
                switch (n.op()) {
                    case REDUCE_SUM -> { if (isInt) c.iadd(); else c.dadd(); }
                    case REDUCE_PROD -> { if (isInt) c.imul(); else c.dmul(); }
                    default -> {
                        String name = n.op() == Op.REDUCE_MAX ? "max" : "min";
                        ClassDesc t = isInt ? CD_int : ConstantDescs.CD_double;
                        c.invokestatic(CD_MATH, name, MethodTypeDesc.of(t, t, t));
                    }
                }
                c.storeLocal(ak, acc);
                continue;
            }
            for (int in : n.in()) c.loadLocal(local(g.type(in).dtype()), valueLocal.get(in));
            if (!(n.op() == Op.CAST && sameCast(n, g))) {
                Method m = HELPERS.get(helperName(n, g));
                ClassDesc[] ps = new ClassDesc[m.getParameterCount()];
                for (int p = 0; p < ps.length; p++) ps[p] = m.getParameterTypes()[p].describeConstable().orElseThrow();
                c.invokestatic(CD_OPS, m.getName(), MethodTypeDesc.of(m.getReturnType().describeConstable().orElseThrow(), ps));
            }
            int l = c.allocateLocal(local(od));
            c.storeLocal(local(od), l);
            valueLocal.put(n.out(), l);
        }
        for (int j = 0; j < nOut; j++) {
            int v = f.outputs()[j];
            if (isReduction(f, v)) continue;
            DType d = g.type(v).dtype();
            Integer old = inPlace.get(v);
            Graph.Node p = producer(f, v);
            int stored = v;
            Label skip = null;
            if (old != null && p != null && p.op() == Op.SELECT && (p.in()[1] == old || p.in()[2] == old) && p.in()[1] != p.in()[2]) {
                skip = c.newLabel();
                c.iload(valueLocal.get(p.in()[0]));
                if (p.in()[2] == old) { c.ifeq(skip); stored = p.in()[1]; }
                else { c.ifne(skip); stored = p.in()[2]; }
            }
            c.aload(arr[nIn + j]);
            if (!zero) c.iload(off[nIn + j]);
            c.iload(i);
            if (!zero) c.iadd();
            c.loadLocal(local(d), valueLocal.get(stored));
            c.arrayStore(element(d));
            if (skip != null) c.labelBinding(skip);
        }
        c.iinc(i, 1);
        c.goto_(top);
    }

    private static boolean isReduction(Fusion.Fused f, int v) {
        Graph.Node p = producer(f, v);
        return p != null && (p.op() == Op.REDUCE_SUM || p.op() == Op.REDUCE_PROD || p.op() == Op.REDUCE_MAX || p.op() == Op.REDUCE_MIN);
    }

    private static Graph.Node producer(Fusion.Fused f, int v) {
        for (Graph.Node n : f.members()) if (n.out() == v) return n;
        return null;
    }
}
