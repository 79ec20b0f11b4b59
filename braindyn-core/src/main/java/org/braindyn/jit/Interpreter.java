package org.braindyn.jit;

import org.braindyn.ops.Prims;
import org.braindyn.ops.Reference;
import org.braindyn.tensor.Tensor;

/**
 * Runs a {@link Graph} node by node: with the scalar reference interpreter ({@link #reference}, the definition
 * the compiled code is tested against), or by binding each primitive through the current handler
 * ({@link #bind}, so that an enclosing autodiff tape or tracer sees the graph's primitives; values computed by a
 * composite with its own backward rule ({@link Graph.Region}) are recorded with that rule).
 */
public final class Interpreter {
    private Interpreter() {}

    /** The graph's outputs computed by {@link Reference#eval}, primitive by primitive. */
    public static Tensor[] reference(Graph g, Tensor... inputs) {
        return run(g, inputs, true);
    }

    /** The graph's outputs with every node applied through {@link Prims#bind}. */
    public static Tensor[] bind(Graph g, Tensor... inputs) {
        return run(g, inputs, false);
    }

    private static Tensor[] run(Graph g, Tensor[] inputs, boolean reference) {
        if (inputs.length != g.inputs.length)
            throw new IllegalArgumentException("Interpreter: graph takes " + g.inputs.length + " inputs; got " + inputs.length);
        Tensor[] val = new Tensor[g.valueCount()];
        for (int v = 0; v < val.length; v++) val[v] = g.constant(v);
        for (int k = 0; k < inputs.length; k++) val[g.inputs[k]] = inputs[k];
        for (Graph.Node n : g.nodes) {
            Tensor[] in = new Tensor[n.in().length];
            for (int j = 0; j < in.length; j++) in[j] = val[n.in()[j]];
            val[n.out()] = reference ? Reference.eval(n.op(), n.attr(), in) : Prims.bind(n.op(), n.attr(), in);
            Graph.Region r = reference ? null : g.regions.get(n.out());
            if (r != null) {   // a composite with its own backward rule: record the rule, not the forward primitives
                Tensor computed = val[n.out()];
                Tensor[] rin = new Tensor[r.inputs().length];
                for (int j = 0; j < rin.length; j++) rin[j] = val[r.inputs()[j]];
                val[n.out()] = org.braindyn.autodiff.Autodiff.customVjp(a -> computed, (a, o, gy) -> r.backward().vjp(a, o, gy)).apply(rin);
            }
        }
        Tensor[] out = new Tensor[g.outputs.length];
        for (int k = 0; k < out.length; k++) out[k] = val[g.outputs[k]];
        return out;
    }
}
