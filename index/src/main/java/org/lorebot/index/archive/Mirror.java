package org.lorebot.index.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.errors.NoRemoteRepositoryException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ProgressMonitor;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.StoredConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.RefSpec;
import org.eclipse.jgit.transport.TagOpt;
import org.eclipse.jgit.util.FileUtils;

/**
 * Keeps a local copy of a public-inbox archive served over HTTP(S), such as
 * {@code https://lore.kernel.org/linux-mm}. Epoch N is the git repository at {@code URL/N} (as
 * lore serves it) or at {@code URL/git/N.git}; the mirror stores it as the bare repository
 * {@code mirror/git/N.git}, so the mirror is itself a v2 inbox that {@link ArchiveSources#open}
 * reads. Each update fetches every epoch the mirror has (only the missing objects travel) and
 * clones new epochs until the first one the server does not have.
 *
 * <p>The branches are mirrored as they are ({@code +refs/heads/*:refs/heads/*}): an epoch
 * rewritten upstream (a purge) is rewritten here too, and the reader, finding its cursor off
 * the new history, reports it and reads the epoch again.
 */
public final class Mirror {

    private static final RefSpec BRANCHES = new RefSpec("+refs/heads/*:refs/heads/*");
    private static final int TIMEOUT_SECONDS = 300;

    private final String baseUrl;
    private final Path directory;

    /**
     * @param baseUrl   the inbox URL, e.g. {@code https://lore.kernel.org/linux-mm} (a trailing
     *                  slash is ignored)
     * @param directory the local mirror, created if needed
     */
    public Mirror(String baseUrl, Path directory) {
        String url = baseUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        this.baseUrl = url;
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /**
     * Fetches the epochs the mirror has and clones new ones.
     *
     * @param monitor receives a task per epoch and JGit's transfer progress
     * @return one update per epoch, in epoch order
     * @throws IOException when the server has no epoch 0 under either layout, or a transfer fails
     *                     (the message names the URL)
     */
    public List<MirrorUpdate> update(ProgressMonitor monitor) throws IOException {
        PackCache.install();
        boolean existed = Files.exists(directory);
        try {
            return updateEpochs(monitor);
        } catch (IOException | RuntimeException e) {
            if (!existed) {
                // a first fetch that failed leaves no empty mirror to be mistaken for an inbox
                FileUtils.delete(directory.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
            }
            throw e;
        }
    }

    private List<MirrorUpdate> updateEpochs(ProgressMonitor monitor) throws IOException {
        Files.createDirectories(directory.resolve("git"));
        Layout layout = null;
        List<MirrorUpdate> updates = new ArrayList<>();
        for (int n = 0; ; n++) {
            Path local = directory.resolve("git").resolve(n + ".git");
            if (Files.isDirectory(local)) {
                updates.add(fetch(local, n, monitor, null));
                continue;
            }
            if (layout == null) {
                layout = layout(n);
            }
            String url = layout.url(baseUrl, n);
            if (!exists(url)) {
                if (n == 0) {
                    throw new IOException("no public-inbox epoch at " + Layout.LORE.url(baseUrl, 0) + " or "
                            + Layout.GIT_DIR.url(baseUrl, 0));
                }
                return updates;
            }
            updates.add(fetch(local, n, monitor, url));
        }
    }

    /** The layout the mirror's existing epochs came from, else the one the server answers to. */
    private Layout layout(int firstNew) throws IOException {
        for (int n = firstNew - 1; n >= 0; n--) {
            Path local = directory.resolve("git").resolve(n + ".git");
            try (Repository repo = open(local)) {
                String url = repo.getConfig().getString("remote", "origin", "url");
                if (url != null) {
                    return url.endsWith("/git/" + n + ".git") ? Layout.GIT_DIR : Layout.LORE;
                }
            }
        }
        return exists(Layout.LORE.url(baseUrl, firstNew)) || !exists(Layout.GIT_DIR.url(baseUrl, firstNew))
                ? Layout.LORE : Layout.GIT_DIR;
    }

    /** Fetches into an existing epoch ({@code url} null: its configured origin) or a new one. */
    private MirrorUpdate fetch(Path local, int n, ProgressMonitor monitor, String url) throws IOException {
        String epoch = "git/" + n + ".git";
        boolean created = url != null;
        if (created) {
            try (Git git = Git.init().setBare(true).setGitDir(local.toFile())
                    .setInitialBranch("master").call()) {
                StoredConfig config = git.getRepository().getConfig();
                config.setString("remote", "origin", "url", url);
                config.setString("remote", "origin", "fetch", BRANCHES.toString());
                config.save();
            } catch (GitAPIException e) {
                throw new IOException("cannot create " + local + ": " + e.getMessage(), e);
            }
        }
        try (Repository repo = open(local); Git git = new Git(repo)) {
            String origin = repo.getConfig().getString("remote", "origin", "url");
            if (origin == null) {
                throw new IOException(local + " has no remote.origin.url: not a mirror epoch");
            }
            ObjectId before = created ? null : tip(repo);
            monitor.beginTask((created ? "Cloning " : "Fetching ") + epoch + " from " + origin, ProgressMonitor.UNKNOWN);
            monitor.endTask();
            try {
                git.fetch().setRemote("origin").setRefSpecs(BRANCHES).setTagOpt(TagOpt.NO_TAGS)
                        .setRemoveDeletedRefs(true).setTimeout(TIMEOUT_SECONDS).setProgressMonitor(monitor).call();
            } catch (GitAPIException | RuntimeException e) {
                if (created) {
                    // half a clone is no epoch: the next fetch clones it again
                    FileUtils.delete(local.toFile(), FileUtils.RECURSIVE | FileUtils.IGNORE_ERRORS);
                }
                throw new IOException("cannot fetch " + origin + " into " + local + ": " + e.getMessage(), e);
            }
            ObjectId after = tip(repo);
            return new MirrorUpdate(epoch, origin, before == null ? null : before.name(),
                    after == null ? null : after.name());
        }
    }

    /** Whether a git repository answers at {@code url}; other failures are errors, not "no". */
    private static boolean exists(String url) throws IOException {
        try {
            Git.lsRemoteRepository().setRemote(url).setHeads(true).setTimeout(TIMEOUT_SECONDS).call();
            return true;
        } catch (GitAPIException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof NoRemoteRepositoryException) {
                    return false;
                }
            }
            throw new IOException("cannot reach " + url + ": " + e.getMessage(), e);
        }
    }

    private static ObjectId tip(Repository repo) throws IOException {
        return repo.resolve(Constants.R_HEADS + "master");
    }

    private static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private enum Layout {
        /** {@code URL/N}, as lore.kernel.org serves epochs. */
        LORE,
        /** {@code URL/git/N.git}, the inbox's directory layout served as is. */
        GIT_DIR;

        String url(String base, int n) {
            return this == LORE ? base + "/" + n : base + "/git/" + n + ".git";
        }
    }
}
