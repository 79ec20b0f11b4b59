package org.braindyn.state;

import org.braindyn.tensor.Tensor;

/**
 * A {@link Variable} marking a model parameter that may be changed between runs without recompiling
 * (BrainPy {@code bm.Parameter}), e.g. a conductance {@code gNa} swept in a study. Retrieve them with
 * {@code module.vars().subset(Parameter.class)}.
 */
public class Parameter extends Variable {
    /** A parameter holding {@code init}. */
    public Parameter(Tensor init) { super(init); }

    /** A named parameter. */
    public Parameter(Tensor init, String name) { super(init, name); }
}
