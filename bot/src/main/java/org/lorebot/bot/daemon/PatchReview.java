package org.lorebot.bot.daemon;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.bot.citation.ArchiveLink;
import org.lorebot.bot.citation.PriorDiscussion;
import org.lorebot.bot.delivery.MailRenderer;
import org.lorebot.bot.delivery.RenderedMail;
import org.lorebot.bot.policy.Decision;
import org.lorebot.bot.policy.ReviewHistory;
import org.lorebot.bot.policy.ReviewPolicy;
import org.lorebot.bot.policy.Verdict;
import org.lorebot.bot.review.FullMessageIds;
import org.lorebot.bot.review.ListContext;
import org.lorebot.bot.review.OutgoingMail;
import org.lorebot.bot.review.RepeatNote;
import org.lorebot.bot.review.ReplyComposer;
import org.lorebot.bot.review.ReviewItem;
import org.lorebot.bot.series.EarlierReply;
import org.lorebot.bot.series.FindingKey;
import org.lorebot.bot.series.LaterFixFilter;
import org.lorebot.bot.series.PatchMail;
import org.lorebot.bot.series.RepeatFilter;
import org.lorebot.bot.series.Series;
import org.lorebot.bot.series.VersionLinker;
import org.lorebot.bot.state.ReplyRecord;
import org.lorebot.bot.state.StateStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reviews one patch of a ready series: policy first, then the DMA checker, findings a later
 * part fixes dropped, findings an earlier version's review made turned into notes (or dropped),
 * citations looked up, the reply composed and recorded with its outbox item in one transaction.
 */
final class PatchReview {

    /** What became of a patch. */
    enum Outcome { QUEUED, SKIPPED, WAITING }

    private static final Logger LOG = LoggerFactory.getLogger(PatchReview.class);

    private final StateStore state;
    private final ReviewPolicy policy;
    private final ReplyComposer composer;
    private final MailRenderer renderer;
    private final PriorDiscussion prior;
    private final boolean noteRepeats;
    private final Function<String, Map<String, String>> fullIds;

    /**
     * @param fullIds the {@link FullMessageIds} of the raw mail with a given Message-ID, asked
     *                only when an id reaches the length the archive cuts at
     */
    PatchReview(StateStore state, ReviewPolicy policy, ReplyComposer composer, MailRenderer renderer,
                PriorDiscussion prior, boolean noteRepeats, Function<String, Map<String, String>> fullIds) {
        this.fullIds = fullIds;
        this.state = state;
        this.policy = policy;
        this.composer = composer;
        this.renderer = renderer;
        this.prior = prior;
        this.noteRepeats = noteRepeats;
    }

    Outcome review(PatchMail part, Series series, String seriesKey, ListContext list, Instant now) {
        String id = part.messageId();
        String versionKey = VersionLinker.versionKey(seriesKey, series.version(), part);
        ReviewHistory history = new ReviewHistory(
                state.replyTo(id).isPresent() || state.versionAnswered(versionKey),
                state.postsSince(now.minus(Duration.ofHours(1))),
                state.postsToListSince(list.name(), now.minus(Duration.ofDays(1))),
                state.firstRun(), state.silencedRules(seriesKey));

        Decision admitted = policy.admit(part, list.name(), history, now);
        if (admitted.verdict() != Verdict.REVIEW) {
            return settle(part, list, admitted, now);
        }
        List<Finding> findings = LaterFixFilter.keep(series, part.tags().index(), DmaChecker.check(part.patch()));
        Decision decision = policy.decide(part, list.name(), findings, history, now);
        if (decision.verdict() != Verdict.REVIEW) {
            return settle(part, list, decision, now);
        }

        RepeatFilter.Split split = RepeatFilter.split(decision.findings(), earlierReplies(seriesKey, series, list));
        List<RepeatNote> notes = new ArrayList<>();
        if (noteRepeats) {
            split.repeats().forEach(r -> notes.add(new RepeatNote(r.finding(), r.earlierReplyUrl())));
        }
        List<ReviewItem> items = new ArrayList<>();
        for (Finding f : split.fresh()) {
            items.add(new ReviewItem(f, prior.find(f, part.message())));
        }
        boolean cut = part.messageId().length() >= FullMessageIds.KEPT
                || part.message().references().stream().anyMatch(r -> r.length() >= FullMessageIds.KEPT);
        Optional<OutgoingMail> reply = composer.compose(part.message(), list, items, notes, now,
                cut ? fullIds.apply(part.messageId()) : Map.of());
        if (reply.isEmpty()) {
            state.recordDecision(id, list.name(), "skip", "every finding was reported on an earlier version", now);
            LOG.info("{} on {}: skip, every finding was reported on an earlier version", id, list.name());
            return Outcome.SKIPPED;
        }
        RenderedMail rendered = renderer.render(reply.get());
        List<String> keys = decision.findings().stream().map(FindingKey::of).toList();
        boolean recorded = state.recordReply(new ReplyRecord(id, seriesKey, series.version(), versionKey,
                rendered.messageId(), list.name(), keys, now), rendered);
        state.recordDecision(id, list.name(), "review", decision.detail() + ", reply " + rendered.messageId(), now);
        LOG.info("{} on {}: review queued as {} ({})", id, list.name(), rendered.messageId(), decision.detail());
        return recorded ? Outcome.QUEUED : Outcome.SKIPPED;
    }

    private List<EarlierReply> earlierReplies(String seriesKey, Series series, ListContext list) {
        List<EarlierReply> out = new ArrayList<>();
        for (ReplyRecord r : state.seriesReplies(seriesKey)) {
            if (r.version() < series.version()) {
                out.add(new EarlierReply(ArchiveLink.of(list.archiveUrl(), r.replyMessageId()), new HashSet<>(r.findingKeys())));
            }
        }
        return out;
    }

    private Outcome settle(PatchMail part, ListContext list, Decision d, Instant now) {
        if (d.verdict() == Verdict.WAIT) {
            LOG.debug("{} on {}: {}", part.messageId(), list.name(), d.describe());
            return Outcome.WAITING;
        }
        state.recordDecision(part.messageId(), list.name(), "skip", d.describe(), now);
        LOG.info("{} on {}: {}", part.messageId(), list.name(), d.describe());
        return Outcome.SKIPPED;
    }
}
