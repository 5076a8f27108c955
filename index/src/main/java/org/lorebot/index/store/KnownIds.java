package org.lorebot.index.store;

import java.io.IOException;
import java.util.Optional;
import org.apache.lucene.document.Document;

/** A snapshot of which Message-IDs a {@link DocumentStore} holds. */
public interface KnownIds extends AutoCloseable {

    /** Whether a message (not a ghost) with this id is indexed. */
    boolean contains(String messageId) throws IOException;

    /** Whether the snapshot holds no message at all; false when that is not known cheaply. */
    default boolean isEmpty() throws IOException {
        return false;
    }

    /** The stored fields of the document of {@code messageId} in the snapshot. */
    Optional<Document> storedDocument(String messageId) throws IOException;

    @Override
    void close() throws IOException;
}
