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
     * an estimate, -1 when unknown.
     */
    long estimate(Map<String, String> cursor) throws IOException;

    /**
     * Delivers every entry after {@code cursor} (epoch to position, as in {@link
     * ArchiveEntry#position()}; an epoch missing from it is read from its start) to the visitor.
     */
    void read(Map<String, String> cursor, ArchiveVisitor visitor) throws IOException;

    @Override
    void close() throws IOException;
}
