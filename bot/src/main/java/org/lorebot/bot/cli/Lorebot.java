package org.lorebot.bot.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lorebot} command: one subcommand class per verb, as picocli intends. */
@Command(name = "lorebot",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Reviews Linux kernel patches on public-inbox mailing list archives.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Lorebot implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes every subcommand keeps: 0 ok, 1 findings (check), 2 usage or input error. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Lorebot());
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("lorebot: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_USAGE;
        });
        return cl;
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
