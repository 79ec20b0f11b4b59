package org.braindyn.jit;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.ops.TensorType;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Runs Java code once with symbolic tensors and records every primitive it applies into a {@link Graph}
 * ({@link Prims.Handler}), and every {@link Variable} it reads or writes ({@link Variable.Watcher}): variables
 * read become extra graph inputs, variables whose value changed become extra outputs. Variables are restored to
 * their real values when tracing ends, whatever happens.
 */
final class Tracer implements Prims.Handler, Variable.Watcher, Prims.CustomRuleObserver {
    /** A traced value's token: which trace, which value, and the source line that made it. */
    record Traced(Tracer trace, int id, String origin) implements Tensor.Symbolic {
        @Override public RuntimeException concretizationError(String what) {
            return new TracerError("Traced value %" + id + " (" + trace.builder.type(id) + ", " + origin + ") was read as "
                    + what + " at " + callSite() + " while compiling. A compiled function cannot branch or index on a traced value in Java: "
                    + "use BM.where for an elementwise choice, Loops.cond/ifElse or Loops.whileLoop for control flow, "
                    + "or pass the value as a static (captured) Java value.");
        }
        @Override public String toString() { return "%" + id; }
    }

    /** What a finished trace knows: the graph, and which variables feed and receive which values. */
    /** A value Java computes on the host before each run (e.g. a random draw): input {@code input} of the graph. */
    record HostValue(int input, TensorType type, java.util.function.Supplier<Tensor> fn) {}

    /** A value streamed to Java after every run: graph output {@code output} handed to {@code sink}. */
    record SinkOut(int output, Jit.HostSink sink) {}

    record Result(Graph graph, int argCount, int resultCount, List<Variable> readVars, List<TensorType> readTypes,
                  List<Variable> writtenVars, List<Tensor> captured, String customRule, List<HostValue> hosts, List<SinkOut> sinks) {
        /** Fails if the graph cannot be differentiated by its primitives (it traced a custom backward rule). */
        void requireDifferentiable(String who) {
            if (!sinks.isEmpty())
                throw new TracerError(who + ": the compiled code streams values to Java (Jit.sink, e.g. a spike monitor) on every "
                        + "run, and its backward pass would replay the forward steps and stream them again; differentiate it "
                        + "without the streaming monitor, or eagerly");
            if (!hosts.isEmpty())
                throw new TracerError(who + ": the compiled code draws host values (e.g. random numbers) afresh on every run, so "
                        + "its backward pass could not replay the forward one; differentiate this code eagerly");
            if (customRule != null)
                throw new TracerError(who + ": the compiled code used " + customRule + "; the compiled graph keeps only its forward "
                        + "primitives, so its gradient would ignore that rule. Differentiate this code eagerly (a Java loop over "
                        + "steps, as BPTT with surrogate gradients does) until custom rules are compiled.");
        }
    }

    private final Graph.Builder builder = new Graph.Builder();
    private final Map<Tensor, Integer> constIds = new IdentityHashMap<>();
    private final Map<Variable, Tensor> originals = new LinkedHashMap<>();
    private final Map<Variable, Integer> stateInputs = new LinkedHashMap<>();
    private final Map<Variable, Tensor> inputSymbols = new LinkedHashMap<>();
    private final List<Integer> argIds = new ArrayList<>();
    private String customRule;

    @Override public void customRule(String what, Tensor[] inputs, Tensor output, Prims.CustomBackward backward) {
        if (output.symbol() instanceof Traced tr && tr.trace() == this && builder.isNodeOutput(tr.id())) {
            int[] ins = new int[inputs.length];
            for (int j = 0; j < ins.length; j++) ins[j] = idOf(inputs[j]);
            builder.region(tr.id(), ins, backward);
        } else if (customRule == null) customRule = what + " at " + callSite();
    }
    private final Map<Tensor, Integer> capturedIds = new IdentityHashMap<>();
    private final List<HostValue> hosts = new ArrayList<>();
    private final List<int[]> sinkIds = new ArrayList<>();
    private final List<Jit.HostSink> sinkFns = new ArrayList<>();

    /** Records that the value of {@code x} goes to {@code fn} after every run. */
    void sink(Tensor x, Jit.HostSink fn) {
        if (!open) throw new TracerError("A compiled function's trace has ended; Jit.sink cannot be recorded");
        sinkIds.add(new int[] {idOf(x)});
        sinkFns.add(fn);
    }
    private static final ScopedValue<Tracer> ACTIVE = ScopedValue.newInstance();

    /** The trace running on this thread, or null. */
    static Tracer active() { return ACTIVE.isBound() ? ACTIVE.get() : null; }

    /** A symbolic input whose value {@code fn} computes before every run of the compiled code. */
    Tensor host(TensorType type, java.util.function.Supplier<Tensor> fn) {
        int id = builder.inputLate(type);
        hosts.add(new HostValue(id, type, fn));
        return symbol(id, "a host value");
    }
    private final List<Tensor> captured = new ArrayList<>();
    private boolean open = true;

    /** Traces {@code fn} on symbolic arguments of the given types. */
    static Result trace(List<TensorType> argTypes, Function<Tensor[], Tensor[]> fn) {
        Tracer t = new Tracer();
        Tensor[] args = new Tensor[argTypes.size()];
        for (int k = 0; k < args.length; k++) {
            int id = t.builder.input(argTypes.get(k));
            t.argIds.add(id);
            args[k] = t.symbol(id, "argument " + k);
        }
        Tensor[] out;
        Map<Variable, Tensor> finals = new LinkedHashMap<>();
        try {
            out = ScopedValue.where(ACTIVE, t).call(() -> Variable.watching(t, () -> Prims.with(t, () -> fn.apply(args))));
        } finally {
            t.open = false;
            for (Map.Entry<Variable, Tensor> e : t.originals.entrySet()) {
                finals.put(e.getKey(), e.getKey().value());
                e.getKey().swapValue(e.getValue());
            }
        }
        List<Integer> outs = new ArrayList<>();
        for (Tensor o : out) outs.add(t.idOf(o));
        List<Variable> read = new ArrayList<>(), written = new ArrayList<>();
        List<TensorType> readTypes = new ArrayList<>();
        List<Integer> inputOrder = new ArrayList<>(t.argIds);
        for (Map.Entry<Variable, Integer> e : t.stateInputs.entrySet()) {
            read.add(e.getKey());
            readTypes.add(t.builder.type(e.getValue()));
            inputOrder.add(e.getValue());
        }
        for (Tensor c : t.captured) inputOrder.add(t.capturedIds.get(c));
        List<HostValue> hostInputs = new ArrayList<>();
        for (HostValue h : t.hosts) { hostInputs.add(new HostValue(inputOrder.size(), h.type(), h.fn())); inputOrder.add(h.input()); }
        for (Map.Entry<Variable, Tensor> e : finals.entrySet()) {
            Tensor fin = e.getValue();
            Integer in = t.stateInputs.get(e.getKey());
            if (fin == t.originals.get(e.getKey())) continue;
            int id = t.idOf(fin);
            if (in != null && id == in) continue;
            written.add(e.getKey());
            outs.add(id);
        }
        List<SinkOut> sinks = new ArrayList<>();
        for (int k = 0; k < t.sinkIds.size(); k++) { sinks.add(new SinkOut(outs.size(), t.sinkFns.get(k))); outs.add(t.sinkIds.get(k)[0]); }
        Graph g = t.builder.buildOrdered(inputOrder.stream().mapToInt(Integer::intValue).toArray(),
                outs.stream().mapToInt(Integer::intValue).toArray());
        return new Result(g, args.length, out.length, read, readTypes, written, List.copyOf(t.captured), t.customRule, List.copyOf(hostInputs), List.copyOf(sinks));
    }

    private Tensor symbol(int id, String origin) {
        TensorType ty = builder.type(id);
        return Tensor.symbolic(ty.dtype(), ty.shape(), new Traced(this, id, origin));
    }

    /** The graph value of {@code t}: its own id if traced here, else a constant. */
    private int idOf(Tensor t) {
        if (t.symbol() instanceof Traced tr) {
            if (tr.trace() != this)
                throw new TracerError("A traced value " + tr + " from another compilation (" + tr.origin() + ") was used here; "
                        + "values computed inside a compiled function must not be kept and reused outside it");
            if (!t.shape().equals(builder.type(tr.id()).shape()))
                throw new TracerError("Traced value " + tr + " was viewed with shape " + t.shape() + " outside the primitive table; use reshape");
            return tr.id();
        }
        if (t.isSymbolic()) throw new TracerError("Unknown symbolic tensor " + t);
        Integer cap = capturedIds.get(t);
        if (cap != null) return cap;
        if (org.braindyn.autodiff.Autodiff.isRecording(t)) {   // a captured tensor being differentiated: an input, not a constant
            int id = builder.inputLate(new TensorType(t.dtype(), t.shape()));
            capturedIds.put(t, id);
            captured.add(t);
            return id;
        }
        return constIds.computeIfAbsent(t, builder::constant);
    }

    @Override public Tensor apply(Op op, Attr attr, TensorType out, Tensor... inputs) {
        if (!open) throw new TracerError("A compiled function's trace has ended; primitive " + op.label() + " cannot be recorded");
        int[] ids = new int[inputs.length];
        for (int j = 0; j < ids.length; j++) ids[j] = idOf(inputs[j]);
        int id = builder.node(op, attr, ids);
        return symbol(id, "from " + op.label() + " at " + callSite());
    }

    @Override public void beforeRead(Variable v, Tensor current) {
        if (originals.containsKey(v) || !open) return;
        originals.put(v, current);
        int id = builder.inputLate(new TensorType(current.dtype(), current.shape()));
        stateInputs.put(v, id);
        Tensor sym = symbol(id, "the value of " + v.describe());
        inputSymbols.put(v, sym);
        v.swapValue(sym);
    }

    @Override public void beforeWrite(Variable v, Tensor current) {
        if (originals.containsKey(v) || !open) return;
        originals.put(v, current);
    }

    /** The variables this trace has seen, with their current (traced or concrete) values. */
    Map<Variable, Tensor> states() {
        Map<Variable, Tensor> m = new LinkedHashMap<>();
        for (Variable v : List.copyOf(originals.keySet())) m.put(v, v.value());
        return m;
    }

    /** The value {@code v} had when this trace first saw it: its input symbol, or the real value if first written. */
    Tensor entryValue(Variable v) {
        Tensor s = inputSymbols.get(v);
        return s != null ? s : originals.get(v);
    }

    private static final StackWalker WALKER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);
    private static final java.security.CodeSource CORE = Tensor.class.getProtectionDomain().getCodeSource();

    /** The first stack frame outside BrainDyn's core packages: where the user's code applied the primitive. */
    static String callSite() {
        return WALKER.walk(s -> s.filter(f -> !isCore(f)).findFirst()
                .map(f -> f.getClassName().substring(f.getClassName().lastIndexOf('.') + 1) + "." + f.getMethodName()
                        + "(" + f.getFileName() + ":" + f.getLineNumber() + ")").orElse("<unknown>"));
    }

    private static boolean isCore(StackWalker.StackFrame f) {
        String cls = f.getClassName();
        if (cls.startsWith("java.") || cls.startsWith("jdk.")) return true;
        java.security.CodeSource cs = f.getDeclaringClass().getProtectionDomain().getCodeSource();
        if (CORE == null || cs == null || !java.util.Objects.equals(cs.getLocation(), CORE.getLocation())) return false;
        return cls.startsWith("org.braindyn.ops.") || cls.startsWith("org.braindyn.tensor.") || cls.startsWith("org.braindyn.jit.")
                || cls.startsWith("org.braindyn.autodiff.") || cls.startsWith("org.braindyn.state.") || cls.startsWith("java.") || cls.startsWith("jdk.");
    }
}
