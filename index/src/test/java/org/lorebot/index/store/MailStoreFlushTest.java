package org.lorebot.index.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.search.IndexSearcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ingest writes its buffers out on every indexing thread at once before a commit, each
 * thread asking {@link MailStore#flushNextBuffer()} until it answers false. A false while
 * another buffer is still in memory made one thread write both, one after the other.
 */
class MailStoreFlushTest {

    private static final int THREADS = 2;
    private static final int DOCUMENTS_PER_THREAD = 400;
    private static final int ROUNDS = 10;

    @Test
    void falseMeansEveryBufferIsWrittenAndEveryDocumentStays(@TempDir Path dir) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        try (MailStore store = MailStore.open(dir)) {
            int added = 0;
            for (int round = 0; round < ROUNDS; round++) {
                added += fillBuffersSideBySide(store, threads, round);
                CyclicBarrier start = new CyclicBarrier(THREADS);
                List<Future<Integer>> leftWhenToldNone = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    leftWhenToldNone.add(threads.submit(() -> {
                        start.await();
                        while (store.flushNextBuffer()) {
                            // the next buffer, until none is left
                        }
                        return store.bufferedDocuments();
                    }));
                }
                for (Future<Integer> left : leftWhenToldNone) {
                    assertEquals(0, left.get(), "round " + round
                            + ": told no buffer was left while documents were still in memory");
                }
                assertEquals(0, store.bufferedDocuments());
            }
            store.commit("test", Map.of(), added + 1);
            IndexSearcher searcher = store.acquire();
            try {
                assertEquals(added, searcher.getIndexReader().numDocs());
            } finally {
                store.release(searcher);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /** Adds documents from every thread at once, so that each fills a buffer of its own. */
    private static int fillBuffersSideBySide(MailStore store, ExecutorService threads, int round)
            throws Exception {
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Callable<Void>> fills = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            fills.add(() -> {
                start.await();
                for (int i = 0; i < DOCUMENTS_PER_THREAD; i++) {
                    Document doc = new Document();
                    String id = round + "." + thread + "." + i + "@flush.test";
                    doc.add(new StringField(IndexFields.MID, id, Field.Store.YES));
                    doc.add(new TextField(IndexFields.NOT_QUOTED,
                            "words to write out " + i + " in round " + round, Field.Store.NO));
                    store.add(doc);
                }
                return null;
            });
        }
        for (Future<Void> fill : threads.invokeAll(fills)) {
            fill.get();
        }
        return THREADS * DOCUMENTS_PER_THREAD;
    }
}
