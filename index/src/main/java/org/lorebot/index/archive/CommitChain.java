package org.lorebot.index.archive;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The commits of one walk back along first parents, from a tip to a cursor, collected newest
 * first and handed out oldest first with what was parsed of each on the way (tree, committer
 * time): reading them needs no second look at any commit. Ids and trees are packed 20 bytes
 * each, so a large epoch's chain is a few MB, not a graph. Also keeps what the walk could not
 * read, for the reader to report.
 */
final class CommitChain {

    private static final int ID = Constants.OBJECT_ID_LENGTH;
    private static final long NO_TIME = Long.MIN_VALUE;

    private final List<ArchiveProblem> problems = new ArrayList<>(0);
    private byte[] ids = new byte[ID * 1024];
    private byte[] trees = new byte[ID * 1024];
    private long[] times = new long[1024];
    private int size;
    /** The first parent of the oldest commit: the cursor, an unreadable commit, or null (root). */
    private ObjectId oldestParent;

    /** Adds the next older commit. */
    void add(AnyObjectId id, CommitHeader header) {
        if (size == times.length) {
            ids = Arrays.copyOf(ids, ids.length * 2);
            trees = Arrays.copyOf(trees, trees.length * 2);
            times = Arrays.copyOf(times, times.length * 2);
        }
        id.copyRawTo(ids, size * ID);
        header.tree().copyRawTo(trees, size * ID);
        times[size] = header.time() == null ? NO_TIME : header.time().getEpochSecond();
        oldestParent = header.firstParent();
        size++;
    }

    void problem(ArchiveProblem problem) {
        problems.add(problem);
    }

    /** What the walk could not read, in the order met. */
    List<ArchiveProblem> problems() {
        return problems;
    }

    int size() {
        return size;
    }

    /** The {@code index}-th commit counting from the oldest (0). */
    ObjectId oldestFirst(int index) {
        return ObjectId.fromRaw(ids, (size - 1 - index) * ID);
    }

    /** The header of the {@code index}-th commit counting from the oldest. */
    CommitHeader header(int index) {
        int at = size - 1 - index;
        ObjectId parent = index == 0 ? oldestParent : ObjectId.fromRaw(ids, (at + 1) * ID);
        long time = times[at];
        return new CommitHeader(ObjectId.fromRaw(trees, at * ID), parent,
                time == NO_TIME ? null : Instant.ofEpochSecond(time));
    }
}
