package org.braindyn.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code braindyn} command. {@code ./braindyn --help} lists the subcommands:
 * {@code demo} (the main job), {@code run} (examples), {@code bench} (quick measurements) and {@code check} (self-tests) and {@code script} (a user's single-file model).
 */
@Command(name = "braindyn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Brain dynamics programming on the JVM: simulate, train and analyse neural networks.",
        subcommands = {DemoCommand.class, RunCommand.class, BenchCommand.class, CheckCommand.class, ScriptCommand.class, NeuronCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Version text. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override public String[] getVersion() {
            return new String[] {"BrainDyn 0.1.0-SNAPSHOT", "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")"};
        }
    }

    @Override public void run() { new CommandLine(this).usage(System.out); }

    /** Entry point. */
    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.getSubcommands().get("script").setStopAtPositional(true).setUnmatchedOptionsArePositionalParams(true);   // the program's own options pass through
        int code = cli.execute(args);
        System.exit(code);
    }
}
