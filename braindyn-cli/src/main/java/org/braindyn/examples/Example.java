package org.braindyn.examples;

import java.io.PrintStream;
import java.nio.file.Path;

/** A runnable example: {@code ./braindyn run NAME}. Writes its files under {@code out}. */
public interface Example {
    /** Short name used on the command line. */
    String name();

    /** One line saying what it shows. */
    String description();

    /** Runs it, printing what it did to {@code log}. */
    void run(PrintStream log, Path out) throws Exception;
}
