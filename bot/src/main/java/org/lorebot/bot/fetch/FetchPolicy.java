package org.lorebot.bot.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.lorebot.config.InboxConfig;

/**
 * Which inboxes are fetched. An inbox's {@code url} is its public address (citations link to
 * it); fetching from it is for mirrors only: a path lorebot cloned (its epochs remember where
 * from) or one not there yet, unless {@code fetch = true} or {@code false} says otherwise. A
 * list's own public-inbox, configured with the {@code path} and {@code url} its own
 * configuration has, is read where it is.
 */
public final class FetchPolicy {

    private FetchPolicy() {
    }

    /** Whether the inbox is fetched from its url before it is read. */
    public static boolean fetches(InboxConfig inbox) {
        if (!inbox.fetchable()) {
            return false;
        }
        return inbox.fetch() == InboxConfig.Fetch.ALWAYS || isMirror(inbox.path());
    }

    /**
     * A path lorebot may fetch into: nothing there yet, an empty directory, or a v2 inbox whose
     * first epoch has an origin to fetch from (what {@code lorebot fetch} clones).
     */
    static boolean isMirror(Path path) {
        if (!Files.exists(path)) {
            return true;
        }
        Path epoch = path.resolve("git").resolve("0.git");
        if (!Files.isDirectory(epoch)) {
            return isEmptyDirectory(path);
        }
        try (Repository repo = new FileRepositoryBuilder().setGitDir(epoch.toFile()).setBare().build()) {
            return repo.getConfig().getString("remote", "origin", "url") != null;
        } catch (IOException e) {
            return false; // not a repository lorebot made; reading it will say what is wrong
        }
    }

    private static boolean isEmptyDirectory(Path path) {
        try (var entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }
}
