package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.Tensor;

/**
 * A channel that depends on the intracellular calcium of a {@link Calcium} ion (BrainPy's {@code CalciumChannel}
 * and the calcium-dependent channels): its gates may depend on the concentration {@code C} (mM), and its current on
 * the calcium reversal potential {@code E_Ca} (mV) that the ion computes. Channels whose current is carried by calcium
 * ions ({@link #carriesCalcium()}) feed the ion's concentration; the calcium-activated ones (a potassium or cation
 * current) do not.
 */
public abstract class CalciumChannel {
    private final String name;

    protected CalciumChannel(String name) { this.name = Channel.checkName("CalciumChannel", name); }

    /** The channel's name in its ion (prefixes its gates). */
    public final String name() { return name; }

    /** The gating variables' names. */
    public abstract List<String> gates();

    /** Resolves and validates the parameters for {@code size} neurons of {@code owner}. */
    public abstract void bind(String owner, int size);

    /** Whether the current is a calcium current (true: it changes the concentration). */
    public boolean carriesCalcium() { return true; }

    /** The gates' steady state at potential {@code v} and concentration {@code c}. */
    public abstract Tensor[] steadyState(Tensor v, Tensor c);

    /** The gates' time derivatives. */
    public abstract Tensor[] derivative(Tensor v, Tensor c, Tensor[] gates);

    /** The current, µA/cm² (positive depolarises), at potential {@code v}, concentration {@code c}, calcium reversal {@code eCa}. */
    public abstract Tensor current(Tensor v, Tensor c, Tensor eCa, Tensor[] gates);

    @Override public String toString() { return getClass().getSimpleName() + " '" + name + "'"; }
}
