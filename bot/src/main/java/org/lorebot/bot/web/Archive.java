package org.lorebot.bot.web;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

import org.apache.lucene.search.IndexSearcher;
import org.lorebot.config.InboxConfig;
import org.lorebot.config.LorebotConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.SearchLimitException;
import org.lorebot.index.search.SearchLimits;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.store.StoredMessage;

/**
 * What the pages read: the index, the configured inboxes, and the cost bounds of searches that
 * strangers type. Every lookup that can fail on what a visitor asked for fails with a
 * {@link WebException} that says what was wrong.
 */
final class Archive {

    /** The pseudo-inbox holding every list, as on lore. */
    static final String ALL = "all";
    /** Results per search page, and messages per page of an inbox's newest threads. */
    static final int PAGE_SIZE = 25;
    /** How deep paging may go: past this, narrow the query instead. */
    static final int MAX_OFFSET = 10_000;
    /** How many messages one request may return at most (API, mbox downloads). */
    static final int MAX_RESULTS = 10_000;
    /** The cost bound of every search a visitor starts. */
    static final SearchLimits LIMITS = new SearchLimits(Duration.ofSeconds(2), 2_000);

    private final MailIndex index;
    private final LorebotConfig config;
    private final String botAddress;

    Archive(MailIndex index, LorebotConfig config) {
        this.index = index;
        this.config = config;
        this.botAddress = PatchReview.address(config.delivery().from());
    }

    MailIndex index() {
        return index;
    }

    LorebotConfig config() {
        return config;
    }

    /** The bot's own sending address ({@code [delivery] from}), lower case. */
    String botAddress() {
        return botAddress;
    }

    /** The inboxes to list on the front page: the configured ones, then any other in the index. */
    List<String> lists() throws IOException {
        List<String> names = new ArrayList<>();
        for (InboxConfig inbox : config.inboxes()) {
            names.add(inbox.name());
        }
        SortedSet<String> indexed = new TreeSet<>(index.lists());
        indexed.removeAll(names);
        names.addAll(indexed);
        return names;
    }

    /** Checks that {@code list} names an inbox ({@code all} for every one). */
    void requireList(String list) throws WebException, IOException {
        if (list.equals(ALL) || config.inbox(list).isPresent() || index.lists().contains(list)) {
            return;
        }
        throw WebException.notFound("no inbox named '" + list + "' here");
    }

    /**
     * Searches {@code list} (all of them for {@link #ALL}) within {@link #LIMITS}.
     *
     * @throws WebException 400 naming the problem for a bad or too costly query
     */
    SearchResults search(String list, String query, int offset, int limit)
            throws WebException, IOException {
        if (query.isBlank()) {
            throw WebException.badRequest("the query is empty");
        }
        try {
            // Parsed alone first, so an error's column is the visitor's, not the combined query's.
            MailQueryParser.parse(query);
            String scoped = everything(list) ? query : "l:" + list + " AND (" + query + ")";
            return index.search(scoped, offset, limit, LIMITS);
        } catch (QuerySyntaxException e) {
            throw WebException.badRequest("cannot understand the query: " + e.getMessage());
        } catch (SearchLimitException e) {
            throw WebException.badRequest("query too costly: " + e.getMessage());
        } catch (IndexSearcher.TooManyClauses e) {
            throw WebException.badRequest("query too costly: it has too many terms (more than "
                    + IndexSearcher.getMaxClauseCount() + ")");
        }
    }

    /** The newest messages of {@code list}, newest first. */
    SearchResults newest(String list, int offset, int limit) throws IOException {
        try {
            return index.search(everything(list) ? "d:00010101.." : "l:" + list, offset, limit);
        } catch (QuerySyntaxException e) {
            throw new IllegalStateException("list names are valid query words: " + list, e);
        }
    }

    /**
     * Whether {@code list} stands for the whole index: {@link #ALL}, or the only inbox it holds
     * (then the list filter would only cost a second pass over the matches).
     */
    private boolean everything(String list) throws IOException {
        if (list.equals(ALL)) {
            return true;
        }
        SortedSet<String> indexed = index.lists();
        return indexed.size() == 1 && indexed.first().equals(list);
    }

    /** A message by Message-ID. */
    StoredMessage message(String messageId) throws WebException, IOException {
        Optional<StoredMessage> found = index.message(messageId);
        if (found.isEmpty()) {
            throw WebException.notFound("no message <" + messageId + "> in this archive");
        }
        return found.get();
    }
}
