package org.lorebot.index.archive;

import java.util.Arrays;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * Commit ids collected newest-first while walking back along first parents, handed out
 * oldest-first. Ids are packed 20 bytes each: a large epoch's chain is a few MB, not a graph.
 */
final class CommitChain {

    private static final int ID = Constants.OBJECT_ID_LENGTH;

    private byte[] ids = new byte[ID * 1024];
    private int size;

    void add(AnyObjectId id) {
        if ((size + 1) * ID > ids.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
        }
        id.copyRawTo(ids, size * ID);
        size++;
    }

    int size() {
        return size;
    }

    /** The {@code index}-th commit counting from the oldest (0). */
    ObjectId oldestFirst(int index) {
        return ObjectId.fromRaw(ids, (size - 1 - index) * ID);
    }
}
