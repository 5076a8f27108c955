package org.lorebot.index.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexReader;
import org.lorebot.index.store.ThreadRecords;
import org.lorebot.index.store.ThreadingRecord;
import org.lorebot.index.thread.ThreadGraph;

/**
 * The threads of one index snapshot, each built when first asked for from its own messages'
 * records: a thread is a connected component of the reference graph, so building it alone gives
 * what building the whole archive would, at the cost of the thread. Built threads go to a
 * {@link ThreadCache} shared by the searches over the same snapshot. Not thread-safe: one per
 * search.
 */
final class Threads {

    private final IndexReader reader;
    private final ThreadCache cache;
    /** This search's own threads, for a reader the cache cannot tell apart from others. */
    private final Map<String, ThreadGraph> built = new HashMap<>();
    private ThreadRecords records;

    Threads(IndexReader reader, ThreadCache cache) {
        this.reader = reader;
        this.cache = cache;
    }

    /** The graph of the thread holding {@code id}; empty when the id is neither a message nor referred to. */
    ThreadGraph graph(String id) throws IOException {
        ThreadGraph known = built.get(id);
        if (known == null) {
            known = cache.get(reader, id);
        }
        if (known != null) {
            return known;
        }
        if (records == null) {
            records = new ThreadRecords(reader);
        }
        ThreadGraph graph = new ThreadGraph();
        Set<String> ids = new HashSet<>();
        ids.add(id);
        for (ThreadingRecord r : records.thread(id)) {
            graph.add(r.messageId(), r.references(), r.date(), r.sequence());
            ids.add(r.messageId());
            ids.addAll(r.references());
        }
        for (String member : ids) {
            built.put(member, graph);
        }
        cache.put(reader, graph, ids);
        return graph;
    }

    /** The id of the thread holding a message: its root's id, or the id itself when unknown. */
    String root(String id) throws IOException {
        return graph(id).root(id).orElse(id);
    }
}
