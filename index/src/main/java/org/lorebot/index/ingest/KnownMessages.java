package org.lorebot.index.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.lorebot.index.store.DocumentStore;
import org.lorebot.index.store.KnownIds;

/**
 * Which Message-IDs the index holds during an ingest run: a snapshot of the index, looked up by
 * term, plus what the run added or removed since it was taken. Renewed at every commit, so what
 * it keeps in memory is bounded by the commit interval, not the archive.
 */
final class KnownMessages implements AutoCloseable {

    private final DocumentStore store;
    private final Map<String, Boolean> sinceSnapshot = new HashMap<>();
    private KnownIds inSnapshot;

    KnownMessages(DocumentStore store) throws IOException {
        this.store = store;
        renew();
    }

    boolean contains(String messageId) throws IOException {
        Boolean changed = sinceSnapshot.get(messageId);
        return changed != null ? changed : inSnapshot.contains(messageId);
    }

    void added(String messageId) {
        sinceSnapshot.put(messageId, true);
    }

    void removed(String messageId) {
        sinceSnapshot.put(messageId, false);
    }

    /** Takes a new snapshot: call when everything added so far is in the index writer. */
    void renew() throws IOException {
        KnownIds fresh = store.knownIds();
        close();
        inSnapshot = fresh;
        sinceSnapshot.clear();
    }

    @Override
    public void close() throws IOException {
        if (inSnapshot != null) {
            inSnapshot.close();
            inSnapshot = null;
        }
    }
}
