package org.braindyn.analysis;

/**
 * A model that can hand its dynamics to the analysers (BrainPy's analysers accept a {@code DynamicalSystem} and
 * find its integrators): the catalogue's neurons implement it, so {@code Setup.of(model)} analyses the model itself.
 * <pre>{@code
 * Izhikevich n = Izhikevich.builder(1).build();
 * Setup s = Setup.of(n).targetVar("V", -80, -40).targetVar("u", -20, 0).par("I", 0).build();
 * }</pre>
 */
public interface Analyzable {
    /** The model's dynamics with named variables and parameters (its own parameter values filled in). */
    VectorField vectorField();
}
