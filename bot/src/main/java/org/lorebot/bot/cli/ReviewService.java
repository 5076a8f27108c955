package org.lorebot.bot.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.lorebot.bot.daemon.InboxReport;
import org.lorebot.bot.fetch.FetchPolicy;
import org.lorebot.bot.daemon.PassReport;
import org.lorebot.bot.daemon.ReviewDaemon;
import org.lorebot.bot.state.DispatchReport;
import org.lorebot.bot.state.OutboxStatus;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.DeliveryConfig;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.ingest.IngestSummary;

/**
 * What {@code lorebot run} does with a configuration: pass after pass, it fetches every inbox
 * with a {@code url}, ingests what is new (with progress), then lets the {@link ReviewDaemon}
 * review the new patches and work through the outbox, and prints what the pass did. A stop
 * request (SIGTERM) lets the step under way finish: a fetch, an ingest, the review of one patch,
 * one delivery.
 */
final class ReviewService implements AutoCloseable {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final LorebotConfig config;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;
    private final MailIndex index;
    private final StateStore state;
    private final ReviewDaemon daemon;
    private final boolean newState;
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private int passes;

    private ReviewService(LorebotConfig config, PrintWriter out, PrintWriter err, Clock clock, MailIndex index,
                          StateStore state, boolean newState, Map<String, String> environment) {
        this.config = config;
        this.out = out;
        this.err = err;
        this.clock = clock;
        this.index = index;
        this.state = state;
        this.newState = newState;
        this.daemon = ReviewDaemon.create(config, index, state, environment, clock);
    }

    /**
     * Opens the index and the state file of {@code config} (creating them on the first run).
     *
     * @throws InputException when the configuration cannot run (no inbox, unreadable password)
     */
    static ReviewService open(LorebotConfig config, Clock clock, Map<String, String> environment, PrintWriter out,
                              PrintWriter err) throws IOException {
        if (config.inboxes().isEmpty()) {
            throw new InputException("no inboxes to follow: add [inbox \"NAME\"] sections to "
                    + IngestCommand.describe(config));
        }
        boolean newState = !Files.exists(config.core().state());
        MailIndex index = IndexAccess.openLongLived(config);
        StateStore state = null;
        try {
            state = StateStore.open(config.core().state(), clock);
            return new ReviewService(config, out, err, clock, index, state, newState, environment);
        } catch (RuntimeException e) {
            if (state != null) {
                state.close();
            }
            index.close();
            if (e instanceof IllegalArgumentException) {
                // the [smtp] login cannot be completed (password file unreadable, variable unset)
                throw new InputException(e.getMessage());
            }
            throw e;
        }
    }

    MailIndex index() {
        return index;
    }

    StateStore state() {
        return state;
    }

    /** What one pass did: the daemon's report, plus what the CLI ingested and how many inboxes failed. */
    record Pass(PassReport report, Map<String, Long> added, int failedInboxes) {
        Pass {
            added = Map.copyOf(added);
        }
    }

    /**
     * One pass: fetch, ingest, review, deliver; prints a line per inbox and one for the outbox
     * (lines saying "nothing new" only when {@code verbose}).
     */
    Pass pass(boolean verbose) {
        passes++;
        Updater updater = new Updater(out, err);
        Ingestion ingestion = new Ingestion(out, err);
        Map<String, Long> added = new HashMap<>();
        int failed = 0;
        for (InboxConfig inbox : config.inboxes()) {
            if (stopRequested()) {
                break;
            }
            if (FetchPolicy.fetches(inbox) && !updater.fetch(inbox, verbose)) {
                failed++;
                continue;
            }
            Optional<IngestSummary> summary = ingestion.ingest(index, inbox.name(), inbox.path(), verbose);
            if (summary.isEmpty()) {
                failed++;
            } else {
                added.put(inbox.name(), summary.get().added());
            }
        }
        PassReport report = stopRequested() ? new PassReport(List.of(), new DispatchReport(0, 0, 0, 0, 0))
                : daemon.runPass();
        print(report, added, verbose);
        return new Pass(report, added, failed);
    }

    private void print(PassReport report, Map<String, Long> added, boolean verbose) {
        if (passes == 1 && newState) {
            out.println("lorebot: first run: the archives' history is indexed, not reviewed; "
                    + config.review().since().map(s -> "mail dated from " + MINUTE.format(s)
                            + " on ([review] since) and ").orElse("")
                    + "mail that reaches them from now on is reviewed");
        }
        for (InboxReport r : report.inboxes()) {
            long fresh = added.getOrDefault(r.list(), 0L) + r.ingested();
            boolean reviewed = config.review().mayPostTo(r.list());
            boolean quiet = fresh == 0 && r.queued() + r.skipped() + r.waiting() + r.commands() + r.tooOld() == 0;
            // the ingest summary already said what a list the bot does not answer on gained
            if (r.problems() == 0 && (!reviewed || quiet && !verbose)) {
                continue;
            }
            List<String> parts = new ArrayList<>();
            parts.add(fresh + " new message" + (fresh == 1 ? "" : "s"));
            if (reviewed) {
                parts.add(r.queued() + " review" + (r.queued() == 1 ? "" : "s") + " queued");
                parts.add(r.skipped() + " not answered");
                if (r.waiting() > 0) {
                    parts.add(r.waiting() + " waiting (series incomplete, embargo or rate limit)");
                }
                if (r.tooOld() > 0) {
                    parts.add(r.tooOld() + " too old to answer (dated over " + config.review().maxAge().toDays()
                            + "d before reaching the archive: review.max-age)");
                }
                if (r.commands() > 0) {
                    parts.add(r.commands() + " #lorebot command" + (r.commands() == 1 ? "" : "s"));
                }
            }
            if (r.problems() > 0) {
                parts.add(r.problems() + " problem" + (r.problems() == 1 ? "" : "s") + " (see the log)");
            }
            out.println(r.list() + ": " + String.join(", ", parts));
        }
        DispatchReport d = report.dispatch();
        Map<OutboxStatus, Integer> counts = state.outbox().counts();
        int pending = counts.getOrDefault(OutboxStatus.PENDING, 0) + counts.getOrDefault(OutboxStatus.SENDING, 0);
        if (verbose || d.sent() + d.recovered() + d.retrying() + d.failed() + d.waiting() > 0) {
            out.println("outbox: " + describe(d, pending));
        }
        out.flush();
    }

    private String describe(DispatchReport d, int pending) {
        boolean dryRun = config.delivery().mode() == DeliveryConfig.Mode.DRY_RUN;
        List<String> parts = new ArrayList<>();
        if (dryRun) {
            parts.add(d.sent() + " written to " + config.delivery().outbox() + " (dry-run: nothing is sent)");
        } else {
            parts.add(d.sent() + " sent by SMTP to " + config.smtp().host() + ":" + config.smtp().port()
                    + " (a copy of each in " + config.delivery().outbox() + ")");
        }
        if (d.recovered() > 0) {
            parts.add(d.recovered() + " found already delivered");
        }
        if (d.retrying() > 0) {
            parts.add(d.retrying() + " to retry");
        }
        if (d.failed() > 0) {
            parts.add(d.failed() + " failed for good");
        }
        if (pending > 0) {
            parts.add(pending + " waiting to go");
        }
        return String.join(", ", parts);
    }

    /** Runs one pass; the exit code of {@code run --once}. */
    int runOnce() {
        return pass(true).failedInboxes() == 0 ? Lorebot.EXIT_OK : Lorebot.EXIT_USAGE;
    }

    /** Runs passes every {@code [review] poll-interval} until {@link #requestStop()}. */
    void runUntilStopped() throws InterruptedException {
        Duration interval = config.review().pollInterval();
        try {
            boolean verbose = true;
            while (!stopRequested()) {
                try {
                    pass(verbose);
                } catch (RuntimeException e) {
                    // A broken pass (state file unwritable, index full) is reported; the next may work.
                    err.println("lorebot: run: pass failed at " + MINUTE.format(clock.instant()) + ": " + e);
                    err.flush();
                }
                verbose = false;
                if (stop.await(interval.toMillis(), TimeUnit.MILLISECONDS)) {
                    break;
                }
            }
        } finally {
            out.println("lorebot: stopped after " + passes + " pass" + (passes == 1 ? "" : "es"));
            out.flush();
        }
    }

    /** Asks the service to stop after the step under way; returns at once. */
    void requestStop() {
        stop.countDown();
        daemon.requestStop();
    }

    /**
     * What SIGTERM runs: request the stop, then wait up to {@code grace} for the step under way
     * to finish and the index and state to be closed.
     */
    Thread shutdownHook(Duration grace) {
        return new Thread(() -> {
            requestStop();
            try {
                stopped.await(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "lorebot-run-stop");
    }

    private boolean stopRequested() {
        return stop.getCount() == 0;
    }

    @Override
    public void close() {
        try {
            state.close();
        } finally {
            try {
                index.close();
            } catch (IOException e) {
                err.println("lorebot: closing the index: " + e.getMessage());
                err.flush();
            } finally {
                stopped.countDown();
            }
        }
    }
}
