package org.lorebot.index.ingest;

import java.util.Map;

/**
 * Follows an ingest run, e.g. to draw a progress bar. Called from the ingesting thread; keep
 * the callbacks quick.
 */
public interface IngestListener {

    /** A listener that ignores everything. */
    IngestListener NONE = new IngestListener() {
    };

    /**
     * Reading starts.
     *
     * @param estimate how many entries the archive is expected to deliver, -1 when unknown
     */
    default void started(String list, String source, long estimate) {
    }

    /** {@code done} entries of about {@code estimate} have been handled. */
    default void progress(long done, long estimate) {
    }

    /** A commit made the documents so far and this cursor durable. */
    default void committed(Map<String, String> cursor) {
    }

    /** The run ended successfully. */
    default void finished(IngestSummary summary) {
    }
}
