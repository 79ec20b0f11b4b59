package org.braindyn.integrators;

import org.braindyn.tensor.Tensor;

/** Anything that advances state variables by a fixed step: ODE and SDE integrators. */
public interface Stepper {
    /** The state one step later. */
    Tensor[] step(Tensor[] vars, double t, Tensor... params);

    /** The step in ms. */
    double dt();
}
