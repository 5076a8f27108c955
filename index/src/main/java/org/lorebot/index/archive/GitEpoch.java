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

    /** The commits {@link #read} would visit from {@code cursor}, as the repository is now. */
    CommitChain walk(String cursor) throws IOException {
        try (Repository repo = open(); ObjectReader reader = repo.newObjectReader()) {
            return chain(reader, tip(repo), cursor);
        }
    }

    /**
     * Delivers the entries of every commit after {@code cursor} (null: from the start), and what
     * could not be read on the way.
     */
    void read(String cursor, ArchiveVisitor visitor) throws IOException {
        try (Repository repo = open(); ObjectReader reader = repo.newObjectReader()) {
            CommitChain chain = chain(reader, tip(repo), cursor);
            for (ArchiveProblem problem : chain.problems()) {
                visitor.problem(problem);
            }
            List<Found> found = new ArrayList<>(2);
            for (int i = 0; i < chain.size(); i++) {
                ObjectId commit = chain.oldestFirst(i);
                CommitHeader header = chain.header(i);
                found.clear();
                try {
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
     * Walks back from the tip along first parents until the cursor commit, parsing each commit
     * once. A cursor that is not on that history (rewritten by a purge, or garbage) is reported
     * and the epoch is read from its start: messages are keyed by Message-ID downstream, so a
     * replay cannot duplicate them.
     */
    private CommitChain chain(ObjectReader reader, ObjectId tip, String cursor) throws IOException {
        CommitChain chain = new CommitChain();
        ObjectId stop = null;
        if (cursor != null && !cursor.isEmpty()) {
            if (ObjectId.isId(cursor)) {
                stop = ObjectId.fromString(cursor);
            } else {
                chain.problem(problem(cursor, "cursor is not a commit id; reading the epoch from its start"));
            }
        }
        ObjectId at = tip;
        while (at != null) {
            if (at.equals(stop)) {
                return chain;
            }
            CommitHeader header;
            try {
                header = CommitHeader.parse(at, reader.open(at, Constants.OBJ_COMMIT).getCachedBytes());
            } catch (MissingObjectException | CorruptObjectException | IncorrectObjectTypeException e) {
                chain.problem(problem(at, "unreadable commit (" + e.getMessage()
                        + "): the history before it cannot be read"));
                return chain;
            }
            chain.add(at, header);
            at = header.firstParent();
        }
        if (stop != null) {
            chain.problem(problem(stop, "cursor commit is not on the first-parent history of "
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
