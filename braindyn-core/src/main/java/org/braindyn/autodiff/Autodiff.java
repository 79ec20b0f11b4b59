package org.braindyn.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.Prims;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Automatic differentiation (BrainPy's {@code bm.grad}, {@code bm.vector_grad}, {@code bm.jacobian}, …) by reverse
 * mode over recorded primitive applications, with respect to function arguments and/or to {@link Variable} states
 * read inside the function, including states written and read again across the steps of a plain Java loop
 * (eager back-propagation through time). Forward mode ({@link #jvp}, {@link #jacfwd}) is the transpose of reverse
 * mode: the reverse pass is linear in its cotangent, and differentiating it again gives {@code J·v}.
 * <pre>{@code
 * Tensor g = Autodiff.grad(x -> BM.sum(x.square()), x);                  // 2x
 * Autodiff.Result r = Autodiff.grad(args -> loss(model, args[0]))
 *         .gradVars(model.trainVars().values()).returnValue(true).apply(batch);
 * r.grad(model.w);  r.value();                                        // BrainPy's (grads, value)
 * }</pre>
 */
public final class Autodiff {
    private Autodiff() {}

    /** A function of tensors to a tensor. */
    @FunctionalInterface
    public interface Fn { Tensor apply(Tensor... args); }

    /** A function that also returns auxiliary data (BrainPy {@code has_aux=True}). */
    @FunctionalInterface
    public interface FnAux { WithAux apply(Tensor... args); }

    /** A value with auxiliary data that is not differentiated. */
    public record WithAux(Tensor value, Object aux) {}

    /** A user-supplied backward rule: cotangents of {@code inputs} given the output and its cotangent. */
    @FunctionalInterface
    public interface Backward { Tensor[] vjp(Tensor[] inputs, Tensor output, Tensor cotangent); }

    /**
     * Gradients, in the order asked for: {@link #grad(int)} for arguments, {@link #grad(Variable)} for states;
     * {@link #value()} and {@link #aux()} when requested (BrainPy's {@code (grads, value, aux)}), and the peak bytes
     * of residuals the engine kept for the backward pass (recomputed checkpoint segments included).
     */
    public record Result(Tensor[] argGrads, Map<Variable, Tensor> varGrads, Tensor value, Object aux, long peakResidualBytes) {
        /** The gradient of the first differentiated argument (or the only state when no argument is). */
        public Tensor grad() { return argGrads.length > 0 ? argGrads[0] : varGrads.values().iterator().next(); }
        /** The gradient of the {@code i}-th differentiated argument (position in {@code argnums}). */
        public Tensor grad(int i) { return argGrads[i]; }
        /** The gradient of a state. */
        public Tensor grad(Variable v) {
            Tensor g = varGrads.get(v);
            if (g == null) throw new IllegalArgumentException("Autodiff: no gradient for " + v.describe() + "; it was not among gradVars");
            return g;
        }
    }

    /** What {@link #vjp} returns: the primal value and its pullback. */
    public record Vjp(Tensor value, UnaryOperator<Tensor> pullbackFirst, java.util.function.Function<Tensor, Tensor[]> pullback) {}

    // ---- builders ----

    /** Gradient of a scalar-output function; configure with {@link Grad#argnums}, {@link Grad#gradVars}, then {@link Grad#apply}. */
    public static Grad grad(Fn f) { return new Grad(args -> new WithAux(f.apply(args), null), false, false); }

    /** Gradient of a function returning {@link WithAux} (BrainPy {@code has_aux=True}). */
    public static Grad gradAux(FnAux f) { return new Grad(f, true, false); }

    /** Gradient of the sum of a vector-output function (BrainPy {@code vector_grad}). */
    public static Grad vectorGrad(Fn f) { return new Grad(args -> new WithAux(f.apply(args), null), false, true); }

    /**
     * Reverse-mode Jacobian with BrainPy's {@code bm.jacobian} conventions: {@code argnums}, {@code gradVars},
     * {@code returnValue}; each result has shape {@code f.shape + wrt.shape}.
     */
    public static Grad jacobian(Fn f) { return new Grad(args -> new WithAux(f.apply(args), null), false, true).jacobianMode(); }

    /**
     * Forward-mode Jacobian with the same conventions as {@link #jacobian(Fn)} ({@code argnums}, {@code gradVars},
     * {@code returnValue}): one {@link #jvp} per input element, so it is the cheaper choice when inputs are few and
     * outputs many. States are differentiated by running the function with their values as extra inputs.
     */
    public static Grad jacfwd(Fn f) { return new Grad(args -> new WithAux(f.apply(args), null), false, true).jacobianMode().forward(); }

    /** {@link #jacobian(Fn)} for a function returning {@link WithAux}. */
    public static Grad jacobianAux(FnAux f) { return new Grad(f, true, true).jacobianMode(); }

    /** {@code ∇f(x)} for a scalar function of one tensor. */
    public static Tensor grad(UnaryOperator<Tensor> f, Tensor x) { return grad(a -> f.apply(a[0])).apply(x).grad(); }

    /** {@code (f(x), ∇f(x))}. */
    public static Result valueAndGrad(UnaryOperator<Tensor> f, Tensor x) { return grad(a -> f.apply(a[0])).returnValue(true).apply(x); }

    /** Configuration of a gradient computation. */
    public static final class Grad {
        private final FnAux f;
        private final boolean hasAux, vector;
        private int[] argnums;
        private List<Variable> vars = List.of();
        private boolean returnValue, jacobian;

        Grad jacobianMode() { jacobian = true; return this; }

        private boolean forward;

        Grad forward() { forward = true; return this; }

        /** Forward-mode Jacobians: columns by {@link Autodiff#jvp} over the arguments and the states' values. */
        private Result applyForward(Tensor[] args, int[] an) {
            int na = an.length, nv = vars.size();
            Tensor[] inputs = new Tensor[na + nv];
            for (int k = 0; k < na; k++) { requireFloat("argument " + an[k], args[an[k]]); inputs[k] = args[an[k]]; }
            for (int k = 0; k < nv; k++) { requireFloat(vars.get(k).describe(), vars.get(k).value()); inputs[na + k] = vars.get(k).value(); }
            Tensor[] saved = new Tensor[nv];
            for (int k = 0; k < nv; k++) saved[k] = vars.get(k).value();
            Fn g = in -> {
                Tensor[] a = args.clone();
                for (int k = 0; k < na; k++) a[an[k]] = in[k];
                for (int k = 0; k < nv; k++) vars.get(k).set(in[na + k]);
                return f.apply(a).value();
            };
            Tensor y = null;
            Tensor[] jac = new Tensor[inputs.length];
            try {
                for (int k = 0; k < inputs.length; k++) {
                    Tensor[] cols = new Tensor[inputs[k].size()];
                    for (int e = 0; e < cols.length; e++) {
                        Tensor[] tangents = new Tensor[inputs.length];
                        for (int q = 0; q < tangents.length; q++) tangents[q] = q == k ? basis(inputs[k], e) : BM.zerosLike(inputs[q]);
                        Tensor[] r = jvp(g, inputs, tangents);
                        y = r[0];
                        cols[e] = r[1];
                    }
                    Tensor yy = y != null ? y : g.apply(inputs);
                    Tensor byCol = BM.stack(cols.length == 0 ? new Tensor[] {BM.zerosLike(yy)} : cols);
                    int[] perm = new int[byCol.ndim()];
                    for (int i = 0; i < yy.ndim(); i++) perm[i] = i + 1;
                    perm[yy.ndim()] = 0;
                    jac[k] = byCol.transpose(perm).reshape(concat(yy.shape().toArray(), inputs[k].shape().toArray()));
                }
            } finally {
                for (int k = 0; k < nv; k++) vars.get(k).set(saved[k]);
            }
            Map<Variable, Tensor> vg = new LinkedHashMap<>();
            for (int k = 0; k < nv; k++) vg.put(vars.get(k), jac[na + k]);
            return new Result(Arrays.copyOf(jac, na), vg, returnValue ? (y != null ? y : g.apply(inputs)) : null, null, 0);
        }

        Grad(FnAux f, boolean hasAux, boolean vector) {
            this.f = f;
            this.hasAux = hasAux;
            this.vector = vector;
        }

        /** Which arguments to differentiate (default: argument 0, or none when {@link #gradVars} is given). */
        public Grad argnums(int... argnums) { this.argnums = argnums.clone(); return this; }

        /** States to differentiate with respect to (their values when the function starts). */
        public Grad gradVars(Collection<? extends Variable> vars) { this.vars = List.copyOf(vars); return this; }

        /** States to differentiate with respect to. */
        public Grad gradVars(Variable... vars) { return gradVars(Arrays.asList(vars)); }

        /** Also return the function's value. */
        public Grad returnValue(boolean on) { this.returnValue = on; return this; }

        /** Runs the function once, recording, then the backward pass. */
        public Result apply(Tensor... args) {
            int[] an = argnums != null ? argnums : vars.isEmpty() ? new int[] {0} : new int[0];
            if (forward) return applyForward(args, an);
            Tape tape = new Tape(Prims.current());
            Tensor[] a = args.clone();
            List<Tensor> wrt = new ArrayList<>();
            for (int i : an) {
                if (i < 0 || i >= a.length) throw new IllegalArgumentException("Autodiff.grad: argnums " + i + " is out of range for " + a.length + " arguments");
                requireFloat("argument " + i, a[i]);
                a[i] = alias(a[i]);
                tape.watch(a[i]);
                wrt.add(a[i]);
            }
            for (Variable v : vars) {
                requireFloat(v.describe(), v.value());
                Tensor t = alias(v.value());
                v.set(t);
                tape.watch(t);
                wrt.add(t);
            }
            WithAux out = tape.recording(() -> f.apply(a));
            Tensor y = out.value();
            if (!vector && y.ndim() != 0)
                throw new IllegalArgumentException("Gradient only defined for scalar-output functions. Output had shape: " + y.shape() + ".");
            for (int k = an.length; k < wrt.size(); k++) {
                Variable v = vars.get(k - an.length);
                if (!tape.wasRead(wrt.get(k)))
                    throw new IllegalArgumentException("Autodiff.grad: " + v.describe()
                            + " is in gradVars but the function never reads it, so its gradient is undefined; remove it from gradVars or read it in the function");
            }
            Tensor[] g = jacobian ? jacobianRows(tape, y, wrt)
                    : tape.backward(y, BM.onesLike(y).astype(y.dtype().isFloating() ? y.dtype() : org.braindyn.tensor.Config.defaultFloat()), wrt);
            Map<Variable, Tensor> vg = new LinkedHashMap<>();
            for (int k = 0; k < vars.size(); k++) vg.put(vars.get(k), g[an.length + k]);
            return new Result(Arrays.copyOf(g, an.length), vg, returnValue ? y : null, hasAux ? out.aux() : null, tape.peakBytes());
        }
    }

    /** One backward pass per output element, stacked into {@code y.shape + w.shape} for each {@code w}. */
    private static Tensor[] jacobianRows(Tape tape, Tensor y, List<Tensor> wrt) {
        Tensor[][] rows = new Tensor[wrt.size()][y.size()];
        for (int i = 0; i < y.size(); i++) {
            Tensor[] g = tape.backward(y, basis(y, i), wrt);
            for (int k = 0; k < g.length; k++) rows[k][i] = g[k];
        }
        Tensor[] out = new Tensor[wrt.size()];
        for (int k = 0; k < out.length; k++) out[k] = stackTo(rows[k], y, wrt.get(k));
        return out;
    }

    // ---- vjp / jvp / Jacobians ----

    /** The value of {@code f} at {@code args} and its pullback: cotangent of the output ↦ cotangents of every argument. */
    public static Vjp vjp(Fn f, Tensor... args) {
        Tape tape = new Tape(Prims.current());
        Tensor[] a = new Tensor[args.length];
        for (int i = 0; i < a.length; i++) { a[i] = alias(args[i]); tape.watch(a[i]); }
        Tensor y = tape.recording(() -> f.apply(a));
        List<Tensor> wrt = List.of(a);
        return new Vjp(y, g -> tape.backward(y, g, wrt)[0], g -> tape.backward(y, g, wrt));
    }

    /** {@code J·v}: the directional derivative of {@code f} at {@code args} along {@code tangents}, and the value. */
    public static Tensor[] jvp(Fn f, Tensor[] args, Tensor[] tangents) {
        if (tangents.length != args.length) throw new IllegalArgumentException("Autodiff.jvp: " + tangents.length + " tangents for " + args.length + " arguments");
        Vjp v = vjp(f, args);
        Tape t2 = new Tape(Prims.current());
        Tensor u = alias(BM.zerosLike(v.value()));
        t2.watch(u);
        Tensor s = t2.recording(() -> {
            Tensor[] w = v.pullback().apply(u);
            Tensor acc = null;
            for (int i = 0; i < w.length; i++) {
                Tensor d = BM.sum(w[i].mul(tangents[i].astype(w[i].dtype())));
                acc = acc == null ? d : acc.add(d);
            }
            return acc;
        });
        Tensor jv = t2.backward(s, BM.onesLike(s), List.of(u))[0];
        return new Tensor[] {v.value(), jv};
    }

    /** Jacobian by reverse mode: shape {@code f(x).shape + x.shape}. */
    public static Tensor jacrev(UnaryOperator<Tensor> f, Tensor x) {
        Vjp v = vjp(a -> f.apply(a[0]), x);
        Tensor y = v.value();
        Tensor[] rows = new Tensor[y.size()];
        for (int i = 0; i < rows.length; i++) rows[i] = v.pullbackFirst().apply(basis(y, i));
        return stackTo(rows, y, x);
    }

    /** Jacobian by forward mode: shape {@code f(x).shape + x.shape}; equals {@link #jacrev}. */
    public static Tensor jacfwd(UnaryOperator<Tensor> f, Tensor x) {
        Tensor[] cols = new Tensor[x.size()];
        Tensor y = null;
        for (int j = 0; j < cols.length; j++) {
            Tensor[] r = jvp(a -> f.apply(a[0]), new Tensor[] {x}, new Tensor[] {basis(x, j)});
            y = r[0];
            cols[j] = r[1];
        }
        if (y == null) y = f.apply(x);
        Tensor byCol = BM.stack(cols.length == 0 ? new Tensor[] {BM.zerosLike(y)} : cols);   // (x.size, y...)
        int[] perm = new int[byCol.ndim()];
        for (int i = 0; i < y.ndim(); i++) perm[i] = i + 1;
        perm[y.ndim()] = 0;
        int[] shape = concat(y.shape().toArray(), x.shape().toArray());
        return byCol.transpose(perm).reshape(shape);
    }

    /** Alias of {@link #jacrev} (BrainPy {@code bm.jacobian}). */
    public static Tensor jacobian(UnaryOperator<Tensor> f, Tensor x) { return jacrev(f, x); }

    /** Hessian of a scalar function: the Jacobian of its gradient. */
    public static Tensor hessian(UnaryOperator<Tensor> f, Tensor x) { return jacrev(z -> grad(f, z), x); }

    // ---- stop, custom, checkpoint ----

    /** {@code x} with no gradient flowing through it (on every enclosing tape). */
    public static Tensor stopGradient(Tensor x) {
        if (x.isSymbolic() && x.dtype().isFloating() && Prims.current() instanceof Prims.CustomRuleObserver o) {
            // while compiling: a real node (x·1, exact) carrying a zero backward rule, so the compiled graph's gradient stops here too
            Tensor y = Prims.bind(Op.MUL, Attr.NONE, x, BM.scalar(1, x.dtype()));
            o.customRule("stopGradient", new Tensor[] {x}, y, (in, out, g) -> new Tensor[] {null});
            return y;
        }
        return x.view(x.shape(), x.offset(), x.strides());
    }

    /**
     * A composite with a user-defined backward: {@code forward} runs without being recorded, and the tape stores
     * one node whose VJP is {@code backward} (BrainPy/JAX {@code custom_vjp}).
     */
    public static Fn customVjp(Fn forward, Backward backward) {
        return args -> recordComposite(forward, args, backward::vjp);
    }

    /**
     * {@code f} recomputed in the backward pass instead of having its intermediate values stored: the tape keeps
     * only its inputs and output (rematerialisation, for long BPTT rollouts).
     */
    public static Fn checkpoint(Fn f) {
        return args -> recordComposite(f, args, (in, out, g) -> {
            Tape inner = new Tape(Prims.current());
            Tensor[] a = new Tensor[in.length];
            for (int i = 0; i < a.length; i++) { a[i] = alias(in[i]); if (in[i].dtype().isFloating()) inner.watch(a[i]); }
            Tensor y = inner.recording(() -> f.apply(a));
            Tape.reportTransient(inner.storedBytes());
            return inner.backward(y, g, List.of(a));
        });
    }

    /** Backward of a composite with several outputs: cotangents of every output (zeros where unused) to those of the inputs. */
    public interface MultiBackward { Tensor[] vjp(Tensor[] inputs, Tensor[] outputs, Tensor[] cotangents); }

    /**
     * Applies a composite with several outputs whose backward is {@code backward}: {@code forward} runs without
     * being recorded, and the active tape (if it tracks any input) stores one node for all outputs. The compiler's
     * loops use it so that BPTT runs their compiled backward body.
     */
    public static Tensor[] customVjpMulti(java.util.function.Function<Tensor[], Tensor[]> forward, MultiBackward backward, Tensor... args) {
        Tape tape = Tape.active();
        if (tape == null || Arrays.stream(args).noneMatch(tape::isTracked)) return forward.apply(args);
        Tensor[] y = tape.unrecorded(() -> forward.apply(args));
        Tensor[] outs = new Tensor[y.length];
        for (int k = 0; k < y.length; k++) outs[k] = y[k].view(y[k].shape(), y[k].offset(), y[k].strides());
        tape.record(new Tape.Node(null, null, args.clone(), null, null, outs, backward::vjp));
        return outs;
    }

    /** True if an autodiff tape on this thread is recording and tracks one of {@code ts}. */
    public static boolean isRecording(Tensor... ts) {
        Tape tape = Tape.active();
        return tape != null && Arrays.stream(ts).anyMatch(tape::isTracked);
    }

    private static Tensor recordComposite(Fn f, Tensor[] args, Tape.CustomRule rule) {
        Tape tape = Tape.active();
        if (tape == null || Arrays.stream(args).noneMatch(tape::isTracked)) {
            Tensor y = f.apply(args);
            if (Prims.current() instanceof Prims.CustomRuleObserver o)    // a tracer: it keeps the rule with the traced value
                o.customRule("a function with a custom backward rule (customVjp, checkpoint or a surrogate spike function)", args, y, rule::vjp);
            return y;
        }
        Tensor y = tape.unrecorded(() -> f.apply(args));
        Tensor out = y.view(y.shape(), y.offset(), y.strides());
        tape.record(new Tape.Node(null, null, args.clone(), out, rule));
        return out;
    }

    // ---- helpers ----

    /** A new identity for {@code x} through the current handler, so enclosing tapes keep tracking it. */
    static Tensor alias(Tensor x) { return Prims.bind(Op.RESHAPE, new Attr.ToShape(x.shape()), x); }

    private static void requireFloat(String what, Tensor t) {
        if (!t.dtype().isFloating())
            throw new IllegalArgumentException("Autodiff.grad: " + what + " has dtype " + t.dtype().numpyName()
                    + "; only float32/float64 values can be differentiated. Cast it with astype(DType.F32) first.");
    }

    private static Tensor basis(Tensor like, int i) {
        double[] e = new double[like.size()];
        e[i] = 1;
        return BM.array(e).astype(like.dtype().isFloating() ? like.dtype() : org.braindyn.tensor.Config.defaultFloat()).reshape(like.shape().toArray());
    }

    private static Tensor stackTo(Tensor[] rows, Tensor y, Tensor x) {
        if (rows.length == 0) return BM.zeros(org.braindyn.tensor.Shape.of(concat(y.shape().toArray(), x.shape().toArray())), x.dtype());
        return BM.stack(rows).reshape(concat(y.shape().toArray(), x.shape().toArray()));
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
