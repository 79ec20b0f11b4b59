package org.braindyn.state;

/** Two live modules were given the same explicit name (BrainPy's {@code UniqueNameError}). */
public class UniqueNameError extends IllegalArgumentException {
    public UniqueNameError(String message) { super(message); }
}
