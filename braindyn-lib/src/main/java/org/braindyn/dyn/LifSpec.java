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

    /** The rule each parameter obeys, with its unit, for validation and for the constraints put on {@code Variable} parameters. */
    enum Rule {
        POTENTIAL("mV", "a finite potential in mV for every neuron") { boolean holds(Tensor t) { return BM.all(BM.isfinite(t)).getBool(); } },
        POSITIVE("ms", "> 0 for every neuron") { boolean holds(Tensor t) { return BM.all(BM.logicalAnd(t.gt(0), BM.isfinite(t))).getBool(); } },
        RESISTANCE("MΩ", "> 0 for every neuron") { boolean holds(Tensor t) { return BM.all(BM.logicalAnd(t.gt(0), BM.isfinite(t))).getBool(); } },
        NON_NEGATIVE("ms", ">= 0 for every neuron") { boolean holds(Tensor t) { return BM.all(BM.logicalAnd(t.ge(0), BM.isfinite(t))).getBool(); } };

        final String unit, expected;

        Rule(String unit, String expected) { this.unit = unit; this.expected = expected; }

        abstract boolean holds(Tensor t);
    }

    /**
     * A parameter resolved for {@code size} neurons: a constant (checked now), or a view of a Variable (checked now and
     * constrained, so that a later {@code set} to an invalid value fails naming the model and parameter).
     */
    static Supplier<Tensor> resolve(String model, String name, Object spec, int size, Rule rule) {
        String owner = model + "." + name;
        if (spec instanceof Variable v) {
            v.constrain(new Variable.Constraint(owner, rule.expected + " (" + rule.unit + ")", rule::holds));
            return v::value;
        }
        Tensor t = Params.init(spec, size);
        if (t == null) throw new IllegalArgumentException(owner + ": a value is required (" + rule.unit + ")");
        if (!rule.holds(t)) throw new IllegalArgumentException(owner + ": must be " + rule.expected + " (" + rule.unit + "); got "
                + (t.size() == 1 ? String.valueOf(t.reshape(-1).getDouble(0)) : "min " + BM.min(t).item() + ", max " + BM.max(t).item()));
        return () -> t;
    }

    /** Checks {@code vTh > vReset} elementwise, naming the model. */
    static void validate(String model, Tensor vTh, Tensor vReset) {
        if (!BM.all(vTh.gt(vReset)).getBool())
            throw new IllegalArgumentException(model + ".vTh [V_th] must exceed vReset [V_reset] for every neuron; got V_th " + BM.min(vTh).item()
                    + " mV (min), V_reset " + BM.max(vReset).item() + " mV (max)");
    }
}
