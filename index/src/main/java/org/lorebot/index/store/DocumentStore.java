package org.lorebot.index.store;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.document.Document;

/**
 * Where ingest writes documents: the local Lucene index ({@link MailStore}) or a SolrCloud
 * collection. Documents are keyed by Message-ID; what is written becomes durable only with
 * {@link #commit}, together with the archive cursor, so a run killed at any moment resumes from
 * the last commit without losing or duplicating anything.
 */
public interface DocumentStore {

    /** The archive cursor of {@code list} as last committed: epoch to position. */
    Map<String, String> cursor(String list) throws IOException;

    /** The sequence number the next message gets (one more than any committed). */
    long nextSequence() throws IOException;

    /** Adds or replaces the document of its Message-ID. Thread-safe. */
    void put(String messageId, Document doc) throws IOException;

    /**
     * Adds the document of a Message-ID the index does not hold (the caller knows): nothing is
     * deleted first. Thread-safe.
     */
    void add(Document doc) throws IOException;

    /**
     * Writes out one buffer of added documents on the calling thread, for stores that buffer in
     * memory; false once no buffer holds documents, counting those other threads are writing out
     * (so a caller that got false may commit without a flush of its own). Thread-safe.
     */
    boolean flushNextBuffer() throws IOException;

    /** Deletes the document of a Message-ID. */
    void delete(String messageId) throws IOException;

    /** Makes everything written so far durable together with {@code list}'s cursor. */
    void commit(String list, Map<String, String> cursor, long nextSequence) throws IOException;

    /** Drops everything written since the last commit. */
    void rollback() throws IOException;

    /** Makes recent writes visible to {@link #storedDocument} and {@link #knownIds}. */
    void refresh() throws IOException;

    /** The stored fields of the document indexed under {@code messageId}, if any. */
    Optional<Document> storedDocument(String messageId) throws IOException;

    /**
     * Says that {@link KnownIds#contains} will soon be asked about {@code messageId} (the
     * ingester parses ahead of its writer), so that a store whose every look-up is a network
     * request can answer many in one. Only a hint: answers do not depend on it. Thread-safe.
     */
    default void expect(String messageId) {
    }

    /**
     * Which Message-IDs are indexed now; close it when done. Only an ingest asks, and it is about
     * to write: a store may open its writer first (the Lucene store does, so that the writer's
     * reader is the only one to open the segments).
     */
    KnownIds knownIds() throws IOException;
}
