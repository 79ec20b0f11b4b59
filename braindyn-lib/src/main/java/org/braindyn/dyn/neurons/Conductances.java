package org.braindyn.dyn.neurons;

import java.util.List;
import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.tensor.Tensor;

/**
 * The parameters of a {@link ConductanceBuilder} resolved for one model (HH, Wang–Buzsáki, Pinsky–Rinzel): the
 * sodium, potassium and leak reversal potentials (mV) and maximal conductances (mS/cm²) and the capacitance (µF/cm²),
 * validated with the model's name.
 */
record Conductances(Supplier<Tensor> eNa, Supplier<Tensor> gNa, Supplier<Tensor> eK, Supplier<Tensor> gK, Supplier<Tensor> eL, Supplier<Tensor> gL,
                    Supplier<Tensor> c) {
    static Conductances of(OdeNeuron model, ConductanceBuilder<?> b) {
        return new Conductances(model.param("ENa", "mV", b.eNa, ParamSpec.Rule.FINITE), model.param("gNa", "mS/cm²", b.gNa, ParamSpec.Rule.NON_NEGATIVE),
                model.param("EK", "mV", b.eK, ParamSpec.Rule.FINITE), model.param("gK", "mS/cm²", b.gK, ParamSpec.Rule.NON_NEGATIVE),
                model.param("EL", "mV", b.eL, ParamSpec.Rule.FINITE), model.param("gL", "mS/cm²", b.gL, ParamSpec.Rule.NON_NEGATIVE),
                model.param("C", "µF/cm²", b.c, ParamSpec.Rule.POSITIVE));
    }

    /** The seven, for homogeneity checks. */
    List<Supplier<Tensor>> all() { return List.of(eNa, gNa, eK, gK, eL, gL, c); }
}
