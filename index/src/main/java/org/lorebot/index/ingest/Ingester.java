package org.lorebot.index.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.lucene.document.Document;
import org.lorebot.analyzers.patch.PatchId;
import org.lorebot.index.archive.ArchiveEntry;
import org.lorebot.index.archive.ArchiveProblem;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.ArchiveVisitor;
import org.lorebot.index.mail.MailMessage;
import org.lorebot.index.mail.MailParser;
import org.lorebot.index.mail.MalformedMailException;
import org.lorebot.index.store.IndexedMessage;
import org.lorebot.index.store.DocumentStore;
import org.lorebot.index.store.MessageDocument;
import org.lorebot.index.thread.MessageReferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads an archive into the index: archive entries, then MIME parsing and document building on
 * a pool of threads, then, in archive order, duplicate checks and sequence numbers, then
 * documents added to Lucene by a second pool. Threads need nothing here: they are read from the
 * references each document carries. Every {@link IngestOptions#commitEvery()}
 * entries (and at the end) the writes are drained and committed together with the cursor, so a
 * run killed at any moment resumes from the last commit without losing or duplicating anything.
 *
 * <p>Bad input never stops a run: malformed messages and unreadable archive entries are logged,
 * counted, listed in the summary and skipped.
 */
public final class Ingester {

    private static final Logger LOG = LoggerFactory.getLogger(Ingester.class);
    private static final Object END = new Object();

    private final DocumentStore store;
    private final MailParser parser;
    private final IngestOptions options;

    public Ingester(DocumentStore store, MailParser parser, IngestOptions options) {
        this.store = store;
        this.parser = parser;
        this.options = options;
    }

    /**
     * Reads everything {@code source} holds after the committed cursor of {@code list}.
     *
     * @throws IOException when the archive or the index fails; what was committed stays, the
     *                     rest is rolled back (and read again by the next run)
     */
    public IngestSummary ingest(String list, ArchiveSource source, IngestListener listener)
            throws IOException {
        Run run = new Run(list, source, listener);
        try {
            return run.execute();
        } catch (IOException | RuntimeException | Error e) {
            store.rollback();
            throw e;
        } finally {
            run.shutdown();
        }
    }

    /** Documents an indexer thread adds in one task. */
    private static final int INDEX_BATCH = 8;
    /** Archive items the ingesting thread takes from the reader's queue at most at once. */
    private static final int TAKE_AT_ONCE = 16;

    /** A document for the indexers; {@code replaces} when the index holds its id already. */
    private record IndexWrite(String id, Document doc, boolean replaces) {
    }

    private final class Run {
        final String list;
        final ArchiveSource source;
        final IngestListener listener;
        final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(options.queueCapacity());
        final ExecutorService parsers = Executors.newFixedThreadPool(options.parseThreads(),
                named("lorebot-parse"));
        final ExecutorService indexers = Executors.newFixedThreadPool(options.indexThreads(),
                named("lorebot-index"));
        /** Batches handed to the indexers and not yet written: bounds the documents in flight. */
        final Semaphore inFlight =
                new Semaphore(Math.max(1, options.queueCapacity() / INDEX_BATCH));
        /** Documents gathered for the next batch (ingesting thread only). */
        final List<IndexWrite> batch = new ArrayList<>(INDEX_BATCH);
        /** Items taken from {@link #queue} at once and not yet handled (ingesting thread only). */
        final ArrayDeque<Object> taken = new ArrayDeque<>();
        final AtomicInteger pending = new AtomicInteger();
        final AtomicReference<Throwable> indexFailure = new AtomicReference<>();
        final AtomicReference<Throwable> readFailure = new AtomicReference<>();
        volatile boolean cancelled;
        Thread reader;

        final Map<String, String> cursor;
        long nextSequence;
        long read;
        long added;
        long removed;
        long duplicates;
        long malformed;
        long unreadable;
        final List<IngestProblem> problems = new ArrayList<>();
        /** Set once reading has started: taking them opens the index for writing. */
        KnownMessages known;
        MessageIdentities identities;

        Run(String list, ArchiveSource source, IngestListener listener) throws IOException {
            this.list = list;
            this.source = source;
            this.listener = listener;
            this.cursor = new HashMap<>(store.cursor(list));
            this.nextSequence = store.nextSequence();
        }

        IngestSummary execute() throws IOException {
            long startNanos = System.nanoTime();
            // Reading and parsing start first: what this thread does before its first message
            // (the estimate, opening the index for writing) then costs no wall time of its own.
            startReader(Map.copyOf(cursor));
            long estimate = source.estimate(Map.copyOf(cursor));
            listener.started(list, source.describe(), estimate);
            LOG.info("ingesting {} from {} ({})", list, source.describe(),
                    estimate < 0 ? "count not known before reading" : estimate + " entries expected");
            known = new KnownMessages(store);
            identities = new MessageIdentities(known, parser, this::storedDocument);
            long sinceCommit = 0;
            while (true) {
                Object item = take();
                if (item == END) {
                    break;
                }
                ParsedEntry parsed = resolve(item);
                handle(parsed);
                cursor.put(parsed.epoch(), parsed.position());
                read++;
                long refined = source.estimateWhileReading();
                listener.progress(read, refined < 0 ? estimate : Math.max(refined, read));
                if (++sinceCommit >= options.commitEvery()) {
                    commit();
                    sinceCommit = 0;
                }
            }
            Throwable failure = readFailure.get();
            if (failure != null) {
                throw asIOException("reading " + source.describe() + " failed", failure);
            }
            listener.progress(read, read); // the whole archive is read: the total is known
            commit();
            store.refresh();
            IngestSummary summary = new IngestSummary(list, read, added, removed, duplicates,
                    malformed, unreadable, problems, Duration.ofNanos(System.nanoTime() - startNanos));
            LOG.info("ingested {}: {} read, {} added, {} removed, {} duplicates, {} malformed,"
                    + " {} unreadable in {} ms", list, read, added, removed, duplicates, malformed,
                    unreadable, summary.elapsed().toMillis());
            listener.finished(summary);
            return summary;
        }

        private void startReader(Map<String, String> from) {
            reader = new Thread(() -> {
                try {
                    source.read(from, new ArchiveVisitor() {
                        @Override
                        public void entry(ArchiveEntry entry) {
                            put(CompletableFuture.supplyAsync(() -> parse(entry), parsers));
                        }

                        @Override
                        public void problem(ArchiveProblem problem) {
                            put(ParsedEntry.unreadable(problem));
                        }
                    });
                } catch (Cancelled c) {
                    return;
                } catch (Throwable t) {
                    readFailure.set(t);
                }
                try {
                    put(END);
                } catch (Cancelled c) {
                    // the run ended before the read (it failed): nobody waits for the end
                }
            }, "lorebot-read");
            reader.setDaemon(true);
            reader.start();
        }

        private void put(Object item) {
            try {
                while (!cancelled) {
                    if (queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new Cancelled();
        }

        /**
         * The next item in archive order. Items are taken several at a time: taken one by one,
         * each woke the reader, which waits for room in the queue, once for every message.
         */
        private Object take() throws IOException {
            if (taken.isEmpty()) {
                try {
                    taken.add(queue.take());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("ingest interrupted");
                }
                queue.drainTo(taken, TAKE_AT_ONCE - 1);
            }
            return taken.poll();
        }

        private ParsedEntry resolve(Object item) throws IOException {
            if (item instanceof ParsedEntry parsed) {
                return parsed;
            }
            try {
                @SuppressWarnings("unchecked")
                Future<ParsedEntry> future = (Future<ParsedEntry>) item;
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("ingest interrupted");
            } catch (ExecutionException e) {
                throw asIOException("parsing failed", e.getCause());
            }
        }

        /** Runs on the parser pool: everything about one entry that needs no ordering. */
        private ParsedEntry parse(ArchiveEntry entry) {
            try {
                MailMessage message = parser.parse(entry.raw(), entry.time());
                store.expect(message.messageId());
                if (entry.kind() == ArchiveEntry.Kind.REMOVE) {
                    return ParsedEntry.parsed(entry, new IndexedMessage(list, message, List.of(),
                            null, entry.raw(), entry.epoch(), entry.blob()), null);
                }
                IndexedMessage indexed = new IndexedMessage(list, message,
                        MessageReferences.of(message), PatchId.of(message.body()), entry.raw(),
                        entry.epoch(), entry.blob(), entry.time());
                return ParsedEntry.parsed(entry, indexed, MessageDocument.of(indexed));
            } catch (MalformedMailException e) {
                return ParsedEntry.malformed(entry, e.getMessage());
            } catch (RuntimeException e) {
                // A parser bug on one odd message must not stop the archive.
                LOG.warn("cannot parse message at {} {}", entry.epoch(), entry.position(), e);
                return ParsedEntry.malformed(entry, "unparseable: " + e);
            }
        }

        /** Runs on the ingesting thread, in archive order. */
        private void handle(ParsedEntry parsed) throws IOException {
            if (parsed.problem() != null) {
                unreadable++;
                problem(parsed.epoch(), parsed.position(), parsed.problem().reason());
                LOG.warn("unreadable archive entry {} {}: {}", parsed.epoch(), parsed.position(),
                        parsed.problem().reason());
                return;
            }
            if (parsed.malformedReason() != null) {
                malformed++;
                problem(parsed.epoch(), parsed.position(), parsed.malformedReason());
                LOG.warn("malformed message at {} {}: {}", parsed.epoch(), parsed.position(),
                        parsed.malformedReason());
                return;
            }
            MailMessage message = parsed.message().message();
            String id = message.messageId();
            if (parsed.entry().kind() == ArchiveEntry.Kind.REMOVE) {
                drain();
                if (known.contains(id)) {
                    known.removed(id);
                    store.delete(id);
                    removed++;
                    LOG.info("removed <{}>", id);
                } else {
                    LOG.info("removal of <{}>, which is not indexed", id);
                }
                return;
            }
            long sequence = nextSequence;
            IndexedMessage indexed = parsed.message();
            Document doc = parsed.document();
            if (known.contains(id)) {
                Document crossPost = identities.crossPost(indexed, list);
                if (crossPost != null) {
                    known.added(id);
                    index(id, crossPost, true);
                    duplicates++; // stored once, as a duplicate is; it only joined this list
                    LOG.info("<{}> at {} {} is cross-posted: found under {} too", id,
                            parsed.epoch(), parsed.position(), list);
                    return;
                }
                String other = identities.unusedId(indexed, parsed.entry().blob() != null);
                if (other == null) {
                    duplicates++;
                    LOG.info("duplicate <{}> at {} {}: the first delivery is kept", id,
                            parsed.epoch(), parsed.position());
                    return;
                }
                LOG.info("<{}> at {} {} is another message than the one indexed under that id:"
                        + " indexed as <{}>", id, parsed.epoch(), parsed.position(), other);
                id = other;
                indexed = indexed.withMessageId(other);
                doc = MessageDocument.of(indexed);
            }
            known.added(id);
            nextSequence++;
            MessageDocument.setSequence(doc, sequence);
            index(id, doc, false);
            added++;
        }

        /** The stored fields of a document, once every write handed to the indexers is in. */
        private Document storedDocument(String id) throws IOException {
            drain();
            store.refresh();
            return store.storedDocument(id).orElse(null);
        }

        /**
         * Hands a document to the indexers; {@code replaces} when the index holds its id already.
         * A new id is added without a delete term: the run's known ids say it is new, and a
         * delete term per document would be looked up in every segment at each flush. Documents
         * go in batches of {@link #INDEX_BATCH}, one task and one permit each: per document, the
         * hand-offs woke this thread and an indexer for every message.
         */
        private void index(String id, Document doc, boolean replaces) throws IOException {
            checkIndexFailure();
            batch.add(new IndexWrite(id, doc, replaces));
            if (batch.size() == INDEX_BATCH) {
                handOver();
            }
        }

        /** Hands the documents gathered so far to an indexer thread. */
        private void handOver() throws IOException {
            if (batch.isEmpty()) {
                return;
            }
            List<IndexWrite> writes = List.copyOf(batch);
            batch.clear();
            acquire();
            pending.incrementAndGet();
            indexers.execute(() -> {
                try {
                    for (IndexWrite write : writes) {
                        if (write.replaces()) {
                            store.put(write.id(), write.doc());
                        } else {
                            store.add(write.doc());
                        }
                    }
                } catch (Throwable t) {
                    indexFailure.compareAndSet(null, t);
                } finally {
                    inFlight.release();
                    finished();
                }
            });
        }

        /**
         * Writes the buffered documents out as segments on every indexer thread side by side, so
         * that the commit after it has nothing left to flush alone on this thread.
         */
        private void flushBuffers() throws IOException {
            drain();
            for (int i = 0; i < options.indexThreads(); i++) {
                pending.incrementAndGet();
                indexers.execute(() -> {
                    try {
                        while (store.flushNextBuffer()) {
                            // the next thread's buffer, until none holds documents
                        }
                    } catch (Throwable t) {
                        indexFailure.compareAndSet(null, t);
                    } finally {
                        finished();
                    }
                });
            }
            drain();
        }

        private void finished() {
            if (pending.decrementAndGet() == 0) {
                synchronized (pending) {
                    pending.notifyAll();
                }
            }
        }

        private void acquire() throws IOException {
            try {
                inFlight.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("ingest interrupted");
            }
        }

        /** Waits until every document given to {@link #index} is in the writer. */
        private void drain() throws IOException {
            handOver();
            synchronized (pending) {
                while (pending.get() > 0) {
                    try {
                        pending.wait(50);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new InterruptedIOException("ingest interrupted");
                    }
                }
            }
            checkIndexFailure();
        }

        private void checkIndexFailure() throws IOException {
            Throwable failure = indexFailure.get();
            if (failure != null) {
                throw asIOException("adding to the index failed", failure);
            }
        }

        private void commit() throws IOException {
            flushBuffers();
            store.commit(list, cursor, nextSequence);
            known.renew();
            listener.committed(Map.copyOf(cursor));
        }

        private void problem(String epoch, String position, String reason) {
            if (problems.size() < IngestSummary.MAX_PROBLEMS_LISTED) {
                problems.add(new IngestProblem(epoch, position, reason));
            }
        }

        void shutdown() {
            try {
                if (known != null) {
                    known.close();
                }
            } catch (IOException e) {
                LOG.warn("cannot release the index snapshot", e);
            }
            cancelled = true;
            queue.clear();
            parsers.shutdownNow();
            indexers.shutdown();
            try {
                if (reader != null) {
                    reader.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static IOException asIOException(String what, Throwable cause) {
        if (cause instanceof IOException io) {
            return io;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IOException(what + ": " + cause, cause);
    }

    private static ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Stops the reading thread once the run has ended. */
    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
