package org.braindyn.dyn;

import org.braindyn.integrators.Derivative;
import org.braindyn.integrators.OdeIntegrator;
import org.braindyn.integrators.Odeint;
import org.braindyn.tensor.Tensor;

/**
 * A model's integrator by BrainPy method name, built once per step size: models call {@link #step} each update
 * with the current {@code Shared} step. An unknown method fails at construction, naming the known ones.
 */
public final class StepIntegrator {
    private final String method;
    private final java.util.function.Supplier<Derivative> derivative;
    private OdeIntegrator integrator;
    private double dt = Double.NaN;

    /** @param derivative supplies the model's right-hand side (asked once per step size) */
    public StepIntegrator(String method, java.util.function.Supplier<Derivative> derivative) {
        Odeint.odeint((y, t, p) -> y, method, 0.1);   // validates the name
        this.method = method;
        this.derivative = derivative;
    }

    /** One step of {@code y} with parameters {@code params} (autonomous: time 0). */
    public Tensor[] step(Tensor[] y, Tensor... params) {
        double now = Shared.current().dt();
        if (now != dt) { integrator = Odeint.odeint(derivative.get(), method, now); dt = now; }
        return integrator.step(y, 0.0, params);
    }

    /** The method's BrainPy name. */
    public String method() { return method; }
}
