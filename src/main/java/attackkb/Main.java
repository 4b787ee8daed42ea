package attackkb;

import attackkb.cli.IndexCommand;
import attackkb.cli.SearchCommand;
import attackkb.cli.ServeCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code attack-kb} command: wires the subcommands and turns bad input into one line and an exit code. */
@Command(
        name = "attack-kb",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Search engine and knowledge base for MITRE ATT&CK.",
        subcommands = {IndexCommand.class, SearchCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit code for bad input (a source, an index folder, an option value). */
    public static final int EXIT_BAD_INPUT = 2;
    /** Exit code for a failure that is not the user's doing. */
    public static final int EXIT_INTERNAL = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    public static void main(String[] args) {
        // Jetty's start-up chatter is noise for a CLI; our own lines and real warnings still show.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.attackkb", "info");
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    if (e instanceof BadInputException) {
                        cmd.getErr().println("attack-kb: " + e.getMessage());
                        return EXIT_BAD_INPUT;
                    }
                    cmd.getErr().println("attack-kb: internal error: " + e);
                    if (System.getenv("ATTACK_KB_DEBUG") != null) e.printStackTrace(cmd.getErr());
                    return EXIT_INTERNAL;
                });
        // picocli already answers an invalid option with its message, the usage and exit code 2 (EXIT_BAD_INPUT).
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"attack-kb " + (version == null ? "dev" : version)};
        }
    }
}
