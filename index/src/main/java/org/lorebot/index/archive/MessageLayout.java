package org.lorebot.index.archive;

import java.io.IOException;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;

/** Where a public-inbox format keeps the messages a commit adds and removes. */
interface MessageLayout {

    /**
     * Finds the message blobs {@code commit} adds or removes and hands each to {@code sink}, in
     * the order they should be applied.
     */
    void find(ObjectReader reader, CommitHeader commit, Sink sink) throws IOException;

    /** Receives the blobs a commit adds or removes. */
    interface Sink {
        void message(ArchiveEntry.Kind kind, ObjectId blob, String path);
    }
}
