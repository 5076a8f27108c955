package org.lorebot.index.solr;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.common.SolrDocument;
import org.lorebot.config.IndexConfig;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestOptions;
import org.lorebot.index.ingest.IngestSummary;
import org.lorebot.index.ingest.Ingester;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.lorebot.index.query.QuerySyntaxException;
import org.lorebot.index.search.MailSearcher;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchLimitException;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchLimits;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.StoredMessage;

/**
 * The {@link MailIndex} on a SolrCloud collection (see {@code lorebot solr init}). Ingest is
 * lorebot's own ({@link Ingester}: same parsing, dedup and identities as the local index), its
 * batches written by {@link SolrStore}, which stores each message's thread root and routes the
 * message by it; searches fan out over the shards, a thread is one shard's query.
 */
public final class SolrMailIndex implements MailIndex {

    /** A batch is held in memory until committed: smaller than the local index's default. */
    private static final int MAX_BATCH = 2_000;

    private final SolrCollection solr;
    private final SolrSearcher searcher;
    private final MailParser parser = new MailParser();
    private final IngestOptions options;
    private final ReentrantLock ingestLock = new ReentrantLock();

    private SolrMailIndex(SolrCollection solr, IngestOptions options) {
        this.solr = solr;
        this.searcher = new SolrSearcher(solr);
        this.options = options.commitEvery() > MAX_BATCH ? options.withCommitEvery(MAX_BATCH)
                : options;
    }

    /**
     * Connects to the configured collection, which must exist.
     *
     * @throws IOException naming the cluster when it cannot be reached or has no such collection
     */
    public static SolrMailIndex connect(IndexConfig config, IngestOptions options)
            throws IOException {
        SolrClient client = SolrClusters.client(config);
        SolrCollection collection = new SolrCollection(client, config.collection());
        try {
            new SolrSearcher(collection).size();
        } catch (IOException | RuntimeException e) {
            client.close();
            throw new IOException("cannot use Solr collection " + config.collection() + " at "
                    + SolrClusters.describe(config) + " (run lorebot solr init to create it): "
                    + rootMessage(e), e);
        }
        return new SolrMailIndex(collection, options);
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof java.net.ConnectException) {
            return "cannot connect" + (t.getMessage() == null ? "" : " (" + t.getMessage() + ")");
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }

    @Override
    public IngestSummary ingest(String list, ArchiveSource source, IngestListener listener)
            throws IOException {
        ingestLock.lock();
        try {
            SolrStore store = new SolrStore(solr, new Reindexing(parser));
            return new Ingester(store, parser, options).ingest(list, source, listener);
        } finally {
            ingestLock.unlock();
        }
    }

    @Override
    public SearchResults search(String query, int offset, int limit)
            throws QuerySyntaxException, IOException {
        try {
            return searcher.search(query, offset, limit, null);
        } catch (SearchLimitException e) {
            throw new IllegalStateException("no limits were set", e);
        }
    }

    @Override
    public SearchResults search(String query, int offset, int limit, SearchLimits limits)
            throws QuerySyntaxException, SearchLimitException, IOException {
        return searcher.search(query, offset, limit, limits);
    }

    @Override
    public SortedSet<String> lists() throws IOException {
        return searcher.lists();
    }

    @Override
    public Optional<StoredMessage> message(String messageId) throws IOException {
        Optional<SolrDocument> found = solr.message(MailSearcher.bare(messageId), "*");
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SolrDocument doc = found.get();
        byte[] raw = SolrDocuments.bytes(doc.getFirstValue(IndexFields.RAW));
        String id = (String) doc.getFirstValue(IndexFields.MID);
        Instant date = Instant.ofEpochSecond(SolrCollection.number(doc, IndexFields.DATE));
        String epoch = (String) doc.getFirstValue(IndexFields.EPOCH);
        try {
            return Optional.of(new StoredMessage(parser.parse(raw, date),
                    (String) doc.getFirstValue(IndexFields.LIST),
                    (String) doc.getFirstValue(SolrFields.THREAD), raw, epoch == null ? "" : epoch,
                    (String) doc.getFirstValue(IndexFields.BLOB)));
        } catch (MalformedMailException e) {
            throw new IOException("indexed message <" + id + "> no longer parses: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> raw(String messageId) throws IOException {
        return solr.message(MailSearcher.bare(messageId), IndexFields.RAW)
                .map(doc -> SolrDocuments.bytes(doc.getFirstValue(IndexFields.RAW)));
    }

    @Override
    public Map<String, SearchHit> hits(Collection<String> messageIds) throws IOException {
        return searcher.hits(messageIds);
    }

    @Override
    public Map<String, byte[]> raw(Collection<String> messageIds) throws IOException {
        Map<String, byte[]> found = new HashMap<>();
        for (SolrDocument doc : solr.byMessageIds(bare(messageIds),
                IndexFields.MID + "," + IndexFields.RAW)) {
            found.put((String) doc.getFirstValue(IndexFields.MID),
                    SolrDocuments.bytes(doc.getFirstValue(IndexFields.RAW)));
        }
        return found;
    }

    static List<String> bare(Collection<String> messageIds) {
        List<String> ids = new ArrayList<>(messageIds.size());
        for (String id : messageIds) {
            ids.add(MailSearcher.bare(id));
        }
        return ids;
    }

    @Override
    public Optional<MessageThread> thread(String messageId) throws IOException {
        return searcher.thread(messageId);
    }

    @Override
    public Map<String, String> cursor(String list) {
        try {
            return solr.cursor(list);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int size() throws IOException {
        return searcher.size();
    }

    /** The collection's files are on the Solr nodes, not here. */
    @Override
    public long sizeOnDisk() {
        return -1;
    }

    @Override
    public void close() throws IOException {
        solr.close();
    }
}
