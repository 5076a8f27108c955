package org.lorebot.index.archive;

import java.io.IOException;

import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/**
 * public-inbox v2: each commit's tree holds one file, {@code m} (the message it adds) or
 * {@code d} (the message it removes, i.e. the removed message's own bytes).
 */
final class V2Layout implements MessageLayout {

    static final V2Layout INSTANCE = new V2Layout();

    private V2Layout() {
    }

    @Override
    public void find(ObjectReader reader, CommitHeader commit, Sink sink) throws IOException {
        CanonicalTreeParser tree = new CanonicalTreeParser(null, reader, commit.tree());
        for (; !tree.eof(); tree.next()) {
            if (!FileMode.REGULAR_FILE.equals(tree.getEntryRawMode())
                    && !FileMode.EXECUTABLE_FILE.equals(tree.getEntryRawMode())) {
                continue;
            }
            String name = tree.getEntryPathString();
            if (name.equals("d")) {
                sink.message(ArchiveEntry.Kind.REMOVE, tree.getEntryObjectId(), name);
            } else if (name.equals("m")) {
                sink.message(ArchiveEntry.Kind.ADD, tree.getEntryObjectId(), name);
            }
        }
    }
}
