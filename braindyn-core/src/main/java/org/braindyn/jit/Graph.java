package org.braindyn.jit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.braindyn.ops.Attr;
import org.braindyn.ops.Op;
import org.braindyn.ops.ShapeRules;
import org.braindyn.ops.TensorType;
import org.braindyn.tensor.Tensor;

/**
 * The compiler's intermediate representation: a straight-line SSA graph of primitive applications (BrainPy's
 * jaxpr). Every value has an id and a {@link TensorType}; it is a graph input, a constant (a concrete tensor
 * captured while tracing) or the output of exactly one {@link Node}. Nodes are kept in topological order.
 * Graphs are immutable once built; passes build new ones.
 * <pre>{@code
 * { lambda %0:float32(4000) %1:float32(4000) .
 *     %3:float32(4000) = mul %0 %c2
 *     %4:bool(4000) = ge %3 %1
 *   in (%3, %4) }
 * }</pre>
 */
public final class Graph {
    /** One primitive application: {@code out = op[attr](in...)}. */
    public record Node(Op op, Attr attr, int[] in, int out) {
        @Override public String toString() { return op.label() + Arrays.toString(in) + "->" + out; }
    }

    /**
     * A value computed by a composite with a hand-written backward rule (a surrogate spike function, a custom
     * VJP): its forward primitives are in the graph, and differentiating the graph uses {@code backward} on
     * {@code inputs} instead of those primitives.
     */
    public record Region(int[] inputs, org.braindyn.ops.Prims.CustomBackward backward) {}

    final java.util.Map<Integer, Region> regions;
    final List<TensorType> types;
    final List<Tensor> consts;     // null entries for non-constants
    final int[] inputs;
    final List<Node> nodes;
    final int[] outputs;
    final int[] producer;          // node index per value, -1 for inputs and constants

    private Graph(List<TensorType> types, List<Tensor> consts, int[] inputs, List<Node> nodes, int[] outputs, java.util.Map<Integer, Region> regions) {
        this.regions = java.util.Map.copyOf(regions);
        this.types = List.copyOf(types);
        this.consts = new ArrayList<>(consts);
        this.inputs = inputs.clone();
        this.nodes = List.copyOf(nodes);
        this.outputs = outputs.clone();
        this.producer = new int[types.size()];
        Arrays.fill(producer, -1);
        for (int k = 0; k < nodes.size(); k++) producer[nodes.get(k).out()] = k;
    }

    /** Number of values (inputs, constants and node outputs). */
    public int valueCount() { return types.size(); }

    /** The type of value {@code id}. */
    public TensorType type(int id) { return types.get(id); }

    /** The constant held by value {@code id}, or null if it is not a constant. */
    public Tensor constant(int id) { return consts.get(id); }

    /** The input value ids, in call order. */
    public int[] inputs() { return inputs.clone(); }

    /** The output value ids, in result order. */
    public int[] outputs() { return outputs.clone(); }

    /** The nodes in topological order. */
    public List<Node> nodes() { return nodes; }

    /** The values computed by composites with their own backward rule. */
    public java.util.Map<Integer, Region> regions() { return regions; }

    /** Number of nodes applying {@code op}. */
    public long count(Op op) { return nodes.stream().filter(n -> n.op() == op).count(); }

    /**
     * Checks the graph's invariants: every node's inputs are defined before it, its output type is what
     * {@link ShapeRules} gives, each value is defined once, outputs exist. Throws {@link IllegalStateException}.
     */
    public Graph verify() {
        boolean[] defined = new boolean[types.size()];
        for (int i : inputs) defined[i] = true;
        for (int v = 0; v < types.size(); v++) if (consts.get(v) != null) {
            if (defined[v]) throw new IllegalStateException("Graph: constant %" + v + " is also an input");
            defined[v] = true;
        }
        for (Node n : nodes) {
            TensorType[] in = new TensorType[n.in().length];
            for (int j = 0; j < in.length; j++) {
                if (!defined[n.in()[j]]) throw new IllegalStateException("Graph: " + n.op().label() + " reads %" + n.in()[j] + " before it is defined");
                in[j] = types.get(n.in()[j]);
            }
            TensorType t = ShapeRules.infer(n.op(), n.attr(), in);
            if (!t.equals(types.get(n.out())))
                throw new IllegalStateException("Graph: %" + n.out() + " = " + n.op().label() + " has type " + types.get(n.out()) + "; the shape rule gives " + t);
            if (defined[n.out()]) throw new IllegalStateException("Graph: %" + n.out() + " is defined twice");
            defined[n.out()] = true;
        }
        for (int o : outputs) if (!defined[o]) throw new IllegalStateException("Graph: output %" + o + " is never defined");
        return this;
    }

    /** The jaxpr-like text: inputs with types, one line per node, outputs. */
    @Override public String toString() {
        StringBuilder b = new StringBuilder("{ lambda");
        for (int i : inputs) b.append(" %").append(i).append(':').append(types.get(i));
        b.append(" .\n");
        for (int v = 0; v < types.size(); v++) {
            Tensor c = consts.get(v);
            if (c != null) b.append("    %").append(v).append(':').append(types.get(v)).append(" = const ")
                    .append(c.size() <= 4 ? Arrays.toString(c.toDoubleArray()) : "<" + c.size() + " elements>").append('\n');
        }
        for (Node n : nodes) {
            b.append("    %").append(n.out()).append(':').append(types.get(n.out())).append(" = ").append(n.op().label());
            if (!(n.attr() instanceof Attr.None)) b.append('[').append(n.attr()).append(']');
            for (int i : n.in()) b.append(" %").append(i);
            b.append('\n');
        }
        b.append("  in (");
        for (int k = 0; k < outputs.length; k++) b.append(k == 0 ? "%" : ", %").append(outputs[k]);
        return b.append(") }").toString();
    }

    /** Builds a graph value by value; {@link #node} infers the output type from the shape rules. */
    public static final class Builder {
        private final List<TensorType> types = new ArrayList<>();
        private final List<Tensor> consts = new ArrayList<>();
        private final List<Integer> inputs = new ArrayList<>();
        private final List<Node> nodes = new ArrayList<>();
        private final java.util.Map<Integer, Region> regions = new java.util.HashMap<>();

        /** Marks node output {@code out} as computed by a composite with its own backward rule. */
        public void region(int out, int[] inputs, org.braindyn.ops.Prims.CustomBackward backward) { regions.put(out, new Region(inputs.clone(), backward)); }

        /** True if some node produces {@code id}. */
        public boolean isNodeOutput(int id) { return nodes.stream().anyMatch(n -> n.out() == id); }

        /** A new input of type {@code t}. */
        public int input(TensorType t) {
            int id = fresh(t, null);
            inputs.add(id);
            return id;
        }

        /** A new input value whose place in the input list is given later by {@link #buildOrdered}. */
        public int inputLate(TensorType t) { return fresh(t, null); }

        /** A constant. */
        public int constant(Tensor c) {
            if (c.isSymbolic()) throw new IllegalArgumentException("Graph: a symbolic tensor cannot be a constant: " + c);
            return fresh(new TensorType(c.dtype(), c.shape()), c);
        }

        /** A node applying {@code op}; returns its output id. */
        public int node(Op op, Attr attr, int... in) {
            TensorType[] ts = new TensorType[in.length];
            for (int j = 0; j < in.length; j++) ts[j] = types.get(in[j]);
            int id = fresh(ShapeRules.infer(op, attr, ts), null);
            nodes.add(new Node(op, attr, in.clone(), id));
            return id;
        }

        /** Type of a value built so far. */
        public TensorType type(int id) { return types.get(id); }

        /** The constant at {@code id}, or null. */
        public Tensor constant(int id) { return consts.get(id); }


        private int fresh(TensorType t, Tensor c) {
            types.add(t);
            consts.add(c);
            return types.size() - 1;
        }

        /** The finished graph with an explicit input order (every input value exactly once). */
        public Graph buildOrdered(int[] inputOrder, int... outputs) {
            return new Graph(types, consts, inputOrder, nodes, outputs, regions);
        }

        /** The finished graph with these outputs. */
        public Graph build(int... outputs) {
            return new Graph(types, consts, inputs.stream().mapToInt(Integer::intValue).toArray(), nodes, outputs, regions);
        }
    }
}
