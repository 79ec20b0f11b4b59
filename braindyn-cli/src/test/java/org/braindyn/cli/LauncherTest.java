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
