package org.braindyn.integrators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.braindyn.tensor.Tensor;

/**
 * An ODE or SDE integrator with delay buffers kept in step (BrainPy's {@code odeint(..., state_delays=…,
 * neutral_delays=…)}, {@code sdeint(..., state_delays=…)}): after every step, each state delay stores its variable's
 * new value and each neutral delay the variable's new derivative (the drift, for an SDE) (the drift, for an SDE). The derivative reads the delays through
 * the objects it closes over.
 * <pre>{@code
 * TimeDelay yd = new TimeDelay(BM.scalar(1.0), 1.0, 0.1, 0, t -> BM.scalar(1.0), TimeDelay.Interp.ROUND);
 * DelayedOde dde = new DelayedOde(Odeint.odeint((y, t, p) -> new Tensor[] {yd.at(t - 1).neg()}, Method.EULER, 0.1))
 *         .stateDelay(0, yd);
 * }</pre>
 */
public final class DelayedOde {
    private final Stepper integ;
    private final Map<Integer, TimeDelay> state = new LinkedHashMap<>(), neutral = new LinkedHashMap<>();

    /** Wraps {@code integ} (an {@link OdeIntegrator} or an {@link SdeIntegrator}). */
    public DelayedOde(Stepper integ) { this.integ = integ; }

    /** Keeps {@code delay} updated with variable {@code var} (its dt must equal the integrator's). */
    public DelayedOde stateDelay(int var, TimeDelay delay) { state.put(var, checked(delay)); return this; }

    /** Keeps {@code delay} updated with the derivative of variable {@code var}. */
    public DelayedOde neutralDelay(int var, TimeDelay delay) {
        if (!(integ instanceof OdeIntegrator) && !(integ instanceof SdeIntegrator))
            throw new IllegalArgumentException("DelayedOde: neutral delays need an ODE or SDE integrator (they store the derivative or drift); got " + integ.getClass().getSimpleName());
        neutral.put(var, checked(delay));
        return this;
    }

    private TimeDelay checked(TimeDelay d) {
        if (Math.abs(d.dt() - integ.dt()) > 1e-12)
            throw new IllegalArgumentException("DelayedOde: delay step " + d.dt() + " ms differs from the integrator step " + integ.dt() + " ms");
        return d;
    }

    /** One step, then the delay updates. */
    public Tensor[] step(Tensor[] vars, double t, Tensor... params) {
        Tensor[] next = integ.step(vars, t, params);
        for (var e : state.entrySet()) e.getValue().update(next[e.getKey()]);
        if (!neutral.isEmpty()) {
            Derivative f = integ instanceof OdeIntegrator o ? o.derivative() : ((SdeIntegrator) integ).drift();
            Tensor[] d = f.apply(next, t + integ.dt(), params);
            for (var e : neutral.entrySet()) e.getValue().update(d[e.getKey()]);
        }
        return next;
    }

    /** The wrapped integrator. */
    public Stepper integrator() { return integ; }
}
