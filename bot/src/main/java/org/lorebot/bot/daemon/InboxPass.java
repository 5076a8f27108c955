package org.lorebot.bot.daemon;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
 * One pass over one inbox: ingest what the archive gained, find the mail new in the archive
 * since the previous pass (by the archive's order, not by Date), apply
 * {@code #lorebot} commands, group patches into series and review the parts of every series
 * that is ready. Each step that fails for one message is logged and skipped.
 */
final class InboxPass {

    /** How far before the earliest new message to look for the rest of its series. */
    static final Duration LATE_MAIL = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(InboxPass.class);
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    private final MailIndex index;
    private final StateStore state;
    private final PatchReview review;
    private final CommandHandler commands;
    private final Duration grace;
    private final Optional<Instant> since;
    private final Duration maxAge;
    private final BooleanSupplier stopRequested;

    InboxPass(MailIndex index, StateStore state, PatchReview review, CommandHandler commands, Duration grace,
              Optional<Instant> since, Duration maxAge, BooleanSupplier stopRequested) {
        this.index = index;
        this.state = state;
        this.review = review;
        this.commands = commands;
        this.grace = grace;
        this.since = since;
        this.maxAge = maxAge;
        this.stopRequested = stopRequested;
    }

    InboxReport run(InboxConfig inbox, Instant now) {
        String name = inbox.name();
        Tally tally = new Tally();
        long ingested = ingest(inbox, tally);
        Map<String, String> reached = index.cursor(name);
        Optional<Arrivals> arrived = arrivals(inbox, reached, now, tally);
        if (arrived.isEmpty()) {
            return tally.report(name, ingested);
        }
        // One commit for the inbox's decisions and queued replies: nothing is dispatched before it.
        state.inOneTransaction("review " + name, () -> {
            state.reviewQueue().add(name, arrived.get().ids(), arrived.get().at());
            Map<String, Instant> queued = state.reviewQueue().queued(name);
            List<PatchMail> fresh = undecided(queued.keySet(), name, tally);
            fresh = answerable(fresh, queued, name, tally, now);
            applyCommands(fresh, name, now, tally);
            Set<String> reviewable = new HashSet<>();
            fresh.forEach(m -> reviewable.add(m.messageId()));
            Set<String> waiting = reviewReadySeries(withContext(fresh, name, tally), reviewable,
                    ListContext.of(inbox), now, tally);
            if (!stopRequested.getAsBoolean()) {
                state.reviewQueue().retainOnly(name, waiting);
                state.saveCursor(name, new ArchiveCursor(reached).encode(), now);
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

    /** Messages taken as new, and when they count as arrived (what {@code max-age} is measured from). */
    private record Arrivals(List<String> ids, Instant at) {
    }

    /**
     * The messages new since the previous pass, by the archive's own order: those after the
     * cursor the daemon kept then, up to what the index holds now. An inbox's first pass finds
     * none (what is there is history), unless {@code [review] since} names a date to review
     * from; a cursor from an older lorebot (a time) is used one last time, by Date. Mail chosen
     * by Date counts as arrived at that start, so {@code max-age} leaves it alone.
     */
    private Optional<Arrivals> arrivals(InboxConfig inbox, Map<String, String> reached, Instant now, Tally tally) {
        String name = inbox.name();
        Optional<String> saved = state.cursor(name);
        Optional<ArchiveCursor> previous = saved.flatMap(ArchiveCursor::decode);
        try {
            if (previous.isPresent()) {
                return Optional.of(new Arrivals(NewMail.between(inbox.path(), previous.get().positions(), reached), now));
            }
            Optional<Instant> from = saved.isPresent() ? Optional.of(Instant.parse(saved.get()).minus(LATE_MAIL)) : since;
            if (from.isEmpty()) {
                return Optional.of(new Arrivals(List.of(), now));
            }
            return datedFrom(name, from.get(), tally).map(ids -> new Arrivals(ids, from.get()));
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: cannot read what {} gained: {}", name, inbox.path(), e.getMessage());
            tally.problems++;
            return Optional.empty();
        }
    }

    /** The queued messages not decided yet, read from the index. */
    private List<PatchMail> undecided(Collection<String> ids, String name, Tally tally) {
        List<PatchMail> out = new ArrayList<>();
        for (String id : ids) {
            if (state.decision(id).isPresent()) {
                continue;
            }
            try {
                index.message(id).ifPresent(s -> out.add(PatchMail.of(s.message())));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: skipping {}: {}", name, id, e.getMessage());
                tally.problems++;
            }
        }
        return out;
    }

    /**
     * Drops, with a decision saying why, new mail dated more than {@code [review] max-age} before
     * it reached the archive: a bulk import or a restored archive is indexed, not answered.
     */
    private List<PatchMail> answerable(List<PatchMail> fresh, Map<String, Instant> arrived, String name, Tally tally,
                                       Instant now) {
        List<PatchMail> out = new ArrayList<>();
        for (PatchMail m : fresh) {
            Instant date = m.message().date();
            Instant at = arrived.getOrDefault(m.messageId(), now);
            if (date != null && date.isBefore(at.minus(maxAge))) {
                String why = "dated " + DAY.format(date) + ", " + Duration.between(date, at).toDays()
                        + " days before it reached the archive: older than review.max-age (" + maxAge.toDays() + "d)";
                LOG.info("{}: not answering {}: {}", name, m.messageId(), why);
                state.recordDecision(m.messageId(), name, "too-old", why, now);
                tally.tooOld++;
                continue;
            }
            out.add(m);
        }
        return out;
    }

    /**
     * The new mail with the recent mail around it (dated from {@link #LATE_MAIL} before the
     * earliest new message), so a series whose parts came over several passes is whole.
     */
    private List<PatchMail> withContext(List<PatchMail> fresh, String name, Tally tally) {
        Optional<Instant> earliest = fresh.stream().map(m -> m.message().date()).filter(d -> d != null)
                .min(Instant::compareTo);
        if (earliest.isEmpty()) {
            return fresh;
        }
        Map<String, PatchMail> all = new LinkedHashMap<>();
        datedFrom(name, earliest.get().minus(LATE_MAIL), tally).orElse(List.of()).forEach(id -> all.put(id, null));
        fresh.forEach(m -> all.put(m.messageId(), m));
        List<PatchMail> out = new ArrayList<>();
        for (Map.Entry<String, PatchMail> e : all.entrySet()) {
            if (e.getValue() != null) {
                out.add(e.getValue());
                continue;
            }
            try {
                index.message(e.getKey()).ifPresent(s -> out.add(PatchMail.of(s.message())));
            } catch (IOException | RuntimeException ex) {
                LOG.warn("{}: skipping {}: {}", name, e.getKey(), ex.getMessage());
                tally.problems++;
            }
        }
        return out;
    }

    /** The Message-IDs of the inbox's mail dated from {@code from} on. */
    private Optional<List<String>> datedFrom(String name, Instant from, Tally tally) {
        try {
            List<String> ids = new ArrayList<>();
            for (SearchHit hit : index.search("l:" + name + " AND d:" + SECOND.format(from) + "..", 0, 0).hits()) {
                if (name.equals(hit.list())) {
                    ids.add(hit.messageId());
                }
            }
            return Optional.of(ids);
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

    /** Reviews the new parts of every ready series; returns the new parts left waiting. */
    private Set<String> reviewReadySeries(List<PatchMail> mails, Set<String> reviewable, ListContext list, Instant now,
                                          Tally tally) {
        Set<String> waiting = new HashSet<>();
        List<Series> all = SeriesAssembler.assemble(mails);
        VersionIndex versions = VersionIndex.of(all);
        for (Series series : all) {
            if (stopRequested.getAsBoolean()) {
                return waiting;
            }
            List<PatchMail> open = series.parts().stream()
                    .filter(p -> reviewable.contains(p.messageId()) && state.decision(p.messageId()).isEmpty()).toList();
            if (open.isEmpty()) {
                continue;
            }
            if (!Readiness.of(series, now, grace).ready()) {
                tally.waiting += open.size();
                open.forEach(p -> waiting.add(p.messageId()));
                continue;
            }
            String key = versions.previous(series).map(VersionLinker::key).orElse(VersionLinker.key(series));
            for (PatchMail part : open) {
                try {
                    switch (review.review(part, series, key, list, now)) {
                        case QUEUED -> tally.queued++;
                        case SKIPPED -> tally.skipped++;
                        case WAITING -> {
                            tally.waiting++;
                            waiting.add(part.messageId());
                        }
                    }
                } catch (RuntimeException e) {
                    LOG.error("{}: review of {} failed, skipping it: {}", list.name(), part.messageId(), e.toString());
                    state.recordDecision(part.messageId(), list.name(), "error", e.toString(), now);
                    tally.problems++;
                }
            }
        }
        return waiting;
    }

    /** Counts kept while a pass runs. */
    private static final class Tally {
        int queued;
        int skipped;
        int waiting;
        int commands;
        int problems;
        int tooOld;

        InboxReport report(String list, long ingested) {
            return new InboxReport(list, ingested, queued, skipped, waiting, commands, problems, tooOld);
        }
    }
}
