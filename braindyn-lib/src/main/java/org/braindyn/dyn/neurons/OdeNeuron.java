package org.braindyn.dyn.neurons;

import java.util.function.Supplier;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.integrators.Derivative;
import org.braindyn.surrogate.Surrogate;
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

    /** The right-hand side; {@code p[0]} is the total input current. */
    abstract Derivative derivative();

    /** One integration step of the state {@code y} with input current {@code current}. */
    final Tensor[] integrate(Tensor[] y, Tensor current) { return integrator.step(y, current); }

    /** The integration method's BrainPy name. */
    public final String method() { return integrator.method(); }
}
