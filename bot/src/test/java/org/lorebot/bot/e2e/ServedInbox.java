package org.lorebot.bot.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.lorebot.index.fixture.InboxCommits;

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
        InboxCommits.v2(epoch, "m", message.getBytes(StandardCharsets.ISO_8859_1));
    }

}
