package org.braindyn.dyn.neurons;

import java.util.function.Supplier;
import org.braindyn.dyn.ParamSpec;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * Heterogeneous parameters of {@link Lif}: each may be a number, a per-neuron tensor, an initializer, a function of
 * the shape, or a {@code Variable} (read at every step, so changing it between runs changes the dynamics, as BrainPy's
 * {@code hh.gNa[:] = 100.}). Units as {@link LifParams}.
 * <pre>{@code
 * new Lif("E", 100, new LifSpec(0.0, -5.0, 20.0, new Uniform(5, 15), 1.0, 2.0), Lif.Reset.HARD, null, null);
 * }</pre>
 */
public record LifSpec(Object vRest, Object vReset, Object vTh, Object tau, Object r, Object tauRef) {
    /** The homogeneous parameters as a specification. */
    public static LifSpec of(LifParams p) { return new LifSpec(p.vRest(), p.vReset(), p.vTh(), p.tau(), p.r(), p.tauRef()); }

    /** A parameter resolved for {@code size} neurons through {@link ParamSpec} (one validation path for every model). */
    static Supplier<Tensor> resolve(String model, String name, String unit, Object spec, int size, ParamSpec.Rule rule) {
        return ParamSpec.resolve(model, name, unit, spec, size, rule);
    }

    /** Checks {@code vTh > vReset} elementwise, naming the model. */
    static void validate(String model, Tensor vTh, Tensor vReset) {
        if (!BM.all(vTh.gt(vReset)).getBool())
            throw new IllegalArgumentException(model + ".vTh [V_th] must exceed vReset [V_reset] for every neuron; got V_th " + BM.min(vTh).item()
                    + " mV (min), V_reset " + BM.max(vReset).item() + " mV (max)");
    }
}
