package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Callable;

import org.lorebot.bot.digest.DigestServices;
import org.lorebot.bot.subscription.UnsubscribePages;
import org.lorebot.bot.web.ListenAddress;
import org.lorebot.bot.web.WebServer;
import org.lorebot.bot.lock.DataDirectoryLock;
import org.lorebot.config.LorebotConfig;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lorebot run}: the review bot. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Runs the review bot: every [review] poll-interval it fetches the configured inboxes that"
                + " have a url, ingests what is new, reviews the new patches of the lists in [review] lists"
                + " and delivers the replies ([delivery] mode: dry-run writes them to the outbox Maildir,"
                + " send also sends them by SMTP). SIGTERM or Ctrl-C stops it after the step under way."
                + " With [web] listen set it also serves the web archive.",
            "On the first run the archives' history is indexed and nothing in it is reviewed: only"
                + " mail dated from the first run on (or from [review] since) is.",
            "With no configuration at all it runs on the built-in sample (real list mail, dry-run,"
                + " data in ./lorebot-data): indexes the history, delivers a few real patches as new mail"
                + " and shows the review replies it wrote."
        })
public final class RunCommand implements Callable<Integer> {

    /** How long SIGTERM waits for the step under way before the JVM exits anyway. */
    static final Duration STOP_GRACE = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--once", description = "Do one pass and exit instead of running until stopped.")
    boolean once;

    private final Clock clock;

    public RunCommand() {
        this(Clock.systemUTC());
    }

    RunCommand(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.configFile() == null) {
            Path data = options.data != null ? options.data : Path.of("lorebot-data");
            String shown = options.data != null ? options.data.toString() : "./lorebot-data";
            try (DataDirectoryLock lock = DataDirectoryLock.acquire(data)) {
                return new SampleDemo(out, err).run(data, shown, clock);
            }
        }
        LorebotConfig config = options.load();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.core().data());
             ReviewService service = ReviewService.open(config, clock, System.getenv(), out, err)) {
            if (once) {
                return service.runOnce();
            }
            WebServer web = config.web().enabled() ? startWeb(config, service) : null;
            Thread hook = service.shutdownHook(STOP_GRACE);
            Runtime.getRuntime().addShutdownHook(hook);
            out.println("lorebot: running, a pass every " + config.review().pollInterval().toSeconds()
                    + " s" + (web != null ? "; web archive at " + web.uri() : "")
                    + " (SIGTERM or Ctrl-C stops after the step under way)");
            out.flush();
            try {
                service.runUntilStopped();
            } finally {
                if (web != null) {
                    web.close();
                }
                removeHook(hook);
            }
            return Lorebot.EXIT_OK;
        }
    }

    private WebServer startWeb(LorebotConfig config, ReviewService service) throws IOException {
        InetSocketAddress address;
        try {
            address = ListenAddress.parse(config.web().listen());
        } catch (IllegalArgumentException e) {
            throw new InputException("web.listen: " + e.getMessage());
        }
        return WebServer.start(service.index(), config, address,
                UnsubscribePages.routes(DigestServices.subscriptionManager(config, service.state()), clock));
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and waits for us
        }
    }
}
