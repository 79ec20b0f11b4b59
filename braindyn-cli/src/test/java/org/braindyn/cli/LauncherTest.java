package org.braindyn.cli;

import static org.junit.jupiter.api.Assertions.*;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's commands: the Maven wrapper finds a JDK 25 by itself, and {@code braindyn script} runs a user's file. */
class LauncherTest {
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** A fake JDK 17 (its {@code java -version} says 17) put first on PATH and in JAVA_HOME, as on a machine whose default java is older. */
    private static Path fakeOldJdk(Path dir) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("old-jdk/bin"));
        for (String tool : List.of("java", "javac")) {
            Path f = bin.resolve(tool);
            Files.writeString(f, "#!/bin/sh\necho 'openjdk version \"17.0.15\" 2025-04-15' >&2\nexit 1\n");
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
        return bin.getParent();
    }

    private static String run(List<String> cmd, Map<String, String> env, Path dir) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + cmd);
        return "exit " + p.exitValue() + "\n" + out;
    }

    @Test
    void theMavenWrapperFindsAJdk25WhenTheDefaultJavaIsOlder(@TempDir Path dir) throws Exception {
        Path here = Path.of(System.getProperty("java.home"));
        assumeTrue(here.startsWith("/usr/lib/jvm") || here.toString().startsWith("/Library/Java/JavaVirtualMachines"),
                "the JDK 25 running this test is not in a usual JDK folder, where the wrapper looks: " + here);
        Path old = fakeOldJdk(dir);
        String out = run(List.of("sh", ROOT.resolve("mvnw").toString(), "--version"),
                Map.of("JAVA_HOME", old.toString(), "PATH", old.resolve("bin") + ":" + System.getenv("PATH")), ROOT);
        assertTrue(out.startsWith("exit 0") && out.contains("Java version: 25"), out);
    }

    @Test
    void theLaunchersCompilerDirectiveKeepsTheScalarTwinsOutOfC2(@TempDir Path dir) throws Exception {
        // a 4,000-neuron population run compiled: its SIMD kernel's scalar twin runs hot during the warm-up
        Path file = dir.resolve("Population.java");
        Files.writeString(file, """
                import java.util.List;
                import org.braindyn.dyn.DSRunner;
                import org.braindyn.dyn.neurons.Lif;
                public class Population {
                    public static void main(String[] a) {
                        Lif p = Lif.builder(4000).name("P").vRest(-65).vReset(-65).vTh(-50).tau(10).r(1).tauRef(2).build();
                        new DSRunner(p, List.of(), 0.1).input("input", 20.0).jit(true).run(300);
                        System.out.println("done");
                    }
                }
                """);
        List<String> cmd = new java.util.ArrayList<>(ScriptCommand.command(file, List.of()));
        String launcher = Files.readString(ROOT.resolve("braindyn"));
        assertTrue(launcher.contains("scripts/c2-directives.json"), "the launcher passes the directive file");
        cmd.addAll(1, List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:CompilerDirectivesFile=" + ROOT.resolve("scripts/c2-directives.json"),
                "-XX:+DisplayVMOutputToStderr", "-XX:CompileCommand=CompileThresholdScaling,org.braindyn.jit.ScalarTwin*::run,0.01",
                "-XX:+PrintCompilation"));
        String out = run(cmd, Map.of(), ROOT);
        assertTrue(out.startsWith("exit 0") && out.contains("done"), out);
        // HotSpot took every entry of the file (a pattern it cannot parse drops the file with a message instead)
        long entries = Files.readString(ROOT.resolve("scripts/c2-directives.json")).lines().filter(l -> l.contains("match:")).count();
        assertTrue(out.contains(entries + " compiler directives added"), entries + " entries; " + out.lines().filter(l -> l.contains("irective")).toList());
        List<String> twin = out.lines().filter(l -> l.contains("org.braindyn.jit.ScalarTwin")).toList();
        assertFalse(twin.isEmpty(), "the scalar twin was compiled at all: " + out.lines().filter(l -> l.contains("braindyn.jit")).toList());
        // PrintCompilation's third column is the tier: 4 is C2
        assertTrue(twin.stream().noneMatch(l -> l.matches("\\s*\\d+\\s+\\d+\\s+[%sbn! ]*4\\s+org\\.braindyn\\.jit\\.ScalarTwin.*")), String.join("\n", twin));
    }

    @Test
    void scriptRunsTheCommittedSingleFileExample() throws Exception {
        Path file = ROOT.resolve("examples/OneNeuron.java");
        String out = run(ScriptCommand.command(file, List.of("25")), Map.of(), ROOT);
        assertTrue(out.startsWith("exit 0"), out);
        var m = java.util.regex.Pattern.compile("(\\d+) spikes in 1000 ms").matcher(out);
        assertTrue(m.find(), out);
        assertEquals(89, Integer.parseInt(m.group(1)), 1, "1000 ms / closed-form ISI 11.16 ms: " + out);
    }

    @Test
    void scriptsShareTheLaunchersMemoryAndCompilerFlagsButNotItsRecording() {
        List<String> parent = List.of("--add-modules", "jdk.incubator.vector", "-XX:+UseParallelGC", "-Xmn32m", "-Xss8m",
                "-XX:CompileCommand=quiet", ScriptCommand.KERNEL_COMPILE, "-XX:StartFlightRecording=filename=a.jfr",
                "-Djava.awt.headless=true", "-Dbraindyn.home=/opt/braindyn", "-javaagent:x.jar");
        assertEquals(List.of("-XX:+UseParallelGC", "-Xmn32m", "-Dbraindyn.home=/opt/braindyn"), ScriptCommand.inheritedFlags(parent));
    }

    @Test
    void scriptRefusesAMissingFileOrANonJavaFile(@TempDir Path dir) throws Exception {
        var cli = new picocli.CommandLine(new Main());
        cli.getSubcommands().get("script").setStopAtPositional(true);
        assertEquals(2, cli.execute("script", dir.resolve("Missing.java").toString()));
        Path txt = Files.writeString(dir.resolve("model.txt"), "x");
        assertEquals(2, cli.execute("script", txt.toString()));
    }
}
