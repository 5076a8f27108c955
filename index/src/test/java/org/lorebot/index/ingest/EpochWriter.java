package org.lorebot.index.ingest;

import java.io.IOException;
import java.nio.file.Path;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Appends commits to a public-inbox v2 epoch the way public-inbox does: one commit per event,
 * whose tree holds the message as {@code m} (delivered) or {@code d} (removed).
 */
final class EpochWriter {

    private EpochWriter() {
    }

    static void deliver(Path epoch, byte[] message) throws IOException {
        commit(epoch, "m", message);
    }

    static void remove(Path epoch, byte[] message) throws IOException {
        commit(epoch, "d", message);
    }

    private static void commit(Path epoch, String file, byte[] message) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.toFile()).setBare().build();
             ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, message);
            DirCache index = DirCache.newInCore();
            DirCacheBuilder builder = index.builder();
            DirCacheEntry entry = new DirCacheEntry(file);
            entry.setFileMode(FileMode.REGULAR_FILE);
            entry.setObjectId(blob);
            builder.add(entry);
            builder.finish();
            ObjectId tree = index.writeTree(inserter);
            ObjectId parent = repo.resolve("refs/heads/master");
            PersonIdent who = new PersonIdent("lorebot test", "test@example.org");
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage(file.equals("m") ? "deliver\n" : "remove\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef("refs/heads/master");
            update.setNewObjectId(id);
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("cannot update master of " + epoch + ": " + result);
            }
        }
    }
}
