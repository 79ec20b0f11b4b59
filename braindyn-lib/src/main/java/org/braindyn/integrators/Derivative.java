package org.braindyn.integrators;

import org.braindyn.tensor.Tensor;

/**
 * The right-hand side of {@code dy/dt = f(y, t, p)} with BrainPy's argument convention: the state variables first
 * (each a tensor: a scalar, a population array or any shape), then the time {@code t} in ms, then the parameters.
 * Returns one derivative per state variable, in the same order and shapes.
 * <pre>{@code
 * Derivative fhn = (y, t, p) -> new Tensor[] {
 *         y[0].sub(y[0].pow(3).div(3)).sub(y[1]).add(p[0]),               // dV/dt = V − V³/3 − w + I
 *         y[0].add(0.7).sub(y[1].mul(0.8)).div(12.5) };                     // dw/dt = (V + a − b·w)/τ
 * }</pre>
 */
@FunctionalInterface
public interface Derivative {
    /** Derivatives of {@code vars} at time {@code t} with parameters {@code params}. */
    Tensor[] apply(Tensor[] vars, double t, Tensor[] params);
}
