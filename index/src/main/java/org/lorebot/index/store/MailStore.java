package org.lorebot.index.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.lorebot.index.codec.LorebotCodec;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;

/**
 * The Lucene index of one data directory: documents keyed by Message-ID, and the archive cursor
 * kept in the commit's user data so that documents and cursor become durable together.
 *
 * <p>The writer is opened on first write (so readers can open an index another process is
 * writing); searches see what was added so far, committed or not. Segments are opened on first
 * search, by the writer's reader when there is a writer by then, so that an ingest opens each
 * once. A store without a writer sees other processes' commits after {@link #refresh()}: its
 * caller asks {@link #commitGeneration()} (one directory listing) and refreshes only when that
 * moved, so a search does not re-read the commit point.
 */
public final class MailStore implements DocumentStore, AutoCloseable {

    /** How often a thread waiting for others' flushes looks again: a flush takes far longer. */
    private static final long FLUSH_POLL_NANOS = 1_000_000;
    private static final String CURSOR_PREFIX = "cursor\t";
    private static final String NEXT_SEQUENCE = "next-sequence";
    /** The layout version, in the commit data: 2 added the reference terms threads are read from. */
    private static final String FORMAT = "format";
    private static final String CURRENT_FORMAT = "2";

    private final Directory directory;
    private IndexWriter writer;
    /** Null until the first search. */
    private SearcherManager searchers;
    private Map<String, String> committedData;
    /** The generation of this store's own latest commit, while it holds the writer. */
    private long ownGeneration;

    private MailStore(Directory directory) throws IOException {
        this.directory = directory;
        if (!DirectoryReader.indexExists(directory)) {
            try (IndexWriter created = new IndexWriter(directory, config())) {
                created.setLiveCommitData(Map.of(FORMAT, CURRENT_FORMAT).entrySet());
                created.commit();
            }
        }
        SegmentInfos latest = SegmentInfos.readLatestCommit(directory);
        this.committedData = Collections.unmodifiableMap(new HashMap<>(latest.getUserData()));
        if (!CURRENT_FORMAT.equals(committedData.get(FORMAT)) && documents(latest) > 0) {
            throw new IOException("the index in " + directory + " was written by an older"
                    + " lorebot that did not keep what threads are read from: move it away"
                    + " and run lorebot ingest again");
        }
    }

    /** The live documents of a commit, from its segment list alone (no segment opened). */
    private static long documents(SegmentInfos commit) {
        long documents = 0;
        for (SegmentCommitInfo segment : commit) {
            documents += segment.info.maxDoc() - segment.getDelCount();
        }
        return documents;
    }

    /**
     * Whether {@code dir} holds an index anything was ever committed to: documents, or a cursor
     * (an archive read, even an empty one). A directory a failed first ingest left has neither.
     */
    public static boolean hasContent(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Directory directory = FSDirectory.open(dir)) {
            if (!DirectoryReader.indexExists(directory)) {
                return false;
            }
            // The commit point alone: opening every segment to count would cost a command
            // as much as its search.
            SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
            return documents(commit) > 0 || commit.getUserData().keySet().stream()
                    .anyMatch(key -> key.startsWith(CURSOR_PREFIX));
        }
    }

    /** Opens (creating when absent) the index in {@code dir}. */
    public static MailStore open(Path dir) throws IOException {
        Files.createDirectories(dir);
        return new MailStore(FSDirectory.open(dir));
    }

    private static IndexWriterConfig config() {
        IndexWriterConfig config = new IndexWriterConfig(new MailAnalyzer());
        // Stored fields hold the raw messages: zstd keeps the index smaller than the mail.
        // Segments an older lorebot wrote with Lucene's DEFLATE stay readable and are
        // rewritten with zstd when merged.
        config.setCodec(new LorebotCodec());
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(48);
        config.setCommitOnClose(false);
        return config;
    }

    private synchronized IndexWriter writer() throws IOException {
        if (writer == null) {
            try {
                writer = new IndexWriter(directory, config());
            } catch (LockObtainFailedException e) {
                throw new IOException("another process is writing to the index in " + directory
                        + " (only one ingest at a time)", e);
            }
            // another process may have committed since this store was opened
            committedData = readCommitData();
            ownGeneration = SegmentInfos.getLastCommitGeneration(directory);
            SearcherManager old = searchers;
            searchers = new SearcherManager(writer, null);
            if (old != null) {
                old.close();
            }
        }
        return writer;
    }

    @Override
    public synchronized Map<String, String> cursor(String list) {
        Map<String, String> cursor = new HashMap<>();
        String prefix = CURSOR_PREFIX + list + "\t";
        for (Map.Entry<String, String> e : committedData.entrySet()) {
            if (e.getKey().startsWith(prefix)) {
                cursor.put(e.getKey().substring(prefix.length()), e.getValue());
            }
        }
        return cursor;
    }

    @Override
    public synchronized long nextSequence() {
        return Long.parseLong(committedData.getOrDefault(NEXT_SEQUENCE, "1"));
    }

    @Override
    public void put(String messageId, Document doc) throws IOException {
        writer().updateDocument(new Term(IndexFields.MID, messageId), doc);
    }

    /**
     * Adds the document of a Message-ID the index does not hold (the caller knows): unlike
     * {@link #put}, nothing is deleted first. Thread-safe.
     */
    @Override
    public void add(Document doc) throws IOException {
        writer().addDocument(doc);
    }

    /**
     * Writes one in-memory buffer of added documents out as a segment on the calling thread (as
     * {@link IndexWriter#flushNextBuffer()}); false once every buffer is written, those other
     * threads took included. Thread-safe: several threads flush several buffers at once, where a
     * commit would flush them one after another.
     *
     * <p>Lucene's own call also answers false when another thread took the buffer this one chose
     * an instant before, though another buffer is still there: two threads starting together then
     * often wrote both buffers one after the other (on linux-mtd, the whole final flush, 0.4 s,
     * on one core). So a false from Lucene is believed only when no document is left in memory.
     */
    @Override
    public boolean flushNextBuffer() throws IOException {
        IndexWriter w = writer();
        while (!w.flushNextBuffer()) {
            if (w.numRamDocs() == 0) {
                return false;
            }
            // another thread is writing out a buffer, maybe the last: look again shortly
            LockSupport.parkNanos(FLUSH_POLL_NANOS);
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while buffers were written out");
            }
        }
        return true;
    }

    /** Documents added and not yet written out as a segment (for tests). */
    int bufferedDocuments() throws IOException {
        return writer().numRamDocs();
    }

    @Override
    public void delete(String messageId) throws IOException {
        writer().deleteDocuments(new Term(IndexFields.MID, messageId));
    }

    /**
     * Makes everything written so far durable together with {@code list}'s cursor and the next
     * sequence number: after a crash the index holds exactly the documents up to that cursor.
     */
    @Override
    public synchronized void commit(String list, Map<String, String> cursor, long nextSequence)
            throws IOException {
        IndexWriter w = writer();
        Map<String, String> data = new HashMap<>(committedData);
        for (Map.Entry<String, String> e : cursor.entrySet()) {
            data.put(CURSOR_PREFIX + list + "\t" + e.getKey(), e.getValue());
        }
        data.put(NEXT_SEQUENCE, Long.toString(nextSequence));
        data.put(FORMAT, CURRENT_FORMAT);
        w.setLiveCommitData(data.entrySet());
        w.commit();
        ownGeneration = SegmentInfos.getLastCommitGeneration(directory);
        committedData = data;
        searchers.maybeRefresh();
    }

    /** Drops everything written since the last commit (and closes the writer). */
    @Override
    public synchronized void rollback() throws IOException {
        if (writer != null) {
            SearcherManager old = searchers;
            writer.rollback();
            writer = null;
            old.close();
            searchers = null;
        }
        committedData = readCommitData();
    }

    /**
     * The generation of the index's latest commit on disk: it changes when any process commits,
     * so a reader can tell that documents arrived from elsewhere. While this store holds the
     * writer no other process can commit, and the answer comes from memory.
     */
    public long commitGeneration() throws IOException {
        synchronized (this) {
            if (writer != null) {
                return ownGeneration;
            }
        }
        return SegmentInfos.getLastCommitGeneration(directory);
    }

    /** Makes recent writes, this process's or committed by another, visible to {@link #acquire()}. */
    @Override
    public void refresh() throws IOException {
        searcherManager().maybeRefreshBlocking();
    }

    private synchronized boolean writing() {
        return writer != null;
    }

    private synchronized SearcherManager searcherManager() throws IOException {
        if (searchers == null) {
            searchers = new SearcherManager(directory, null);
        }
        return searchers;
    }

    /**
     * A searcher over the current documents (with a writer here: uncommitted ones too; without:
     * those of the commit last {@link #refresh() refreshed} to); give it back with
     * {@link #release}.
     */
    public IndexSearcher acquire() throws IOException {
        SearcherManager manager = searcherManager();
        if (writing()) {
            // Near-real-time: a check in memory, no file read.
            manager.maybeRefresh();
        }
        IndexSearcher searcher = manager.acquire();
        searcher.setQueryCache(null);
        return searcher;
    }

    public void release(IndexSearcher searcher) throws IOException {
        // The searcher may come from a manager replaced since (writer opened): closing its reader
        // through decRef is what both managers would do.
        searcher.getIndexReader().decRef();
    }

    @Override
    public java.util.Optional<Document> storedDocument(String messageId) throws IOException {
        IndexSearcher searcher = acquire();
        try {
            return storedDocument(searcher, messageId);
        } finally {
            release(searcher);
        }
    }

    /** The stored fields of the document indexed under {@code messageId} in {@code searcher}. */
    public static java.util.Optional<Document> storedDocument(IndexSearcher searcher,
            String messageId) throws IOException {
        org.apache.lucene.search.TopDocs top = searcher.search(
                new org.apache.lucene.search.TermQuery(new Term(IndexFields.MID, messageId)), 1);
        if (top.scoreDocs.length == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(searcher.storedFields().document(top.scoreDocs[0].doc));
    }

    /**
     * The ids of a searcher over the current documents, held until closed. Only an ingest asks,
     * and it is about to write: the writer is opened first, so that its reader is the only one
     * that opens the segments.
     */
    @Override
    public KnownIds knownIds() throws IOException {
        writer();
        IndexSearcher snapshot = acquire();
        ThreadRecords records = new ThreadRecords(snapshot.getIndexReader());
        return new KnownIds() {
            @Override
            public boolean contains(String messageId) throws IOException {
                return records.contains(messageId);
            }

            @Override
            public boolean isEmpty() {
                return snapshot.getIndexReader().numDocs() == 0;
            }

            @Override
            public java.util.Optional<Document> storedDocument(String messageId)
                    throws IOException {
                return MailStore.storedDocument(snapshot, messageId);
            }

            @Override
            public void close() throws IOException {
                release(snapshot);
            }
        };
    }

    private Map<String, String> readCommitData() throws IOException {
        return Collections.unmodifiableMap(
                new HashMap<>(SegmentInfos.readLatestCommit(directory).getUserData()));
    }

    /** The index's size on disk in bytes. */
    public long sizeOnDisk() throws IOException {
        long total = 0;
        for (String file : directory.listAll()) {
            try {
                total += directory.fileLength(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                // merged away while listing
            }
        }
        return total;
    }

    @Override
    public synchronized void close() throws IOException {
        if (searchers != null) {
            searchers.close();
        }
        if (writer != null) {
            writer.close();
            writer = null;
        }
        directory.close();
    }
}
