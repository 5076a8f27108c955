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
import org.lorebot.index.store.StoredMessage;
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
        int problems = 0;
        long ingested = 0;
        try (ArchiveSource source = ArchiveSources.open(inbox.path())) {
            IngestSummary summary = index.ingest(name, source, IngestListener.NONE);
            ingested = summary.added();
            problems += summary.problems().size();
            summary.problems().forEach(p -> LOG.warn("{}: {} at {}: {}", name, p.epoch(), p.position(), p.reason()));
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot ingest {}: {}", name, inbox.path(), e.getMessage());
            problems++;
        }

        Instant from = state.cursor(name).map(Instant::parse).map(c -> c.minus(LATE_MAIL))
                .orElse(since.orElse(state.firstRun()));
        List<PatchMail> mails = new ArrayList<>();
        try {
            for (SearchHit hit : index.search("l:" + name + " AND d:" + SECOND.format(from) + "..", 0, 0).hits()) {
                if (!name.equals(hit.list())) {
                    continue;
                }
                try {
                    Optional<StoredMessage> stored = index.message(hit.messageId());
                    if (stored.isPresent()) {
                        mails.add(PatchMail.of(stored.get().message()));
                    }
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{}: skipping {}: {}", name, hit.messageId(), e.getMessage());
                    problems++;
                }
            }
        } catch (QuerySyntaxException | IOException e) {
            LOG.error("{}: cannot search the index: {}", name, e.getMessage());
            return new InboxReport(name, ingested, 0, 0, 0, 0, problems + 1);
        }

        int applied = 0;
        for (PatchMail m : mails) {
            if (state.decision(m.messageId()).isEmpty() && m.tags().reply()) {
                try {
                    applied += commands.handle(m.message(), name, now) ? 1 : 0;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("{}: cannot read a command in {}: {}", name, m.messageId(), e.getMessage());
                    problems++;
                }
            }
        }

        ListContext list = ListContext.of(inbox);
        int queued = 0;
        int skipped = 0;
        int waiting = 0;
        List<Series> all = SeriesAssembler.assemble(mails);
        for (Series series : all) {
            if (stopRequested.getAsBoolean()) {
                break;
            }
            List<PatchMail> open = series.parts().stream().filter(p -> state.decision(p.messageId()).isEmpty()).toList();
            if (open.isEmpty()) {
                continue;
            }
            if (!Readiness.of(series, now, grace).ready()) {
                waiting += open.size();
                continue;
            }
            String key = VersionLinker.previous(series, all).map(VersionLinker::key).orElse(VersionLinker.key(series));
            for (PatchMail part : open) {
                try {
                    switch (review.review(part, series, key, list, now)) {
                        case QUEUED -> queued++;
                        case SKIPPED -> skipped++;
                        case WAITING -> waiting++;
                    }
                } catch (RuntimeException e) {
                    LOG.error("{}: review of {} failed, skipping it: {}", name, part.messageId(), e.toString());
                    state.recordDecision(part.messageId(), name, "error", e.toString(), now);
                    problems++;
                }
            }
        }
        if (!stopRequested.getAsBoolean()) {
            state.saveCursor(name, now.toString(), now);
        }
        return new InboxReport(name, ingested, queued, skipped, waiting, applied, problems);
    }
}
