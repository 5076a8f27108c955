package org.lorebot.index;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchLimitException;
import org.lorebot.index.search.SearchLimits;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.store.StoredMessage;

/**
 * lorebot's mail index: what the command line, the review bot and the web archive use, whether
 * the index is local ({@link LuceneMailIndex}) or a SolrCloud collection ({@link org.lorebot.index.solr.SolrMailIndex}).
 * Both give the same answers: the same analysis, the same query parser, the same threads.
 *
 * <pre>{@code
 * try (MailIndex index = MailIndex.open(Path.of("data"))) {
 *     index.ingest("linux-mtd", GitArchiveSource.v2Inbox(inbox), IngestListener.NONE);
 *     SearchResults r = index.search("dfb:GFP_DMA AND s:PATCH", 0, 20);
 *     Optional<MessageThread> t = index.thread(r.hits().get(0).messageId());
 * }
 * }</pre>
 *
 * <p>Threads follow References and In-Reply-To as public-inbox's do (never subjects). A
 * thread's id, {@link SearchHit#thread()} and {@link MessageThread#root()}, is the Message-ID
 * of its root: the message without a parent above its oldest message, or the id of a referenced
 * but never received message (a ghost) when that is the top. It moves when a late message
 * merges two threads or brings an older root.
 */
public interface MailIndex extends AutoCloseable {

    /** Opens the local index in {@code dataDir}, creating it when absent. */
    static MailIndex open(Path dataDir) throws IOException {
        return LuceneMailIndex.open(dataDir, IngestOptions.defaults());
    }

    /** Opens the local index with non-default ingest tuning (commit interval, threads). */
    static MailIndex open(Path dataDir, IngestOptions options) throws IOException {
        return LuceneMailIndex.open(dataDir, options);
    }


    /** Whether {@code dataDir} holds a local index something was ingested into. */
    static boolean exists(Path dataDir) throws IOException {
        return LuceneMailIndex.exists(dataDir);
    }

    /**
     * Removes what opening a local index in {@code dataDir} created when nothing was ingested
     * into it (a failed first ingest); see {@link LuceneMailIndex#removeIfEmpty}.
     */
    static void removeIfEmpty(Path dataDir) throws IOException {
        LuceneMailIndex.removeIfEmpty(dataDir);
    }

    /**
     * Reads every message {@code source} holds beyond the cursor committed for {@code list}, and
     * commits documents and cursor together. Safe to interrupt: the next run goes on from the
     * last commit.
     *
     * @param list     the inbox name, searchable with {@code l:}
     * @param listener progress callbacks ({@link IngestListener#NONE} for none)
     */
    IngestSummary ingest(String list, ArchiveSource source, IngestListener listener)
            throws IOException;

    /**
     * Searches with public-inbox's query language, newest first.
     *
     * @param offset matches to skip
     * @param limit  matches to return at most, 0 for all
     * @throws QuerySyntaxException when the query is malformed; the message names the bad part
     */
    SearchResults search(String query, int offset, int limit)
            throws QuerySyntaxException, IOException;

    /**
     * Searches as {@link #search(String, int, int)}, at most at the cost {@code limits} allow: for
     * queries from untrusted users.
     *
     * @throws SearchLimitException when the query would expand to too many terms or ran out of
     *                              time; the message says which limit was hit
     */
    SearchResults search(String query, int offset, int limit, SearchLimits limits)
            throws QuerySyntaxException, SearchLimitException, IOException;

    /** The names of the inboxes that have messages here, sorted. */
    SortedSet<String> lists() throws IOException;

    /** A message by Message-ID (angle brackets optional). */
    Optional<StoredMessage> message(String messageId) throws IOException;

    /**
     * A message's bytes exactly as delivered, without parsing it: what mbox downloads and the
     * raw page serve (parsing would cost more than the rest of their work together).
     */
    Optional<byte[]> raw(String messageId) throws IOException;

    /**
     * The search results for those of {@code messageIds} the index holds, by Message-ID (without
     * angle brackets): a page's worth of known messages found by id, not by a query.
     */
    Map<String, SearchHit> hits(Collection<String> messageIds) throws IOException;

    /**
     * The bytes exactly as delivered of those of {@code messageIds} the index holds, by
     * Message-ID (without angle brackets): what a thread's or a search's mbox download reads, in
     * one pass instead of a lookup per message.
     */
    Map<String, byte[]> raw(Collection<String> messageIds) throws IOException;

    /** The thread holding a message, found by the Message-ID of any of its messages. */
    Optional<MessageThread> thread(String messageId) throws IOException;

    /**
     * The committed archive cursor of {@code list}: epoch to position.
     *
     * @throws java.io.UncheckedIOException when a remote index cannot be read
     */
    Map<String, String> cursor(String list);

    /** How many messages the index holds. */
    int size() throws IOException;

    /** The index's size on disk, in bytes (-1 when the index is not on this machine). */
    long sizeOnDisk() throws IOException;

    @Override
    void close() throws IOException;
}
