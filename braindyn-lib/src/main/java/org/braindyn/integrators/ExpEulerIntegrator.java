package org.braindyn.integrators;

import org.braindyn.autodiff.Autodiff;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Exponential Euler with automatic linearisation (BrainPy's {@code exp_auto}, alias {@code exp_euler}): for each
 * state variable {@code y}, the elementwise linear coefficient {@code A = ∂f/∂y} is found by autodiff at the current
 * state, and {@code y' = y + dt·φ(A·dt)·f(y)} with {@code φ(z) = (e^z − 1)/z}. Exact (to rounding) for linear
 * equations {@code dy/dt = A·y + b}; far more stable than Euler on stiff gating variables (Hodgkin–Huxley). Each
 * variable uses the other variables' values from the start of the step.
 */
final class ExpEulerIntegrator extends OdeIntegrator {
    ExpEulerIntegrator(Derivative f, double dt, String label) { super(f, null, dt, label); }

    @Override public Tensor[] step(Tensor[] vars, double t, Tensor... params) {
        Tensor[] next = new Tensor[vars.length];
        for (int v = 0; v < vars.length; v++) {
            int idx = v;
            Autodiff.Result r = Autodiff.vectorGrad(a -> {
                Tensor[] ys = vars.clone();
                ys[idx] = a[0];
                return check(derivative().apply(ys, t, params), vars)[idx].add(BM.zerosLike(a[0]));
            }).returnValue(true).apply(floating(vars[v]));
            Tensor fv = r.value(), a = r.grad();
            Tensor z = a.mul(dt());
            Tensor phi = BM.where(BM.abs(z).lt(1e-12), BM.onesLike(z), BM.expm1(z).div(z));
            next[v] = vars[v].add(phi.mul(fv).mul(dt())).astype(floating(vars[v]).dtype());
        }
        return next;
    }

    private static Tensor floating(Tensor t) { return t.dtype().isFloating() ? t : t.astype(org.braindyn.tensor.Config.defaultFloat()); }

    @Override public String describe() {
        return methodName() + " (order 1, exponential)\n  A = ∂f/∂y (autodiff, elementwise)\n  y_next = y + dt·(exp(A·dt) − 1)/(A·dt)·f(y, t)\n";
    }
}
