package org.lorebot.index.search;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.lorebot.index.store.ThreadRecords;
import org.lorebot.index.store.ThreadingRecord;
import org.lorebot.index.thread.ThreadGraph;

/**
 * The threads of one index snapshot, each built when first asked for from its own messages'
 * records: a thread is a connected component of the reference graph, so building it alone gives
 * what building the whole archive would, at the cost of the thread. Not thread-safe: one per
 * search.
 */
final class Threads {

    private final ThreadRecords records;
    /** Every id of a built thread (messages and ghosts) to that thread. */
    private final Map<String, ThreadGraph> built = new HashMap<>();

    Threads(IndexReader reader) throws IOException {
        this.records = new ThreadRecords(reader);
    }

    /** The graph of the thread holding {@code id}; empty when the id is neither a message nor referred to. */
    ThreadGraph graph(String id) throws IOException {
        ThreadGraph known = built.get(id);
        if (known != null) {
            return known;
        }
        ThreadGraph graph = new ThreadGraph();
        for (ThreadingRecord r : records.thread(id)) {
            graph.add(r.messageId(), r.references(), r.date(), r.sequence());
            built.put(r.messageId(), graph);
            for (String ref : r.references()) {
                built.put(ref, graph);
            }
        }
        return graph;
    }

    /** The id of the thread holding a message: its root's id, or the id itself when unknown. */
    String root(String id) throws IOException {
        return graph(id).root(id).orElse(id);
    }
}
