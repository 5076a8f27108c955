package org.lorebot.index.search;

import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexReader;
import org.lorebot.index.thread.ThreadGraph;

/**
 * Thread graphs already built from one index snapshot, kept for later searches over the same
 * snapshot: a page of 200 results asks for the threads of 200 messages, and the next visitor asks
 * again. A graph holds only for the snapshot it was read from (a new message can join or re-root
 * any thread), so the cache empties itself as soon as it is asked about another snapshot: after a
 * commit, an ingest's refresh, or another process's commit caught up with. It holds at most
 * {@code maxIds} ids (messages and ghosts); past that it starts afresh rather than track which
 * thread was used last. Thread-safe.
 */
final class ThreadCache {

    private final int maxIds;
    private volatile Shelf shelf = new Shelf(null);

    /** The graphs of one snapshot, by every id in them. */
    private static final class Shelf {
        final IndexReader.CacheKey snapshot;
        final ConcurrentHashMap<String, ThreadGraph> graphs = new ConcurrentHashMap<>();
        final AtomicInteger ids = new AtomicInteger();

        Shelf(IndexReader.CacheKey snapshot) {
            this.snapshot = snapshot;
        }
    }

    ThreadCache(int maxIds) {
        this.maxIds = maxIds;
    }

    /** The graph of the thread holding {@code id} in {@code reader}'s snapshot, or null if not kept. */
    ThreadGraph get(IndexReader reader, String id) {
        Shelf current = shelf;
        IndexReader.CacheKey snapshot = snapshot(reader);
        return snapshot != null && current.snapshot == snapshot ? current.graphs.get(id) : null;
    }

    /** Keeps {@code graph}, read from {@code reader}, under each of its {@code ids}. */
    void put(IndexReader reader, ThreadGraph graph, Collection<String> ids) {
        IndexReader.CacheKey snapshot = snapshot(reader);
        if (snapshot == null || ids.size() > maxIds) {
            return;
        }
        Shelf current = shelf;
        if (current.snapshot != snapshot || current.ids.get() + ids.size() > maxIds) {
            // Another snapshot, or full: a searcher still on an older snapshot may swap the
            // newer shelf out too, which costs a rebuild, never a wrong answer.
            current = new Shelf(snapshot);
            shelf = current;
        }
        for (String id : ids) {
            current.graphs.put(id, graph);
        }
        current.ids.addAndGet(ids.size());
    }

    /** How many ids are kept now. */
    int size() {
        return shelf.graphs.size();
    }

    private static IndexReader.CacheKey snapshot(IndexReader reader) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        return helper == null ? null : helper.getKey();
    }
}
