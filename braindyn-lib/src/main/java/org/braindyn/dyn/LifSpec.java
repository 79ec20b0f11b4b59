package org.braindyn.dyn;

import java.util.function.Supplier;
import org.braindyn.init.Params;
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

    /** A parameter resolved for {@code size} neurons: a constant, or a view of a Variable. */
    static Supplier<Tensor> resolve(String name, Object spec, int size) {
        if (spec instanceof Variable v) return v::value;
        Tensor t = Params.init(spec, size);
        if (t == null) throw new IllegalArgumentException("Lif." + name + ": a value is required");
        return () -> t;
    }

    /** Checks {@code tau > 0}, {@code vTh > vReset} and {@code tauRef >= 0} elementwise, naming the parameter. */
    static void validate(Tensor tau, Tensor vTh, Tensor vReset, Tensor tauRef) {
        if (!BM.all(tau.gt(0)).getBool()) throw new IllegalArgumentException("Lif.tau [tau]: must be > 0 ms for every neuron, got min " + BM.min(tau).item());
        if (!BM.all(vTh.gt(vReset)).getBool()) throw new IllegalArgumentException("Lif.vTh [V_th] must exceed vReset [V_reset] for every neuron");
        if (!BM.all(tauRef.ge(0)).getBool()) throw new IllegalArgumentException("Lif.tauRef [tau_ref]: must be >= 0 ms for every neuron");
    }
}
