package org.braindyn.jit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.braindyn.ops.Prims;
import org.braindyn.ops.TensorType;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * Just-in-time compilation of tensor functions and of model steps (BrainPy's {@code bm.jit}). The function is
 * run once with symbolic tensors; the primitives it applies become a {@link Graph}, which is optimised
 * ({@link Passes}), fused ({@link Fusion}) and turned into generated JVM bytecode ({@link KernelEmitter}).
 * Later calls with the same argument types run the compiled code. {@link Variable}s the function reads are
 * extra inputs and those it changes extra outputs, so a jitted model {@code update} changes the model's state
 * exactly as the plain call does.
 * <pre>{@code
 * JitFunction f = Jit.jit(a -> new Tensor[] {a[0].mul(2).add(1).exp()});
 * Tensor y = f.call(x)[0];                     // traced and compiled on the first call
 * JitFunction step = Jit.jit(() -> lif.update()); // a model step; its Variables update in place
 * step.call();
 * System.out.println(f.explain(x));            // the graph and the fused kernels
 * }</pre>
 * Branching in Java on a traced value throws {@link TracerError}: use {@code BM.where}, {@link Loops#cond}
 * or {@link Loops#whileLoop}. Static arguments are captured Java values (a new value needs a new jit).
 * Set {@code -Dbraindyn.jit.debug=1} (or {@link #setDebug}) to print each compiled graph and its kernels.
 */
public final class Jit {
    private static volatile int debug = Integer.getInteger("braindyn.jit.debug", 0);

    private Jit() {}

    /** 0: quiet; 1: print each new compilation's graph and kernel schedule to standard error. */
    public static void setDebug(int level) { debug = level; }

    static int debug() { return debug; }

    /** A compiled function of tensors. */
    public static JitFunction jit(Function<Tensor[], Tensor[]> fn) { return new JitFunction(fn); }

    /** A compiled one-argument, one-result function. */
    public static JitFunction jitUnary(UnaryOperator<Tensor> fn) { return new JitFunction(a -> new Tensor[] {fn.apply(a[0])}); }

    /** A compiled model step: no arguments, no results, effects on {@link Variable}s only. */
    public static JitFunction jit(Runnable step) { return new JitFunction(a -> { step.run(); return new Tensor[0]; }); }

    /**
     * A value computed by Java on the host (BrainPy's host callback): outside compiled code, {@code fn.get()}; while
     * tracing, a symbolic input of type {@code dtype}{@code shape} that compiled code fills by calling {@code fn}
     * before every run (every step of a compiled loop), in trace order. For random draws from a {@code RandomState}:
     * compiled and eager runs then consume the same random stream. {@code fn} must not read traced values; code
     * that draws host values cannot be differentiated through compiled loops (its backward pass could not replay
     * the draws).
     * <pre>{@code Tensor u = Jit.hostValue(DType.F32, Shape.of(n), () -> rng.random(n));}</pre>
     */
    public static Tensor hostValue(org.braindyn.tensor.DType dtype, org.braindyn.tensor.Shape shape, java.util.function.Supplier<Tensor> fn) {
        Tracer t = Tracer.active();
        if (t == null) return fn.get();
        return t.host(new TensorType(dtype, shape), fn);
    }

    /**
     * Receives a value that compiled code streams back to Java (the reverse of {@link #hostValue}). {@code array} is
     * the value's backing primitive array ({@code boolean[]}, {@code float[]}, {@code double[]}, {@code int[]} …, by
     * dtype) and its {@code size} elements start at {@code offset} in C order. The array belongs to the compiled
     * code: read it during the call, never keep it.
     */
    @FunctionalInterface
    public interface HostSink { void accept(Object array, int offset, int size); }

    /**
     * A {@link HostSink} of boolean events that can also take them as the list of positions that are true (in
     * increasing order): a compiled loop whose step compacts those events anyway (last step's spikes, for the event
     * sums of the next) hands the list over instead of the booleans, so they are scanned once per step.
     */
    public interface EventSink extends HostSink {
        /** The positions {@code rows[0 … count)} of the value's true elements (read during the call, never keep it). */
        void acceptEvents(int[] rows, int count);
    }

    /**
     * Hands {@code value} to {@code sink} (BrainPy's host callback for monitors): outside compiled code at once;
     * while tracing, compiled code calls {@code sink} with the computed value after every run (every step of a
     * compiled loop), without copying or allocating. Spike monitors use it to append the neurons that fired to
     * lists whose memory grows with the number of spikes. Compiled loops that stream values cannot be
     * differentiated (their backward pass would replay the forward steps and stream them again).
     * <pre>{@code Jit.sink(lif.spike.value(), (a, off, n) -> record((boolean[]) a, off, n));}</pre>
     */
    public static void sink(Tensor value, HostSink sink) {
        if (sink == null) throw new IllegalArgumentException("Jit.sink: the sink is null");
        Tracer t = Tracer.active();
        if (t != null) { t.sink(value, sink); return; }
        if (value.isSymbolic())
            throw new IllegalArgumentException("Jit.sink: a symbolic value outside a trace (" + value.dtype().numpyName() + value.shape() + ")");
        Tensor c = value.contiguous();
        sink.accept(c.storage(), c.offset(), (int) c.size());
    }

    /**
     * For components that keep state in Java fields (not in {@code Variable}s) and so cannot be carried by compiled
     * code: throws a {@link TracerError} naming {@code who} when called while tracing, instead of letting the trace
     * bake that state in as constants.
     */
    public static void refuseTracing(String who) {
        if (isTracing())
            throw new TracerError(who + ": its history is kept in Java, so it cannot run inside compiled code "
                    + "(a jitted function or a compiled loop/run); use it in eager code (DSRunner.jit(false))");
    }

    /** True while code is being traced on this thread. */
    public static boolean isTracing() { return Prims.current() instanceof Tracer; }

    /**
     * One traced specialisation: the trace's bookkeeping, the optimised graph, and its executable program, built on
     * first use (loops build their own, with in-place carries, and never need this one).
     */
    static final class Compiled {
        private final Tracer.Result trace;
        private final Graph graph;
        private final boolean fuse;
        private Program program;

        Compiled(Tracer.Result trace, Graph graph, boolean fuse) {
            this.trace = trace;
            this.graph = graph;
            this.fuse = fuse;
        }

        Tracer.Result trace() { return trace; }

        Graph graph() { return graph; }

        /** The program for this graph (compiled on first use). */
        synchronized Program program() {
            if (program == null) program = program(new int[0][]);
            return program;
        }

        /** A program for this graph whose {@code inPlace} input/output pairs share their arrays. */
        Program program(int[][] inPlace) {
            Program p = new Program(graph, fuse, inPlace);
            p.hosts(trace.hosts());
            p.sinks(trace.sinks());
            if (debug > 0) System.err.println("[braindyn.jit] compiled " + graph.inputs.length + " inputs ->\n" + graph + "\n" + p.describe());
            return p;
        }

        boolean statesMatch() {
            List<Variable> rv = trace.readVars();
            for (int k = 0; k < rv.size(); k++) {
                Tensor v = rv.get(k).value();
                if (!new TensorType(v.dtype(), v.shape()).equals(trace.readTypes().get(k))) return false;
            }
            return true;
        }
    }

    /** Traces {@code fn} for {@code argTypes} and optimises the graph; the program is built when first needed. */
    static Compiled compile(Function<Tensor[], Tensor[]> fn, List<TensorType> argTypes, boolean fuse) {
        Tracer.Result tr = Tracer.trace(argTypes, fn);
        Graph g = Passes.optimize(tr.graph()).verify();
        return new Compiled(tr, g, fuse);
    }

    static List<TensorType> types(Tensor[] args) {
        List<TensorType> ts = new ArrayList<>();
        for (Tensor t : args) ts.add(new TensorType(t.dtype(), t.shape()));
        return ts;
    }

    /** Cache of specialisations by argument types. */
    static final class Cache {
        private final Map<List<TensorType>, Compiled> map = new HashMap<>();
        private final Function<Tensor[], Tensor[]> fn;
        private final boolean fuse;
        int traces;

        Cache(Function<Tensor[], Tensor[]> fn, boolean fuse) { this.fn = fn; this.fuse = fuse; }

        Compiled get(Tensor[] args) {
            List<TensorType> key = types(args);
            Compiled c = map.get(key);
            if (c == null || !c.statesMatch()) {
                c = compile(fn, key, fuse);
                traces++;
                map.put(key, c);
            }
            return c;
        }
    }
}
