package org.lorebot.bot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A public-inbox v2 inbox with one epoch ({@code git/0.git}), written as public-inbox-mda
 * does: one commit per message, the message as the blob {@code m} at the root of the tree.
 */
final class ServedInbox {

    private final Path epoch;

    private ServedInbox(Path epoch) {
        this.epoch = epoch;
    }

    /** Creates the inbox at {@code dir} (its epoch at {@code dir/git/0.git}). */
    static ServedInbox create(Path dir) throws IOException {
        Path epoch = dir.resolve("git/0.git");
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.toFile()).setBare().build()) {
            repo.create(true);
        }
        return new ServedInbox(epoch);
    }

    /** Commits one more message to the epoch's master. */
    void deliver(String message) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.toFile()).setMustExist(true).build();
             ObjectInserter inserter = repo.newObjectInserter()) {
            ObjectId parent = repo.resolve(Constants.R_HEADS + "master");
            ObjectId blob = inserter.insert(Constants.OBJ_BLOB, message.getBytes(StandardCharsets.ISO_8859_1));
            TreeFormatter tree = new TreeFormatter();
            tree.append("m", FileMode.REGULAR_FILE, blob);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(inserter.insert(tree));
            if (parent != null) {
                commit.setParentId(parent);
            }
            commit.setAuthor(new PersonIdent("list", "list@example.org"));
            commit.setCommitter(new PersonIdent("list", "list@example.org"));
            commit.setMessage(subject(message) + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            RefUpdate update = repo.updateRef(Constants.R_HEADS + "master");
            update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
            update.setNewObjectId(id);
            RefUpdate.Result result = update.update();
            if (result != RefUpdate.Result.NEW && result != RefUpdate.Result.FAST_FORWARD) {
                throw new IOException("cannot deliver to " + epoch + ": " + result);
            }
        }
    }

    private static String subject(String message) {
        for (String line : message.split("\n")) {
            if (line.isEmpty()) {
                break;
            }
            if (line.regionMatches(true, 0, "Subject:", 0, 8)) {
                return line.substring(8).strip();
            }
        }
        return "(no subject)";
    }
}
