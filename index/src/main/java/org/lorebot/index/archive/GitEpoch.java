package org.lorebot.index.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * One git repository of an archive, read from a cursor commit (exclusive) to the tip of its
 * default branch, oldest first along first parents.
 *
 * @param name   the epoch name used in entries and cursors
 * @param gitDir the bare repository
 * @param layout how commits store messages
 */
record GitEpoch(String name, Path gitDir, MessageLayout layout) {

    private static final String DEFAULT_BRANCH = Constants.R_HEADS + "master";

    /** How many commits {@link #read} would visit from {@code cursor}. */
    long count(String cursor) throws IOException {
        try (Repository repo = open(); ObjectReader reader = repo.newObjectReader()) {
            return chain(repo, reader, cursor, null).size();
        }
    }

    /** Delivers the entries of every commit after {@code cursor} (null: from the start). */
    void read(String cursor, ArchiveVisitor visitor) throws IOException {
        try (Repository repo = open(); ObjectReader reader = repo.newObjectReader()) {
            CommitChain chain = chain(repo, reader, cursor, visitor);
            List<Found> found = new ArrayList<>(2);
            for (int i = 0; i < chain.size(); i++) {
                ObjectId commit = chain.oldestFirst(i);
                found.clear();
                CommitHeader header;
                try {
                    header = CommitHeader.parse(commit, reader.open(commit, Constants.OBJ_COMMIT).getCachedBytes());
                    layout.find(reader, header, (kind, blob, path) -> found.add(new Found(kind, blob, path)));
                } catch (MissingObjectException | CorruptObjectException | IncorrectObjectTypeException e) {
                    visitor.problem(problem(commit, "cannot read commit: " + e.getMessage()));
                    continue;
                }
                if (found.isEmpty()) {
                    visitor.problem(problem(commit, "commit adds and removes no message"));
                }
                for (Found message : found) {
                    deliver(reader, commit, header, message, visitor);
                }
            }
        }
    }

    private void deliver(ObjectReader reader, ObjectId commit, CommitHeader header, Found message,
                         ArchiveVisitor visitor) throws IOException {
        byte[] raw;
        try {
            raw = reader.open(message.blob, Constants.OBJ_BLOB).getCachedBytes(Integer.MAX_VALUE);
        } catch (MissingObjectException e) {
            visitor.problem(problem(commit, "missing blob " + message.blob.name() + " (" + message.path
                    + ", " + describe(message.kind) + ")"));
            return;
        } catch (CorruptObjectException | IncorrectObjectTypeException | LargeObjectException e) {
            visitor.problem(problem(commit, "unreadable blob " + message.blob.name() + " (" + message.path
                    + "): " + e.getMessage()));
            return;
        }
        visitor.entry(new ArchiveEntry(name, commit.name(), message.blob.name(), message.kind, header.time(), raw));
    }

    private static String describe(ArchiveEntry.Kind kind) {
        return kind == ArchiveEntry.Kind.ADD ? "added message" : "removed message";
    }

    /**
     * Walks back from the tip along first parents until the cursor commit. A cursor that is not
     * on that history (rewritten by a purge, or garbage) is reported and the epoch is read from
     * its start: messages are keyed by Message-ID downstream, so a replay cannot duplicate them.
     */
    private CommitChain chain(Repository repo, ObjectReader reader, String cursor, ArchiveVisitor visitor)
            throws IOException {
        CommitChain chain = new CommitChain();
        ObjectId stop = null;
        if (cursor != null && !cursor.isEmpty()) {
            if (ObjectId.isId(cursor)) {
                stop = ObjectId.fromString(cursor);
            } else if (visitor != null) {
                visitor.problem(problem(cursor, "cursor is not a commit id; reading the epoch from its start"));
            }
        }
        ObjectId at = tip(repo);
        while (at != null) {
            if (at.equals(stop)) {
                return chain;
            }
            ObjectId parent;
            try {
                parent = CommitHeader.parse(at, reader.open(at, Constants.OBJ_COMMIT).getCachedBytes()).firstParent();
            } catch (MissingObjectException | CorruptObjectException | IncorrectObjectTypeException e) {
                if (visitor != null) {
                    visitor.problem(problem(at, "unreadable commit (" + e.getMessage()
                            + "): the history before it cannot be read"));
                }
                return chain;
            }
            chain.add(at);
            at = parent;
        }
        if (stop != null && visitor != null) {
            visitor.problem(problem(stop, "cursor commit is not on the first-parent history of "
                    + DEFAULT_BRANCH + " (rewritten?); reading the epoch from its start"));
        }
        return chain;
    }

    /** The tip of refs/heads/master, else of HEAD; null for an empty repository. */
    private static ObjectId tip(Repository repo) throws IOException {
        Ref ref = repo.exactRef(DEFAULT_BRANCH);
        if (ref == null) {
            ref = repo.exactRef(Constants.HEAD);
        }
        return ref == null ? null : ref.getObjectId();
    }

    private Repository open() throws IOException {
        PackCache.install();
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }

    private ArchiveProblem problem(ObjectId commit, String reason) {
        return problem(commit.name(), reason);
    }

    private ArchiveProblem problem(String position, String reason) {
        return new ArchiveProblem(name, position, reason);
    }

    private record Found(ArchiveEntry.Kind kind, ObjectId blob, String path) {
    }
}
