package org.lorebot.index.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;

/** Opens whatever archive a path holds. The one entry point for callers. */
public final class ArchiveSources {

    private static final Pattern EPOCH_DIR = Pattern.compile("\\d+\\.git");
    private static final Pattern FANOUT = Pattern.compile("[0-9a-f]{2}");

    private ArchiveSources() {
    }

    /**
     * Opens {@code path} as: a public-inbox v2 inbox (a directory with {@code git/N.git}); a bare
     * git repository, which is a v2 epoch when its tip's tree holds {@code m} or {@code d} and a
     * v1 inbox when it holds 2-hex-digit directories (or has a {@code public-inbox/} directory);
     * an mbox file, plain or gzip-compressed (read as mboxrd).
     *
     * @throws IOException naming the path when it is none of these
     */
    public static ArchiveSource open(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("archive not found: " + path);
        }
        if (Files.isRegularFile(path)) {
            if (looksLikeMbox(path)) {
                return new MboxSource(path, MboxFormat.MBOXRD);
            }
            throw new IOException("not an archive: " + path
                    + " is a file but not an mbox (it does not start with a \"From \" line)");
        }
        if (hasEpochs(path.resolve("git"))) {
            return GitArchiveSource.v2Inbox(path);
        }
        if (isBareRepository(path)) {
            return openRepository(path);
        }
        throw new IOException("not an archive: " + path + " is neither a public-inbox v2 inbox (git/N.git),"
                + " a bare git repository (v2 epoch or v1 inbox) nor an mbox file");
    }

    private static ArchiveSource openRepository(Path gitDir) throws IOException {
        if (Files.isDirectory(gitDir.resolve("public-inbox"))) {
            return GitArchiveSource.v1Inbox(gitDir);
        }
        PackCache.install();
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
             ObjectReader reader = repo.newObjectReader()) {
            Ref tip = repo.exactRef(Constants.R_HEADS + "master");
            if (tip == null) {
                tip = repo.exactRef(Constants.HEAD);
            }
            if (tip == null || tip.getObjectId() == null) {
                if (EPOCH_DIR.matcher(gitDir.getFileName().toString()).matches()) {
                    return GitArchiveSource.epoch(gitDir);
                }
                throw new IOException("empty git repository, cannot tell a v1 inbox from a v2 epoch: " + gitDir);
            }
            ObjectId tree = repo.parseCommit(tip.getObjectId()).getTree();
            boolean v2 = false;
            boolean v1 = false;
            for (CanonicalTreeParser entries = new CanonicalTreeParser(null, reader, tree); !entries.eof();
                 entries.next()) {
                String name = entries.getEntryPathString();
                v2 |= name.equals("m") || name.equals("d");
                v1 |= FANOUT.matcher(name).matches();
            }
            if (v2) {
                return GitArchiveSource.epoch(gitDir);
            }
            if (v1) {
                return GitArchiveSource.v1Inbox(gitDir);
            }
            throw new IOException("not an archive: " + gitDir + " is a git repository whose tip holds neither"
                    + " a public-inbox v2 message (m, d) nor v1 message paths (ab/cdef...)");
        }
    }

    private static boolean hasEpochs(Path git) throws IOException {
        if (!Files.isDirectory(git)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(git)) {
            return entries.anyMatch(p -> EPOCH_DIR.matcher(p.getFileName().toString()).matches()
                    && Files.isDirectory(p));
        }
    }

    private static boolean isBareRepository(Path dir) {
        return Files.isRegularFile(dir.resolve("HEAD")) && Files.isDirectory(dir.resolve("objects"))
                && Files.isDirectory(dir.resolve("refs"));
    }

    private static boolean looksLikeMbox(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = MboxSource.isGzip(file) ? new GZIPInputStream(raw) : raw) {
            return MboxSource.startsLikeMbox(new java.io.BufferedInputStream(in));
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
