package org.lorebot.index.archive;

import java.io.IOException;
import java.util.Map;

/**
 * A readable archive: a public-inbox v2 inbox, a single epoch repository, a v1 inbox or an mbox.
 * Each message is read once, streaming.
 */
public interface ArchiveSource extends AutoCloseable {

    /** Short description for logs and progress, e.g. the path. */
    String describe();

    /**
     * How many entries {@link #read} would deliver from this cursor, for progress display; may be
     * an estimate, -1 when unknown before reading. Asked before reading starts, on the thread that
     * waits for the entries: it should cost little next to the read.
     */
    long estimate(Map<String, String> cursor) throws IOException;

    /**
     * While {@link #read} runs (and after it): how many entries it is now expected to deliver in
     * all, for a source that learns it as it reads; -1 when it has no better answer than
     * {@link #estimate}. Cheap, and safe to call from another thread than the reading one.
     */
    default long estimateWhileReading() {
        return -1;
    }

    /**
     * Delivers every entry after {@code cursor} (epoch to position, as in {@link
     * ArchiveEntry#position()}; an epoch missing from it is read from its start) to the visitor.
     */
    void read(Map<String, String> cursor, ArchiveVisitor visitor) throws IOException;

    @Override
    void close() throws IOException;
}
