package org.braindyn.dyn.neurons;

import java.util.function.Supplier;
import org.braindyn.dyn.NeuronGroup;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.dyn.Shared;
import org.braindyn.integrators.Derivative;
import org.braindyn.integrators.OdeIntegrator;
import org.braindyn.integrators.Odeint;
import org.braindyn.surrogate.Surrogate;
import org.braindyn.tensor.Tensor;

/**
 * What the catalogue's ODE neurons share: named parameters resolved through {@link ParamSpec}, the integration
 * {@code method} (BrainPy's names, integrator built once per step size), an optional surrogate spike function.
 * Subclasses define the derivative, the threshold and the reset.
 */
abstract class OdeNeuron extends NeuronGroup {
    private final String method;
    private OdeIntegrator integrator;
    private double integratorDt = Double.NaN;
    final Surrogate spkFun;
    final String label;

    OdeNeuron(String name, int size, String method, Surrogate spkFun) {
        super(name, size);
        this.method = method;
        this.spkFun = spkFun;
        this.label = getClass().getSimpleName() + (name == null ? "" : " '" + name + "'");
        Odeint.odeint((y, t, p) -> y, method, 0.1);   // an unknown method fails here, naming the known ones
    }

    Supplier<Tensor> param(String pname, String unit, Object spec, ParamSpec.Rule rule) {
        return ParamSpec.resolve(label, pname, unit, spec, num(), rule);
    }

    /** The right-hand side; {@code p[0]} is the total input current. */
    abstract Derivative derivative();

    /** One integration step of the state {@code y} with input current {@code current}. */
    final Tensor[] integrate(Tensor[] y, Tensor current) {
        double dt = Shared.current().dt();
        if (dt != integratorDt) { integrator = Odeint.odeint(derivative(), method, dt); integratorDt = dt; }
        return integrator.step(y, 0.0, current);
    }

    /** The integration method's BrainPy name. */
    public final String method() { return method; }
}
