package org.braindyn.integrators;

import java.util.function.DoubleFunction;
import org.braindyn.tensor.Tensor;

/**
 * A {@link TimeDelay} of a derivative, for neutral delay equations (BrainPy's {@code bm.NeuTimeDelay}): pass it to
 * {@link DelayedOde#neutralDelay}, which stores {@code f(y_{n+1})} after each step.
 */
public final class NeuTimeDelay extends TimeDelay {
    /** See {@link TimeDelay#TimeDelay(Tensor, double, double, double, DoubleFunction, Interp)}. */
    public NeuTimeDelay(Tensor target, double delayLen, double dt, double t0, DoubleFunction<Tensor> beforeT0, Interp interp) {
        super(target, delayLen, dt, t0, beforeT0, interp);
    }
}
