package org.braindyn.dyn.channels;

import java.util.List;
import org.braindyn.tensor.Tensor;

/**
 * An ion channel of a conductance-based neuron ({@link org.braindyn.dyn.neurons.CondNeuGroup}; BrainPy's
 * {@code IonChannel}): its gating variables, their dynamics at the membrane potential, and the current it passes,
 * {@code I = g(V, gates)·(E − V)} in µA/cm² (positive depolarises), with conductances in mS/cm², potentials in mV and
 * time in ms. A channel describes dynamics only: the group owns the gate states, integrates them together with V by
 * the chosen method, and calls {@link #bind} once with its size so that parameters are resolved and validated.
 */
public abstract class Channel {
    private final String name;

    /** @param name the channel's name in the group (prefixes its gate variables, e.g. {@code INa_m}) */
    protected Channel(String name) { this.name = checkName("Channel", name); }

    /** {@code name} if it can prefix variable names (non-blank, no '.'); else an error naming {@code kind}. */
    static String checkName(String kind, String name) {
        if (name == null || name.isBlank() || name.contains("."))
            throw new IllegalArgumentException(kind + ": name must be non-blank without '.'; got '" + name + "'");
        return name;
    }

    /** The channel's name in its group. */
    public final String name() { return name; }

    /** The gating variables' names (empty for a leak). */
    public abstract List<String> gates();

    /** Resolves and validates the parameters for {@code size} neurons of {@code owner} (for messages). */
    public abstract void bind(String owner, int size);

    /** The gates' steady state at potential {@code v} (the initial values). */
    public abstract Tensor[] steadyState(Tensor v);

    /** The gates' time derivatives at potential {@code v}. */
    public abstract Tensor[] derivative(Tensor v, Tensor[] gates);

    /** The channel current at potential {@code v}, µA/cm². */
    public abstract Tensor current(Tensor v, Tensor[] gates);

    @Override public String toString() { return getClass().getSimpleName() + " '" + name + "'"; }
}
