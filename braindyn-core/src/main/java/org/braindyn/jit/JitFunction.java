package org.braindyn.jit;

import java.util.List;
import java.util.function.Function;
import org.braindyn.ops.Prims;
import org.braindyn.state.Variable;
import org.braindyn.tensor.Tensor;

/**
 * A function compiled by {@link Jit#jit}: traced once per argument signature (shapes and dtypes, and the
 * shapes of the {@link Variable}s it reads), then run as generated code. Inside another trace it inlines
 * (the enclosing compilation sees its primitives). Under {@link org.braindyn.autodiff.Autodiff#grad} it records
 * one node whose backward is compiled too: the vector-Jacobian product of its graph, traced once and run as
 * generated code.
 */
public final class JitFunction {
    private final Function<Tensor[], Tensor[]> fn;
    private final Jit.Cache fused, unfused;
    private boolean interpret;

    JitFunction(Function<Tensor[], Tensor[]> fn) {
        this.fn = fn;
        this.fused = new Jit.Cache(fn, true);
        this.unfused = new Jit.Cache(fn, false);
    }

    /** Runs the same graph with the scalar reference interpreter instead of the generated code (for testing). */
    public JitFunction interpret(boolean on) { this.interpret = on; return this; }

    /** Calls the function: compiled code, or inline when tracing or recording gradients. */
    public synchronized Tensor[] call(Tensor... args) {
        if (Jit.isTracing()) return fn.apply(args);
        if (Prims.current() != Prims.EAGER) return differentiable(args);
        Jit.Compiled c = fused.get(args);
        Tracer.Result tr = c.trace();
        List<Variable> read = tr.readVars(), written = tr.writtenVars();
        Tensor[] inputs = new Tensor[args.length + read.size()];
        System.arraycopy(args, 0, inputs, 0, args.length);
        for (int k = 0; k < read.size(); k++) inputs[args.length + k] = read.get(k).value();
        Tensor[] outs;
        if (interpret) {
            Tensor[] all = java.util.Arrays.copyOf(inputs, c.graph().inputs.length);
            for (Tracer.HostValue h : tr.hosts()) all[h.input()] = h.fn().get();
            outs = Interpreter.reference(c.graph(), all);
            for (Tracer.SinkOut s : tr.sinks()) Jit.sink(outs[s.output()], s.sink());
        }
        else {
            Program p = c.program();
            for (int k = 0; k < inputs.length; k++) p.input(k, inputs[k]);
            p.run();
            outs = new Tensor[c.graph().outputs.length];
            for (int k = 0; k < outs.length; k++) outs[k] = p.output(k);
        }
        for (int k = 0; k < written.size(); k++) written.get(k).set(outs[tr.resultCount() + k]);
        Tensor[] res = new Tensor[tr.resultCount()];
        System.arraycopy(outs, 0, res, 0, res.length);
        return res;
    }

    private final java.util.Map<Jit.Compiled, Jit.Compiled> backward = new java.util.IdentityHashMap<>();

    /** The call under an autodiff tape: compiled forward, compiled backward, recorded as one node. */
    private Tensor[] differentiable(Tensor[] args) {
        Jit.Compiled c = fused.get(args);
        Tracer.Result tr = c.trace();
        if (!tr.captured().isEmpty() || tr.customRule() != null || !tr.hosts().isEmpty() || !tr.sinks().isEmpty()) return fn.apply(args);   // closures over differentiated tensors, custom rules: the plain code
        List<Variable> read = tr.readVars(), written = tr.writtenVars();
        Tensor[] inputs = new Tensor[args.length + read.size()];
        System.arraycopy(args, 0, inputs, 0, args.length);
        for (int k = 0; k < read.size(); k++) inputs[args.length + k] = read.get(k).value();
        Graph g = c.graph();
        Tensor[] outs = org.braindyn.autodiff.Autodiff.customVjpMulti(in -> {
            Program p = c.program();
            for (int k = 0; k < in.length; k++) p.input(k, in[k]);
            p.run();
            Tensor[] o = new Tensor[g.outputs.length];
            for (int k = 0; k < o.length; k++) o[k] = p.output(k);
            return o;
        }, (in, o, cot) -> {
            Jit.Compiled b = backward.computeIfAbsent(c, k -> {
                List<org.braindyn.ops.TensorType> types = Jit.types(in);
                for (int j : Backward.floatOutputs(g)) types.add(g.type(g.outputs[j]));
                return Jit.compile(Backward.graphVjp(g), types, true);
            });
            int[] fo = Backward.floatOutputs(g), fi = Backward.floatInputs(g);
            Program p = b.program();
            for (int k = 0; k < in.length; k++) p.input(k, in[k]);
            for (int j = 0; j < fo.length; j++) p.input(in.length + j, cot[fo[j]].astype(g.type(g.outputs[fo[j]]).dtype()));
            p.run();
            Tensor[] gi = new Tensor[in.length];
            for (int j = 0; j < fi.length; j++) gi[fi[j]] = p.output(j);
            return gi;
        }, inputs);
        for (int k = 0; k < written.size(); k++) written.get(k).set(outs[tr.resultCount() + k]);
        return java.util.Arrays.copyOf(outs, tr.resultCount());
    }

    /** Number of compiled backward programs (one per signature differentiated). */
    public int backwardCompilations() { return backward.size(); }

    /** The first result of {@link #call}. */
    public Tensor call1(Tensor... args) { return call(args)[0]; }

    /** The optimised graph for these argument types (traced if needed). */
    public Graph graph(Tensor... args) { return fused.get(args).graph(); }

    /** The graph and the kernel schedule for these argument types, as text (the debug view). */
    public String explain(Tensor... args) {
        Jit.Compiled c = fused.get(args);
        return c.graph() + "\n" + c.program().describe();
    }

    /** Number of generated fused kernels for these argument types. */
    public int fusedKernels(Tensor... args) { return fused.get(args).program().fusedKernels(); }

    /** Number of times the function has been traced (one per new signature). */
    public int traceCount() { return fused.traces; }

    /** Runs the graph once without fusion (every node by its eager kernel), for comparisons. */
    public Tensor[] callUnfused(Tensor... args) {
        Jit.Compiled c = unfused.get(args);
        Tracer.Result tr = c.trace();
        Program p = c.program();
        int k = 0;
        for (Tensor a : args) p.input(k++, a);
        for (Variable v : tr.readVars()) p.input(k++, v.value());
        p.run();
        Tensor[] outs = new Tensor[c.graph().outputs.length];
        for (int j = 0; j < outs.length; j++) outs[j] = p.output(j);
        for (int j = 0; j < tr.writtenVars().size(); j++) tr.writtenVars().get(j).set(outs[tr.resultCount() + j]);
        return java.util.Arrays.copyOf(outs, tr.resultCount());
    }
}
