package org.braindyn.dyn.neurons;

import java.util.List;
import org.braindyn.analysis.VectorField;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.state.Variable;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Config;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Shape;
import org.braindyn.tensor.Tensor;

/**
 * Neurons whose spikes are upward crossings of a threshold by a smooth trajectory, without reset (FitzHugh–Nagumo,
 * Hindmarsh–Rose): the state variables are integrated by the chosen method; a spike is emitted in the step where the
 * first variable rises through {@code V_th}.
 */
abstract class CrossingNeuron extends OdeNeuron implements org.braindyn.analysis.Analyzable {
    /** The state variables, the membrane variable first. */
    final Variable[] vars;
    /** Spikes of the last step (bool, or float with a surrogate). */
    public final Variable spike;
    private final Object[] inits;
    private final java.util.function.Supplier<Tensor> vTh;
    private final List<String> names;

    CrossingNeuron(String name, int size, String method, Surrogate spkFun, Object vThSpec, List<String> names, Object... inits) {
        super(name, size, method, spkFun);
        this.names = names;
        this.inits = inits.clone();
        vTh = param("vTh", "", vThSpec, ParamSpec.Rule.FINITE);
        vars = new Variable[inits.length];
        for (int i = 0; i < inits.length; i++) vars[i] = state(initial(i));
        registerImplicitVars(implicit());
        spike = state(BM.zeros(Shape.of(stateShape()), spkFun == null ? DType.BOOL : Config.defaultFloat()));
    }

    private java.util.Map<String, Variable> implicit() {
        java.util.Map<String, Variable> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < vars.length; i++) m.put(names.get(i), vars[i]);
        return m;
    }

    private Tensor initial(int i) { return initial(inits[i], names.get(i) + "Init"); }

    @Override public final Tensor update(Tensor... inputs) {
        Tensor v = vars[0].value(), current = totalInput(v, inputs.length > 0 ? inputs[0] : null);
        Tensor[] y = new Tensor[vars.length];
        for (int i = 0; i < y.length; i++) y[i] = vars[i].value();
        Tensor[] next = integrate(y, current);
        next[0] = withJumps(next[0]);
        Tensor th = vTh.get();
        Tensor below = v.lt(th);
        Tensor sp = spkFun == null ? BM.logicalAnd(next[0].ge(th), below) : spkFun.apply(next[0].sub(th)).mul(below.astype(next[0].dtype()));
        for (int i = 0; i < vars.length; i++) vars[i].set(next[i].astype(vars[i].dtype()));
        spike.set(spkFun == null ? sp : sp.astype(spike.dtype()));
        input.fill(0);
        clearInputs();
        return spike.value();
    }

    /** A hook clearing further inputs after each update (e.g. a dendritic input); none by default. */
    void clearInputs() {}

    @Override public final Tensor spike() { return spike.value(); }

    /** The state variable {@code name} (e.g. {@code "V"}, {@code "w"}). */
    public final Variable variable(String name) {
        int i = names.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(label + ": no variable '" + name + "'; its variables are " + names);
        return vars[i];
    }

    @Override public final void resetState(int batchSize) {
        resizeBatch(batchSize);
        for (int i = 0; i < vars.length; i++) vars[i].set(initial(i));
        spike.set(BM.zeros(Shape.of(stateShape()), spike.dtype()));
    }

    /** The dynamics for the analysers: the state variables by name, parameter {@code I}; parameters must be homogeneous. */
    @Override public final VectorField vectorField() { return VectorField.of(homogeneousDerivative(), names, List.of("I")); }

    abstract org.braindyn.integrators.Derivative homogeneousDerivative();
}
