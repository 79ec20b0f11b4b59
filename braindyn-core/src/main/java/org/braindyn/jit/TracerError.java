package org.braindyn.jit;

/**
 * Thrown when traced code does something a compiled function cannot: read a traced value as a Java number
 * (branching on it), or leak a traced value out of its compilation. The message names the value, the line
 * that produced it, and what to use instead.
 */
public class TracerError extends RuntimeException {
    /** An error with a full explanation. */
    public TracerError(String message) { super(message); }
}
