package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
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
                + " running it again sends nothing twice.",
            "With --preview ADDR --from DATE --to DATE, prints the digest ADDR would get for mail dated in that"
                + " window instead, on any archive, and sends and records nothing."
        })
public final class DigestCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--now", paramLabel = "ISO-8601-TIME",
            description = "Act as if it were this time (e.g. 2026-11-21T08:00:00Z); default: the clock.")
    String now;

    @Option(names = "--preview", paramLabel = "ADDR",
            description = "Print the digest this subscriber would get for --from..--to (by Date); send nothing.")
    String preview;

    @Option(names = "--from", paramLabel = "DATE",
            description = "Start of the preview window (exclusive): 2020-06-15 (00:00 UTC) or an ISO-8601 time.")
    String from;

    @Option(names = "--to", paramLabel = "DATE",
            description = "End of the preview window (inclusive): 2020-06-22 (00:00 UTC) or an ISO-8601 time.")
    String to;

    @Override
    public Integer call() throws Exception {
        if (preview != null || from != null || to != null) {
            return preview();
        }
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
        try (MailIndex index = IndexAccess.openExisting(config);
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

    private int preview() throws Exception {
        if (preview == null || from == null || to == null) {
            throw new InputException("--preview, --from and --to go together (e.g. --preview maint@example.org"
                    + " --from 2020-06-15 --to 2020-06-22)");
        }
        if (now != null) {
            throw new InputException("--now does not go with --preview: the window is --from..--to");
        }
        Instant start = parseDate("--from", from);
        Instant end = parseDate("--to", to);
        if (!start.isBefore(end)) {
            throw new InputException("--from " + from + " is not before --to " + to);
        }
        LorebotConfig config = options.load();
        Path state = config.core().state();
        try (MailIndex index = IndexAccess.openExisting(config);
             StateStore store = Files.isRegularFile(state) ? StateStore.open(state, Clock.systemUTC()) : null) {
            Optional<String> text;
            try {
                text = DigestServices.preview(config, index, Optional.ofNullable(store)).text(preview, start, end);
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw new InputException(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            out.print(text.orElse("lorebot: nothing for " + preview + " from " + start + " to " + end
                    + ": no digest would be sent\n"));
            out.flush();
        }
        return Lorebot.EXIT_OK;
    }

    /** A day (its start, UTC) or an ISO-8601 time. */
    static Instant parseDate(String option, String text) {
        try {
            return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeException e) {
            try {
                return parseTime(text);
            } catch (InputException e2) {
                throw new InputException(option + ": '" + text + "' is neither a date (2020-06-15) nor an"
                        + " ISO-8601 time with an offset (2020-06-15T08:00:00Z)");
            }
        }
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
