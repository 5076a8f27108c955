package org.lorebot.bot.daemon;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.lorebot.bot.review.ListContext;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.Readiness;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.SeriesAssembler;
import org.lorebot.bot.series.VersionIndex;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.StateStore;
import org.lorebot.config.InboxConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveSources;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One pass over one inbox: ingest what the archive gained, read the recent mail, apply
 * {@code #lorebot} commands, group patches into series and review the parts of every series
 * that is ready. Each step that fails for one message is logged and skipped.
 */
final class InboxPass {

    /** How far before the last pass to look again, for mail whose Date lags its arrival. */
    static final Duration LATE_MAIL = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(InboxPass.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);

    private final MailIndex index;
    private final StateStore state;
    private final PatchReview review;
    private final CommandHandler commands;
    private final Duration grace;
    private final Optional<Instant> since;
    private final BooleanSupplier stopRequested;

    InboxPass(MailIndex index, StateStore state, PatchReview review, CommandHandler commands, Duration grace,
              Optional<Instant> since, BooleanSupplier stopRequested) {
        this.index = index;
        this.state = state;
        this.review = review;
        this.commands = commands;
        this.grace = grace;
        this.since = since;
        this.stopRequested = stopRequested;
    }

    InboxReport run(InboxConfig inbox, Instant now) {
        String name = inbox.name();
        Tally tally = new Tally();
        long ingested = ingest(inbox, tally);
        Optional<List<PatchMail>> mails = recentMail(name, tally);
        if (mails.isEmpty()) {
            return tally.report(name, ingested);
        }
        // One commit for the inbox's decisions and queued replies: nothing is dispatched before it.
        state.inOneTransaction("review " + name, () -> {
            applyCommands(mails.get(), name, now, tally);
            reviewReadySeries(mails.get(), ListContext.of(inbox), now, tally);
            if (!stopRequested.getAsBoolean()) {
                state.saveCursor(name, now.toString(), now);
            }
        });
        return tally.report(name, ingested);
    }

    /** Adds what the archive gained to the index; returns how many messages were added. */
    private long ingest(InboxConfig inbox, Tally tally) {
        String name = inbox.name();
        try (ArchiveSource source = ArchiveSources.open(inbox.path())) {
            IngestSummary summary = index.ingest(name, source, IngestListener.NONE);
            tally.problems += summary.problems().size();
            summary.problems().forEach(p -> LOG.warn("{}: {} at {}: {}", name, p.epoch(), p.position(), p.reason()));
            return summary.added();
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot ingest {}: {}", name, inbox.path(), e.getMessage());
            tally.problems++;
            return 0;
        }
    }

    /** The inbox's mail since the last pass (less {@link #LATE_MAIL}), or since reviewing began. */
    private Optional<List<PatchMail>> recentMail(String name, Tally tally) {
        Instant from = state.cursor(name).map(Instant::parse).map(c -> c.minus(LATE_MAIL))
                .orElse(since.orElse(state.firstRun()));
        List<PatchMail> mails = new ArrayList<>();
        try {
            for (SearchHit hit : index.search("l:" + name + " AND d:" + SECOND.format(from) + "..", 0, 0).hits()) {
                if (!name.equals(hit.list())) {
                    continue;
                }
                try {
                    index.message(hit.messageId()).ifPresent(s -> mails.add(PatchMail.of(s.message())));
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{}: skipping {}: {}", name, hit.messageId(), e.getMessage());
                    tally.problems++;
                }
            }
            return Optional.of(mails);
        } catch (QuerySyntaxException | IOException e) {
            LOG.error("{}: cannot search the index: {}", name, e.getMessage());
            tally.problems++;
            return Optional.empty();
        }
    }

    private void applyCommands(List<PatchMail> mails, String name, Instant now, Tally tally) {
        for (PatchMail m : mails) {
            if (m.tags().reply() && state.decision(m.messageId()).isEmpty()) {
                try {
                    tally.commands += commands.handle(m.message(), name, now) ? 1 : 0;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{}: cannot read a command in {}: {}", name, m.messageId(), e.getMessage());
                    tally.problems++;
                }
            }
        }
    }

    private void reviewReadySeries(List<PatchMail> mails, ListContext list, Instant now, Tally tally) {
        List<Series> all = SeriesAssembler.assemble(mails);
        VersionIndex versions = VersionIndex.of(all);
        for (Series series : all) {
            if (stopRequested.getAsBoolean()) {
                return;
            }
            List<PatchMail> open = series.parts().stream()
                    .filter(p -> state.decision(p.messageId()).isEmpty()).toList();
            if (open.isEmpty()) {
                continue;
            }
            if (!Readiness.of(series, now, grace).ready()) {
                tally.waiting += open.size();
                continue;
            }
            String key = versions.previous(series).map(VersionLinker::key).orElse(VersionLinker.key(series));
            for (PatchMail part : open) {
                try {
                    switch (review.review(part, series, key, list, now)) {
                        case QUEUED -> tally.queued++;
                        case SKIPPED -> tally.skipped++;
                        case WAITING -> tally.waiting++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("{}: review of {} failed, skipping it: {}", list.name(), part.messageId(), e.toString());
                    state.recordDecision(part.messageId(), list.name(), "error", e.toString(), now);
                    tally.problems++;
                }
            }
        }
    }

    /** Counts kept while a pass runs. */
    private static final class Tally {
        int queued;
        int skipped;
        int waiting;
        int commands;
        int problems;

        InboxReport report(String list, long ingested) {
            return new InboxReport(list, ingested, queued, skipped, waiting, commands, problems);
        }
    }
}
