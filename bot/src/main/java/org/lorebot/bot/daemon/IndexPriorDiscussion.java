package org.lorebot.bot.daemon;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.citation.Candidate;
import org.lorebot.bot.citation.Citation;
import org.lorebot.bot.citation.CitationRanker;
import org.lorebot.bot.citation.DiscussionQuery;
import org.lorebot.bot.citation.PriorDiscussion;
import org.lorebot.index.MailIndex;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Prior discussion from the archive index: patches that removed or added the same flag on the
 * same allocator, and the replies in their threads (where maintainers said what they think),
 * ranked by {@link CitationRanker}.
 */
final class IndexPriorDiscussion implements PriorDiscussion {

    private static final Logger LOG = LoggerFactory.getLogger(IndexPriorDiscussion.class);
    private static final int HITS = 20;
    private static final int THREADS_EXPANDED = 8;

    private final MailIndex index;
    private final CitationRanker ranker;
    private final Map<String, String> inboxUrls;
    private final Supplier<Set<String>> arriving;

    /**
     * @param inboxUrls archive URL per list name, for the links
     * @param arriving  the mail that arrived in this pass or waits in the review queue: never
     *                  earlier discussion of a patch under review
     */
    IndexPriorDiscussion(MailIndex index, CitationRanker ranker, Map<String, String> inboxUrls,
                         Supplier<Set<String>> arriving) {
        this.index = index;
        this.ranker = ranker;
        this.inboxUrls = Map.copyOf(inboxUrls);
        this.arriving = arriving;
    }

    @Override
    public List<Citation> find(Finding finding, MailMessage patch) {
        Optional<String> query = DiscussionQuery.of(finding);
        if (query.isEmpty()) {
            return List.of();
        }
        try {
            List<SearchHit> hits = index.search(query.get(), 0, HITS).hits();
            // The hits changed the flag on the allocator. Their threads hold what reviewers said
            // (often under the cover letter): a reply counts when it talks about that flag, so
            // a sub-thread on another part of a long series is left out.
            Set<String> ids = new LinkedHashSet<>();
            Set<String> replies = new LinkedHashSet<>();
            for (int i = 0; i < hits.size(); i++) {
                String hit = hits.get(i).messageId();
                ids.add(hit);
                if (i < THREADS_EXPANDED) {
                    index.thread(hit).ifPresent(t -> t.entries().stream().filter(e -> !e.ghost())
                            .map(ThreadEntry::messageId).forEach(replies::add));
                }
            }
            Predicate<String> relevant = DiscussionQuery.talksAbout(finding);
            Predicate<String> removal = DiscussionQuery.removedBy(finding);
            List<Candidate> candidates = new ArrayList<>();
            for (String id : ids) {
                index.message(id).filter(s -> removal.test(s.message().body()))
                        .ifPresent(s -> candidates.add(new Candidate(s.message(), urlOf(s.list()))));
            }
            for (String id : replies) {
                if (!ids.contains(id)) {
                    index.message(id).filter(s -> relevant.test(s.message().body()))
                            .ifPresent(s -> candidates.add(new Candidate(s.message(), urlOf(s.list()))));
                }
            }
            return ranker.rank(patch, candidates, DiscussionQuery.topic(finding), arriving.get());
        } catch (QuerySyntaxException | IOException e) {
            LOG.warn("no prior discussion for {} in {}: {}", finding.ruleId(), patch.messageId(), e.getMessage());
            return List.of();
        }
    }

    private String urlOf(String list) {
        return inboxUrls.getOrDefault(list, "https://lore.kernel.org/" + list);
    }
}
