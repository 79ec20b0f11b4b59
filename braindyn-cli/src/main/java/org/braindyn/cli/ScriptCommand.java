package org.braindyn.cli;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code ./braindyn script MyModel.java [ARGS …]}: runs a user's single-file program with the JDK's source launcher
 * (JEP 330), with BrainDyn on the class path and the JVM flags BrainDyn needs ({@code --add-modules
 * jdk.incubator.vector}, {@code --enable-native-access=ALL-UNNAMED}, headless figures). Arguments after the file go to
 * the program's {@code main}; the exit code is the program's. The program's JVM gets the memory, collector and
 * compiler flags this command's JVM was started with ({@code ./braindyn}'s defaults, or {@code BRAINDYN_JAVA_OPTS}),
 * so a script runs under the same settings as the examples.
 */
@Command(name = "script", mixinStandardHelpOptions = true,
        description = "Run your own single-file model (MyModel.java) with BrainDyn on the class path.")
final class ScriptCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE.java", description = "A Java source file with a main method.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments passed to the program.")
    List<String> args = new ArrayList<>();

    @Override public Integer call() throws Exception {
        if (!file.getFileName().toString().endsWith(".java")) {
            System.err.println("braindyn script: '" + file + "' is not a Java source file; expected a file ending in .java");
            return 2;
        }
        if (!Files.isRegularFile(file)) {
            System.err.println("braindyn script: file '" + file.toAbsolutePath() + "' does not exist; expected a .java file with a main method");
            return 2;
        }
        return new ProcessBuilder(command(file, args)).inheritIO().start().waitFor();
    }

    /** HotSpot compiles BrainDyn's generated kernels at 1% of its usual thresholds (as {@code ./braindyn} does): faster warm-up. */
    static final String KERNEL_COMPILE = "-XX:CompileCommand=CompileThresholdScaling,org.braindyn.jit.Kernel*::run,0.01";

    /** The source-launcher command line: this JVM's {@code java}, BrainDyn's flags and class path, the file, its arguments. */
    static List<String> command(Path file, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Djava.awt.headless=true", "-Xss8m", "-XX:CompileCommand=quiet", KERNEL_COMPILE));
        cmd.addAll(inheritedFlags(java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()));
        cmd.addAll(List.of("-cp", classPath()));
        cmd.add(file.toString());
        cmd.addAll(args);
        return cmd;
    }

    /**
     * The flags of {@code parent} (this JVM's command line) that a script's JVM should share: {@code -X…} and
     * {@code -XX:…} settings and {@code -D} properties, without the ones already set above, agents or a flight
     * recording (two JVMs writing one recording file would clash).
     */
    static List<String> inheritedFlags(List<String> parent) {
        List<String> out = new ArrayList<>();
        for (String a : parent) {
            boolean vmFlag = a.startsWith("-XX:") || a.startsWith("-X") && !a.startsWith("-Xss") || a.startsWith("-D") && !a.startsWith("-Djava.awt.headless");
            if (!vmFlag || a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:FlightRecorderOptions") || a.equals(KERNEL_COMPILE)
                    || a.equals("-XX:CompileCommand=quiet") || a.startsWith("-Xrun") || a.startsWith("-Xdebug")) continue;
            out.add(a);
        }
        return out;
    }

    /** The class path this command runs with (BrainDyn's jars and their dependencies). */
    private static String classPath() {
        String cp = System.getProperty("java.class.path", "");
        return cp.isEmpty() ? "." : cp.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator);
    }
}
