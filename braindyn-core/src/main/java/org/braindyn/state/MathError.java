package org.braindyn.state;

/**
 * A state was given a value it cannot hold (BrainPy's {@code MathError}): the message names the variable, what
 * was found, what was expected and how to fix it.
 */
public class MathError extends IllegalArgumentException {
    public MathError(String message) { super(message); }
}
