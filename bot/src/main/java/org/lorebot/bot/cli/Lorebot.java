package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.lorebot.bot.lock.DataDirectoryInUseException;
import org.lorebot.config.ConfigException;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code lorebot} command: one subcommand class per verb, as picocli intends. The verbs are
 * registered in code rather than in the annotation so that {@link #main} can build only the one
 * it runs: picocli reads every registered command's annotations up front, which is a good part of
 * a short command's start-up.
 */
@Command(name = "lorebot",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Reviews Linux kernel patches on public-inbox mailing list archives.")
public final class Lorebot implements Callable<Integer> {

    /** Every verb, in the order {@code lorebot --help} lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        SUBCOMMANDS.put("run", RunCommand.class);
        SUBCOMMANDS.put("ingest", IngestCommand.class);
        SUBCOMMANDS.put("fetch", FetchCommand.class);
        SUBCOMMANDS.put("search", SearchCommand.class);
        SUBCOMMANDS.put("thread", ThreadCommand.class);
        SUBCOMMANDS.put("serve", ServeCommand.class);
        SUBCOMMANDS.put("check", CheckCommand.class);
        SUBCOMMANDS.put("explain", ExplainCommand.class);
        SUBCOMMANDS.put("rules", RulesCommand.class);
        SUBCOMMANDS.put("digest", DigestCommand.class);
        SUBCOMMANDS.put("subscribers", SubscribersCommand.class);
        SUBCOMMANDS.put("solr", SolrCommand.class);
        SUBCOMMANDS.put("help", CommandLine.HelpCommand.class);
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Exit codes every subcommand keeps: 0 ok, 1 findings (check), 2 usage or input error. */
    public static final int EXIT_OK = 0;
    public static final int EXIT_FINDINGS = 1;
    public static final int EXIT_USAGE = 2;

    private static final String LOG_LEVEL = "org.slf4j.simpleLogger.defaultLogLevel";
    private static final String ZOOKEEPER_LOG_LEVEL = "org.slf4j.simpleLogger.log.org.apache.zookeeper";

    /** No command is a usage error (exit 2), as any other: say so, then how to use it. */
    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("lorebot: no command given");
        spec.commandLine().usage(err);
        return EXIT_USAGE;
    }

    public static CommandLine commandLine() {
        return commandLine(Clock.systemUTC());
    }

    /**
     * The command line with the clock {@code run} takes the time from: when mail is dated, when
     * the first run was, when a failed delivery is due again. Tests replay time with their own.
     */
    public static CommandLine commandLine(Clock clock) {
        return commandLine(clock, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for {@code args}: when they start with a verb (other than help), only that
     * verb's command is built; anything else gets them all, for the usage and its errors.
     */
    static CommandLine commandLine(String[] args) {
        if (args.length > 0 && SUBCOMMANDS.containsKey(args[0]) && !args[0].equals("help")) {
            return commandLine(Clock.systemUTC(), Set.of(args[0]));
        }
        return commandLine();
    }

    private static CommandLine commandLine(Clock clock, Set<String> verbs) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == RunCommand.class ? type.cast(new RunCommand(clock)) : defaults.create(type);
            }
        };
        CommandLine cl = new CommandLine(new Lorebot(), factory);
        for (Map.Entry<String, Class<?>> verb : SUBCOMMANDS.entrySet()) {
            if (verbs.contains(verb.getKey())) {
                cl.addSubcommand(verb.getKey(), new CommandLine(verb.getValue(), factory));
            }
        }
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cl.setExecutionExceptionHandler(Lorebot::failed);
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("lorebot: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return EXIT_USAGE;
        });
        return cl;
    }

    /**
     * A command that failed on bad input or a bad configuration says so in one line and exits 2;
     * anything else is a bug and keeps its stack trace.
     */
    private static int failed(Exception ex, CommandLine cmd, CommandLine.ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        if (ex instanceof InputException || ex instanceof ConfigException
                || ex instanceof DataDirectoryInUseException) {
            err.println("lorebot: " + ex.getMessage());
        } else if (ex instanceof IOException) {
            err.println("lorebot: " + cmd.getCommandName() + ": " + ex.getMessage());
        } else {
            err.println("lorebot: " + cmd.getCommandName() + " failed unexpectedly:");
            ex.printStackTrace(err);
        }
        err.flush();
        return EXIT_USAGE;
    }

    public static void main(String[] args) {
        // The commands print their own summaries; library INFO logging would repeat them.
        // -Dorg.slf4j.simpleLogger.defaultLogLevel=info brings it back.
        if (System.getProperty(LOG_LEVEL) == null) {
            System.setProperty(LOG_LEVEL, "warn");
        }
        // ZooKeeper's client (index.solr-zk) logs each failed reconnect with a stack trace;
        // lorebot says in one line when the cluster cannot be reached.
        if (System.getProperty(ZOOKEEPER_LOG_LEVEL) == null) {
            System.setProperty(ZOOKEEPER_LOG_LEVEL, "off");
        }
        CommandLine cl = commandLine(args);
        // Mail is Unicode: print it as UTF-8 whatever the JVM's default encoding is.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        System.exit(cl.execute(args));
    }
}
