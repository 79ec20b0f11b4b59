package org.braindyn.dyn.neurons;

import java.util.function.Supplier;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.DType;
import org.braindyn.tensor.Tensor;

/**
 * What the catalogue's ODE neurons share: named parameters resolved through {@link ParamSpec}, the integration
 * {@code method} (BrainPy's names, integrator built once per step size), an optional surrogate spike function.
 * Subclasses define the derivative, the threshold and the reset.
 */
abstract class OdeNeuron extends NeuronGroup {
    private final org.braindyn.dyn.StepIntegrator integrator;
    final Surrogate spkFun;
    final String label;

    OdeNeuron(String name, int size, String method, Surrogate spkFun) {
        super(name, size);
        this.integrator = new org.braindyn.dyn.StepIntegrator(method, this::derivative);
        this.spkFun = spkFun;
        this.label = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
    }

    Supplier<Tensor> param(String pname, String unit, Object spec, ParamSpec.Rule rule) {
        return ParamSpec.resolve(label, pname, unit, spec, num(), rule);
    }

    /** A state's initial value from a {@link ParamSpec} form ({@code what}: e.g. {@code "vInit"}), broadcast to the state shape. */
    final Tensor initial(Object spec, String what) {
        Tensor t = ParamSpec.resolve(label, what, "", spec, num(), ParamSpec.Rule.FINITE).get();
        return BM.broadcastTo(t.astype(org.braindyn.tensor.Config.defaultFloat()), stateShape()).contiguous();
    }

    /** The value of a parameter that must be the same for every neuron (for {@code vectorField()}). */
    final double homogeneous(Supplier<Tensor> p, String pname) {
        Tensor t = p.get();
        if (BM.max(t).item() != BM.min(t).item())
            throw new IllegalStateException(label + ".vectorField: parameter " + pname + " differs between neurons; analyse one value at a time");
        return t.reshape(-1).getDouble(0);
    }

    /** {@link #homogeneous} as a float64 scalar tensor, for vector fields evaluated on the analysers' grids. */
    final Tensor fixed(Supplier<Tensor> p, String pname) { return BM.scalar(homogeneous(p, pname), DType.F64); }

    /** The right-hand side; {@code p[0]} is the total input current. */
    abstract Derivative derivative();

    /** One integration step of the state {@code y} with input current {@code current}. */
    final Tensor[] integrate(Tensor[] y, Tensor current) { return integrator.step(y, current); }

    /** The integration method's BrainPy name. */
    public final String method() { return integrator.method(); }
}
