package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** A runnable example: {@code ./braindyn run NAME}. Writes its files under {@code out}. */
public interface Example {
    /** Short name used on the command line. */
    String name();

    /** One line saying what it shows. */
    String description();

    /** Runs it with its defaults, printing what it did to {@code log}. */
    default void run(PrintStream log, Path out) throws Exception { run(log, out, RunOptions.NONE); }

    /** Runs it with these options (only those named by {@link #options()} are ever set), printing to {@code log}. */
    void run(PrintStream log, Path out, RunOptions options) throws Exception;

    /** The long names of the {@code run} options this example takes (e.g. {@code "--neurons"}); others are refused. */
    default Set<String> options() { return Set.of(); }
}
