package org.lorebot.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.Document;
import org.apache.lucene.util.BytesRef;
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
import org.lorebot.index.search.SearchLimits;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.SearchResults;
import org.lorebot.index.store.IndexFields;
import org.lorebot.index.store.MailStore;
import org.lorebot.index.store.StoredMessage;

/**
 * The local {@link MailIndex}: one Lucene index in {@code <dataDir>/lucene}. Several inboxes can
 * share it ({@code l:} tells them apart); each keeps its own archive cursor, in the Lucene
 * commit's user data. Threads are read from the index when asked for, one thread at a time (its
 * messages are found through the references they carry), so opening an index reads nothing per
 * message; a search sees what another process committed since. One process at a time may ingest
 * into a data directory (another gets an IOException saying so); searching is thread-safe and
 * may run while ingesting.
 */
public final class LuceneMailIndex implements MailIndex {

    private static final String LUCENE_DIR = "lucene";

    private final MailStore store;
    private final MailSearcher searcher;
    private final MailParser parser = new MailParser();
    private final IngestOptions options;
    /** Held while this index ingests or catches up with another process's commits. */
    private final ReentrantLock ingestLock = new ReentrantLock();
    private volatile long seenGeneration;

    private LuceneMailIndex(MailStore store, IngestOptions options) throws IOException {
        this.store = store;
        this.options = options;
        this.searcher = new MailSearcher(store);
        this.seenGeneration = store.commitGeneration();
    }

    /** Whether {@code dataDir} holds an index something was ingested into. */
    public static boolean exists(Path dataDir) throws IOException {
        return MailStore.hasContent(dataDir.resolve(LUCENE_DIR));
    }

    /**
     * Removes what opening an index in {@code dataDir} created when nothing was ingested into it
     * (a failed first ingest), so that later commands say "no index here" rather than finding
     * nothing; {@code dataDir} itself goes too when that leaves it empty. An index with content
     * is never touched.
     */
    public static void removeIfEmpty(Path dataDir) throws IOException {
        Path lucene = dataDir.resolve(LUCENE_DIR);
        if (!Files.isDirectory(lucene) || exists(dataDir)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = Files.list(lucene)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(lucene);
        try (java.util.stream.Stream<Path> left = Files.list(dataDir)) {
            if (left.findAny().isEmpty()) {
                Files.deleteIfExists(dataDir);
            }
        }
    }

    /** Opens the index in {@code dataDir}, creating it when absent. */
    public static LuceneMailIndex open(Path dataDir, IngestOptions options) throws IOException {
        return new LuceneMailIndex(MailStore.open(dataDir.resolve(LUCENE_DIR)), options);
    }

    @Override
    public IngestSummary ingest(String list, ArchiveSource source, IngestListener listener)
            throws IOException {
        ingestLock.lock();
        try {
            return new Ingester(store, parser, options).ingest(list, source, listener);
        } finally {
            seenGeneration = store.commitGeneration();
            ingestLock.unlock();
        }
    }

    @Override
    public SearchResults search(String query, int offset, int limit)
            throws QuerySyntaxException, IOException {
        catchUp();
        return searcher.search(query, offset, limit);
    }

    @Override
    public SearchResults search(String query, int offset, int limit, SearchLimits limits)
            throws QuerySyntaxException, SearchLimitException, IOException {
        catchUp();
        return searcher.search(query, offset, limit, limits);
    }

    @Override
    public SortedSet<String> lists() throws IOException {
        catchUp();
        return searcher.lists();
    }

    @Override
    public Optional<StoredMessage> message(String messageId) throws IOException {
        catchUp();
        Optional<Document> found = searcher.document(messageId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Document doc = found.get();
        BytesRef raw = doc.getBinaryValue(IndexFields.RAW);
        byte[] bytes = java.util.Arrays.copyOfRange(raw.bytes, raw.offset, raw.offset + raw.length);
        String id = doc.get(IndexFields.MID);
        Instant date = Instant.ofEpochSecond(doc.getField(IndexFields.DATE).numericValue().longValue());
        try {
            return Optional.of(new StoredMessage(parser.parse(bytes, date), doc.get(IndexFields.LIST),
                    searcher.threadRoot(id), bytes, doc.get(IndexFields.EPOCH),
                    doc.get(IndexFields.BLOB)));
        } catch (MalformedMailException e) {
            throw new IOException("indexed message <" + id + "> no longer parses: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public Optional<byte[]> raw(String messageId) throws IOException {
        return Optional.ofNullable(searcher.raw(List.of(messageId)).get(MailSearcher.bare(messageId)));
    }

    @Override
    public Map<String, SearchHit> hits(Collection<String> messageIds) throws IOException {
        catchUp();
        return searcher.hits(messageIds);
    }

    @Override
    public Map<String, byte[]> raw(Collection<String> messageIds) throws IOException {
        catchUp();
        return searcher.raw(messageIds);
    }

    @Override
    public Optional<MessageThread> thread(String messageId) throws IOException {
        catchUp();
        return searcher.thread(messageId);
    }

    @Override
    public Map<String, String> cursor(String list) {
        return store.cursor(list);
    }

    @Override
    public int size() throws IOException {
        catchUp();
        return searcher.size();
    }

    @Override
    public long sizeOnDisk() throws IOException {
        return store.sizeOnDisk();
    }

    /**
     * When another process committed to the index since (a daemon ingesting while this process
     * serves searches), makes its documents visible: one directory listing per call when nothing
     * changed. Skipped while this index is ingesting itself: its searcher is then the freshest
     * there is.
     */
    private void catchUp() throws IOException {
        if (seenGeneration == store.commitGeneration() || !ingestLock.tryLock()) {
            return;
        }
        try {
            long generation = store.commitGeneration();
            store.refresh();
            seenGeneration = generation;
        } finally {
            ingestLock.unlock();
        }
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
