package org.lorebot.index.ingest;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.lorebot.index.store.DocumentStore;
import org.lorebot.index.store.KnownIds;

/**
 * Which Message-IDs the index holds during an ingest run: a snapshot of the index, looked up by
 * term, plus what the run wrote or removed since it was taken. Renewed at every commit, so what
 * it keeps in memory is bounded by the commit interval, not the archive. Reading the snapshot
 * never waits for the writer: a duplicate costs a term lookup, not a flush of what is in
 * flight.
 *
 * <p>When the index held nothing at the start (a first ingest), only what the run wrote can be
 * there, and a Bloom filter of those ids answers most look-ups without the index: a new id
 * would otherwise be sought in every segment, the snapshot growing with the run.
 */
final class KnownMessages implements AutoCloseable {

    private final DocumentStore store;
    private final Map<String, Boolean> sinceSnapshot = new HashMap<>();
    private KnownIds inSnapshot;
    /** What the run wrote, kept only when the index started empty (else it would not help). */
    private final WrittenIds written;

    KnownMessages(DocumentStore store) throws IOException {
        this.store = store;
        renew();
        this.written = inSnapshot.isEmpty() ? new WrittenIds() : null;
    }

    boolean contains(String messageId) throws IOException {
        Boolean changed = sinceSnapshot.get(messageId);
        if (changed != null) {
            return changed;
        }
        if (written != null && !written.mightContain(messageId)) {
            return false; // the index held nothing but what the run wrote
        }
        return inSnapshot.contains(messageId);
    }

    /** Records that the run wrote the document of {@code messageId} (new, or joined a list). */
    void added(String messageId) {
        sinceSnapshot.put(messageId, true);
        if (written != null) {
            written.add(messageId);
        }
    }

    /** Whether the run wrote the document of {@code messageId} since the snapshot. */
    boolean writtenSinceSnapshot(String messageId) {
        return Boolean.TRUE.equals(sinceSnapshot.get(messageId));
    }

    /** The stored fields of {@code messageId} as the snapshot holds them, or null. */
    Document snapshotDocument(String messageId) throws IOException {
        return inSnapshot.storedDocument(messageId).orElse(null);
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
