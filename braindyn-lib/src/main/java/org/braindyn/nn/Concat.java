package org.braindyn.nn;

import static org.braindyn.tensor.BM.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.braindyn.tensor.Tensor;

/**
 * Branches that see the same input, their outputs concatenated (BrainPy's {@code [i >> r, i] >> o}, a readout that
 * sees the reservoir and the input). Branches take no feedback; link feedback to nodes of the enclosing chain.
 * <pre>{@code
 * Sequential esn = Sequential.of(Concat.of(new Identity(3), reservoir), LinearReadout.builder(3 + 400, 3).build());
 * }</pre>
 */
public final class Concat extends Node {
    private final List<Node> branches;
    private final int in, out;

    private Concat(List<Node> branches) {
        super(null);
        if (branches.isEmpty()) throw new IllegalArgumentException("Concat: needs at least one branch");
        int f = branches.get(0).inFeatures(), o = 0;
        for (Node b : branches) {
            if (b.inFeatures() != f) throw new IllegalArgumentException("Concat: " + b.label() + " takes " + b.inFeatures() + " input features but " + branches.get(0).label() + " takes " + f + "; branches share one input");
            o += b.outFeatures();
        }
        this.branches = List.copyOf(branches);
        in = f;
        out = o;
        Map<String, Node> named = new LinkedHashMap<>();
        for (Node b : branches) named.put(b.name(), b);
        registerImplicitNodes(named);
    }

    /** The branches, in output order. */
    public static Concat of(Node... branches) { return new Concat(List.of(branches)); }

    @Override public int inFeatures() { return in; }
    @Override public int outFeatures() { return out; }

    @Override public Tensor forward(Tensor ff, Tensor fb) {
        if (fb != null) throw new IllegalArgumentException(label() + ": branches take no feedback");
        checkStep(ff, in, "input");
        Tensor[] outs = new Tensor[branches.size()];
        for (int i = 0; i < outs.length; i++) outs[i] = branches.get(i).forward(ff, null);
        if (outs.length == 1) return outs[0];
        org.braindyn.tensor.DType t = outs[0].dtype();
        for (Tensor o : outs) t = org.braindyn.tensor.DType.promote(t, o.dtype());
        for (int i = 0; i < outs.length; i++) outs[i] = outs[i].astype(t);
        return concatenate(1, outs);
    }

    @Override public void resetState(int batchSize) { for (Node b : branches) b.resetState(batchSize); }
}
