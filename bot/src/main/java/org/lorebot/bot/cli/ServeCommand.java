package org.lorebot.bot.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.lorebot.bot.digest.DigestServices;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.subscription.UnsubscribePages;
import org.lorebot.bot.web.ListenAddress;
import org.lorebot.bot.web.WebServer;
import org.lorebot.config.ConfigException;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lorebot serve}: the searchable web archive over the index, until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Serves the searchable web archive (read-only) over the index, until"
                + " stopped with Ctrl-C or SIGTERM.",
                "Pages and URLs follow lore.kernel.org's: /<list>/, /<list>/?q=QUERY,"
                        + " /<list>/<message-id>/, /T/, /t/, /raw, /t.mbox.gz, /t.atom, /N-file (attachments),"
                        + " /<list>/new.atom, /r/<message-id>, /rules/DMA0NN, /api/search?q=&list=&limit=",
                "Each configured v2 inbox's epochs can be cloned with git at /<list>/N and"
                        + " /<list>/git/N.git; /manifest.js.gz lists them for grokmirror."})
public final class ServeCommand implements Callable<Integer> {

    /** Where the archive listens when neither --listen nor [web] listen says. */
    public static final String DEFAULT_LISTEN = "127.0.0.1:8080";

    @Mixin
    ConfigOptions options;

    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to listen on (default: [web] listen, else " + DEFAULT_LISTEN
                    + "); port 0 picks a free one.")
    String listen;

    @Spec
    CommandSpec spec;

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting anyway
        }
    }

    @Override
    public Integer call() throws IOException, ConfigException {
        LorebotConfig config = options.load();
        String where = listen != null ? listen
                : config.web().enabled() ? config.web().listen() : DEFAULT_LISTEN;
        InetSocketAddress address;
        try {
            address = ListenAddress.parse(where);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        Path data = config.core().data();
        if (!config.index().solr() && !Files.isDirectory(data.resolve("lucene"))) {
            throw new InputException("no index in " + data + ": ingest an archive first"
                    + " (or point --data or [core] data at the data directory)");
        }
        CountDownLatch stopped = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // On SIGTERM or Ctrl-C the hook wakes the command and waits (a little) for it to stop
        // the server and close the index before the JVM halts.
        Thread hook = new Thread(() -> {
            stopped.countDown();
            try {
                closed.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lorebot-serve-stop");
        Clock clock = Clock.systemUTC();
        try (MailIndex index = IndexAccess.openLongLived(config);
             StateStore state = StateStore.open(config.core().state(), clock);
             WebServer web = WebServer.start(index, config, address,
                     UnsubscribePages.routes(DigestServices.subscriptionManager(config, state), clock))) {
            Runtime.getRuntime().addShutdownHook(hook);
            spec.commandLine().getOut().println("lorebot: serving " + index.size()
                    + " messages at " + web.uri() + " (Ctrl-C stops)");
            spec.commandLine().getOut().flush();
            try {
                stopped.await();
            } catch (InterruptedException e) {
                // stopped by whoever runs the command in-process
                Thread.currentThread().interrupt();
                removeHook(hook);
            }
        } finally {
            closed.countDown();
        }
        return Lorebot.EXIT_OK;
    }
}
