package org.lorebot.index.archive;

import java.io.IOException;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * public-inbox v1 (ssoma): one tree holds every message at a path made from the SHA-1 of its
 * Message-ID, {@code ab/cdef...} (2/38 hex characters; on a collision the path becomes a
 * directory of messages). A commit adds the paths that are new against its first parent and
 * removes those that are gone; a removed path's old blob is the removed message. Files outside
 * that layout are not messages and are ignored.
 */
final class V1Layout implements MessageLayout {

    static final V1Layout INSTANCE = new V1Layout();

    private V1Layout() {
    }

    @Override
    public void find(ObjectReader reader, CommitHeader commit, Sink sink) throws IOException {
        try (TreeWalk walk = new TreeWalk(reader)) {
            walk.setRecursive(true);
            walk.setFilter(TreeFilter.ANY_DIFF);
            if (commit.firstParent() == null) {
                walk.addTree(new EmptyTreeIterator());
            } else {
                walk.addTree(new CanonicalTreeParser(null, reader, parentTree(reader, commit)));
            }
            walk.addTree(commit.tree());
            while (walk.next()) {
                if (!isMessagePath(walk.getRawPath())) {
                    continue;
                }
                String path = walk.getPathString();
                if (isFile(walk.getFileMode(0))) {
                    sink.message(ArchiveEntry.Kind.REMOVE, walk.getObjectId(0), path);
                }
                if (isFile(walk.getFileMode(1))) {
                    sink.message(ArchiveEntry.Kind.ADD, walk.getObjectId(1), path);
                }
            }
        }
    }

    private static ObjectId parentTree(ObjectReader reader, CommitHeader commit)
            throws IOException {
        byte[] raw = reader.open(commit.firstParent(), Constants.OBJ_COMMIT).getCachedBytes();
        return CommitHeader.parse(commit.firstParent(), raw).tree();
    }

    private static boolean isFile(FileMode mode) {
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    /** {@code xx/<38 hex>}, or a file below such a path (ssoma's collision directories). */
    static boolean isMessagePath(byte[] path) {
        int slash = 2;
        if (path.length < 2 + 1 + 38 || path[slash] != '/') {
            return false;
        }
        for (int i = 0; i < path.length && i < 2 + 1 + 38; i++) {
            if (i != slash && !isHex(path[i])) {
                return false;
            }
        }
        return path.length == 41 || path[41] == '/';
    }

    private static boolean isHex(byte b) {
        return (b >= '0' && b <= '9') || (b >= 'a' && b <= 'f');
    }
}
