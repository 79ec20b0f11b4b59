package org.braindyn.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.braindyn.examples.Example;
import org.braindyn.examples.Examples;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The main job: runs every example in turn and writes their files. */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Simulate a spiking network, draw random numbers, solve linear systems; write figures and arrays.")
final class DemoCommand implements Callable<Integer> {
    @Option(names = "--out", description = "Output folder (default: ${DEFAULT-VALUE}).", defaultValue = "out/demo")
    Path out;

    @Override public Integer call() throws Exception {
        long t0 = System.nanoTime();
        System.out.println("BrainDyn demo — outputs go to " + out.toAbsolutePath());
        for (Example e : Examples.demo()) {
            System.out.println();
            System.out.println("== " + e.name() + ": " + e.description());
            e.run(System.out, out);
        }
        System.out.printf("%nDemo finished in %.1f s.%n", (System.nanoTime() - t0) / 1e9);
        return 0;
    }
}
