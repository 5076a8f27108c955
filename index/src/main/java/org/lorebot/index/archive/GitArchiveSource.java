package org.lorebot.index.archive;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A public-inbox archive kept in git: a v2 inbox (epochs {@code git/0.git}, {@code git/1.git},
 * ... read in numeric order), one v2 epoch repository on its own, or a v1 inbox. Each epoch is
 * read from its cursor commit (exclusive) to the tip of {@code refs/heads/master} (or HEAD),
 * oldest first along first parents, each message blob once. Packed and loose objects alike.
 *
 * <p>Epoch names, the keys of the cursor: {@code git/N.git} for v2 epochs (also for a repository
 * named {@code N.git} given on its own, so its cursor matches the inbox's), the directory name
 * for another lone epoch, {@code v1} for a v1 inbox.
 *
 * <p>The inbox is listed again at each {@link #read}, so epochs created since are picked up.
 * Repositories are opened per read and closed after it.
 */
public final class GitArchiveSource implements ArchiveSource {

    private static final Pattern EPOCH = Pattern.compile("(\\d+)\\.git");

    private final Path path;
    private final String kind;
    private final EpochLister lister;

    private GitArchiveSource(Path path, String kind, EpochLister lister) {
        this.path = path;
        this.kind = kind;
        this.lister = lister;
    }

    /** A public-inbox v2 inbox: a directory holding {@code git/N.git} epochs. */
    public static GitArchiveSource v2Inbox(Path inbox) throws IOException {
        Path git = inbox.resolve("git");
        if (!Files.isDirectory(git)) {
            throw new IOException("not a public-inbox v2 inbox (no git/ directory): " + inbox);
        }
        return new GitArchiveSource(inbox, "public-inbox v2 inbox", () -> listEpochs(git));
    }

    /** One v2 epoch repository (bare), e.g. {@code git/0.git} or a lone {@code linux-mtd-0.git}. */
    public static GitArchiveSource epoch(Path repository) {
        String dirName = repository.toAbsolutePath().normalize().getFileName().toString();
        String name = EPOCH.matcher(dirName).matches() ? "git/" + dirName : dirName;
        GitEpoch epoch = new GitEpoch(name, repository, V2Layout.INSTANCE);
        return new GitArchiveSource(repository, "public-inbox v2 epoch", () -> List.of(epoch));
    }

    /** A public-inbox v1 inbox: a bare repository with messages at 2/38 paths. */
    public static GitArchiveSource v1Inbox(Path repository) {
        GitEpoch epoch = new GitEpoch("v1", repository, V1Layout.INSTANCE);
        return new GitArchiveSource(repository, "public-inbox v1 inbox", () -> List.of(epoch));
    }

    /** The epoch names, in reading order, as they are now. */
    public List<String> epochs() throws IOException {
        return lister.list().stream().map(GitEpoch::name).toList();
    }

    @Override
    public String describe() {
        return kind + " " + path;
    }

    /** Exact: the number of commits after the cursors (a commit normally carries one message). */
    @Override
    public long estimate(Map<String, String> cursor) throws IOException {
        long total = 0;
        for (GitEpoch epoch : lister.list()) {
            total += epoch.walk(cursor.get(epoch.name())).size();
        }
        return total;
    }

    @Override
    public void read(Map<String, String> cursor, ArchiveVisitor visitor) throws IOException {
        for (GitEpoch epoch : lister.list()) {
            epoch.read(cursor.get(epoch.name()), visitor);
        }
    }

    @Override
    public void close() {
        // repositories live only for the duration of a read
    }

    @Override
    public String toString() {
        return describe();
    }

    private static List<GitEpoch> listEpochs(Path git) throws IOException {
        List<Path> dirs;
        try (Stream<Path> entries = Files.list(git)) {
            dirs = entries.filter(e -> EPOCH.matcher(e.getFileName().toString()).matches())
                    .filter(Files::isDirectory)
                    .sorted(Comparator.comparing(GitArchiveSource::epochNumber))
                    .toList();
        }
        return dirs.stream()
                .map(dir -> new GitEpoch("git/" + dir.getFileName(), dir, V2Layout.INSTANCE))
                .toList();
    }

    private static BigInteger epochNumber(Path dir) {
        Matcher m = EPOCH.matcher(dir.getFileName().toString());
        return m.matches() ? new BigInteger(m.group(1)) : BigInteger.ZERO;
    }

    @FunctionalInterface
    private interface EpochLister {
        List<GitEpoch> list() throws IOException;
    }
}
