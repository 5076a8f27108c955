package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.Callable;

import org.lorebot.bot.delivery.Deliveries;
import org.lorebot.bot.delivery.MailDelivery;
import org.lorebot.bot.digest.DigestServices;
import org.lorebot.bot.digest.RunReport;
import org.lorebot.bot.state.DispatchReport;
import org.lorebot.bot.state.StateStore;
import org.lorebot.bot.lock.DataDirectoryLock;
import org.lorebot.config.DeliveryConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lorebot digest}: sends the maintainer digests that are due. */
@Command(name = "digest", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Sends the maintainer digests that are due, through the same delivery as replies"
                + " ([delivery] mode: the outbox Maildir in dry-run). First carries out the subscribe,"
                + " confirm and unsubscribe mails waiting in the [commands] mailbox, if one is configured.",
            "A digest is due once the subscriber's hour has passed and nothing was sent for that period;"
                + " running it again sends nothing twice."
        })
public final class DigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--now", paramLabel = "ISO-8601-TIME",
            description = "Act as if it were this time (e.g. 2026-11-21T08:00:00Z); default: the clock.")
    String now;

    @Override
    public Integer call() throws Exception {
        Instant at = now == null ? Instant.now() : parseTime(now);
        Clock clock = Clock.fixed(at, ZoneOffset.UTC);
        LorebotConfig config = options.load();
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(config.core().data())) {
            return digest(config, at, clock);
        }
    }

    private int digest(LorebotConfig config, Instant at, Clock clock) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MailDelivery delivery;
        try {
            delivery = Deliveries.of(config.delivery(), config.smtp(), System.getenv(), clock);
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
        try (MailIndex index = IndexAccess.openExisting(config.core().data());
             StateStore store = StateStore.open(config.core().state(), clock)) {
            DigestServices digests;
            try {
                digests = DigestServices.create(config, store, index, delivery, clock);
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage());
            }
            if (digests.readsCommands()) {
                try {
                    out.println("lorebot: " + digests.readCommands(at) + " mail command(s) handled");
                } catch (IOException e) {
                    // an unreachable mailbox must not hold back the digests
                    err.println("lorebot: digest: " + e.getMessage());
                }
            }
            RunReport r = digests.runner().runDue(at);
            out.println(summary(r, config));
        }
        return Lorebot.EXIT_OK;
    }

    private static String summary(RunReport r, LorebotConfig config) {
        StringBuilder sb = new StringBuilder("lorebot: ").append(r.due()).append(" digest(s) due, ")
                .append(r.queued()).append(" queued, ").append(r.empty()).append(" with nothing new");
        if (r.failed() > 0) {
            sb.append(", ").append(r.failed()).append(" not built (see the log)");
        }
        DispatchReport d = r.dispatched().orElse(new DispatchReport(0, 0, 0, 0, 0));
        sb.append("; ").append(d.sent()).append(" mail(s) delivered");
        if (d.retrying() + d.waiting() > 0) {
            sb.append(", ").append(d.retrying() + d.waiting()).append(" waiting to be retried");
        }
        if (d.failed() > 0) {
            sb.append(", ").append(d.failed()).append(" failed");
        }
        if (config.delivery().mode() == DeliveryConfig.Mode.DRY_RUN) {
            sb.append(" (dry-run: outbox ").append(config.delivery().outbox()).append(')');
        }
        return sb.toString();
    }

    static Instant parseTime(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            try {
                return Instant.parse(text);
            } catch (DateTimeException e2) {
                throw new InputException("--now: '" + text + "' is not an ISO-8601 time with an offset"
                        + " (e.g. 2026-11-21T08:00:00Z or 2026-11-21T09:00:00+01:00)");
            }
        }
    }
}
