package org.braindyn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braindyn.examples.Example;
import org.braindyn.examples.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ./braindyn run NAME}: one example; {@code --list} shows them all. */
@Command(name = "run", mixinStandardHelpOptions = true, description = "Run one example (see --list).")
final class RunCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "EXAMPLE", description = "Example name.")
    String name;

    @Option(names = "--list", description = "List the examples.")
    boolean list;

    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out")
    Path out;

    @Override public Integer call() throws Exception {
        if (list || name == null) {
            System.out.println("Examples (./braindyn run NAME):");
            for (Example e : Examples.all()) System.out.printf("  %-14s %s%n", e.name(), e.description());
            return name == null && !list ? 2 : 0;
        }
        var e = Examples.find(name);
        if (e.isEmpty()) {
            System.err.println("braindyn run: unknown example '" + name + "'; known: "
                    + String.join(", ", Examples.all().stream().map(Example::name).toList()));
            return 2;
        }
        e.get().run(System.out, out.resolve(e.get().name()));
        return 0;
    }
}
