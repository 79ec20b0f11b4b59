package org.braindyn.dyn;

import java.util.function.Supplier;
import org.braindyn.init.Params;
import org.braindyn.state.Variable;
import org.braindyn.tensor.BM;
import org.braindyn.tensor.Tensor;

/**
 * How a model parameter given by the user becomes per-neuron values, the same way for every model: a number, a
 * per-neuron tensor, an {@code Initializer}, a function of the shape, or a {@link Variable} (read at every step, so
 * changing it changes the dynamics; it is constrained so that it cannot be set to an invalid value later). Values
 * are checked once, with the model, parameter, unit, expected and found in the message.
 */
public final class ParamSpec {
    private ParamSpec() {}

    /** What a parameter must satisfy. */
    public enum Rule {
        /** Any finite value (potentials, currents, rate constants that may be negative). */
        FINITE("finite"),
        /** {@code > 0} (time constants, capacitances, resistances). */
        POSITIVE("> 0"),
        /** {@code >= 0} (refractory periods, conductances). */
        NON_NEGATIVE(">= 0");

        final String expected;

        Rule(String expected) { this.expected = expected; }

        boolean holds(Tensor t) {
            Tensor finite = BM.isfinite(t);
            return switch (this) {
                case FINITE -> BM.all(finite).getBool();
                case POSITIVE -> BM.all(BM.logicalAnd(t.gt(0), finite)).getBool();
                case NON_NEGATIVE -> BM.all(BM.logicalAnd(t.ge(0), finite)).getBool();
            };
        }
    }

    /**
     * The values of parameter {@code name} of {@code model} for {@code size} neurons.
     *
     * @param model e.g. {@code "Izhikevich 'E'"}
     * @param unit  e.g. {@code "mV"} (for messages)
     * @throws IllegalArgumentException when the value breaks {@code rule} or has the wrong size
     */
    public static Supplier<Tensor> resolve(String model, String name, String unit, Object spec, int size, Rule rule) {
        String owner = model + "." + name;
        String expected = rule.expected + (unit.isEmpty() ? "" : " " + unit) + " for every neuron";
        if (spec instanceof Variable v) {
            v.constrain(new Variable.Constraint(owner, expected, rule::holds));
            return v::value;
        }
        if (spec instanceof Tensor given && given.size() != 1 && given.size() != size)
            throw new IllegalArgumentException(owner + ": " + given.size() + " values for " + size + " neurons; expected one or " + size);
        Tensor t;
        try {
            t = Params.init(spec, size);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(owner + ": " + e.getMessage() + "; expected a number, " + size + " values, an initializer, a function of the shape or a Variable", e);
        }
        if (t == null) throw new IllegalArgumentException(owner + ": a value is required (" + unit + ")");
        if (t.size() != 1 && t.size() != size)
            throw new IllegalArgumentException(owner + ": " + t.size() + " values for " + size + " neurons; expected one or " + size);
        if (!rule.holds(t))
            throw new IllegalArgumentException(owner + ": must be " + expected + "; got "
                    + (t.size() == 1 ? String.valueOf(t.reshape(-1).getDouble(0)) : "min " + BM.min(t).item() + ", max " + BM.max(t).item()));
        return () -> t;
    }

    /**
     * The value of a parameter given as one fixed value ({@code spec} not a {@link Variable}), so that a model can use
     * it as a Java constant; NaN for per-neuron values or a {@code Variable}.
     */
    public static double constantValue(Object spec, Supplier<Tensor> resolved) {
        if (spec instanceof Variable) return Double.NaN;
        Tensor t = resolved.get();
        return t.size() == 1 ? t.reshape(-1).getDouble(0) : Double.NaN;
    }
}
