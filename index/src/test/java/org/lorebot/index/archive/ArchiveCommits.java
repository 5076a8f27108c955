package org.lorebot.index.archive;

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
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * Writes commits into copies of real archives the way public-inbox does: v2 commits whose tree is
 * a single {@code m} (add) or {@code d} (remove), v1 commits that add or delete a 2/38 path.
 */
final class ArchiveCommits {

    private static final PersonIdent LIST = new PersonIdent("lkml", "linux-kernel@vger.kernel.org");

    private ArchiveCommits() {
    }

    /** A v2 commit whose tree holds {@code file} ("m" or "d") with {@code message}; returns it. */
    static ObjectId v2(Path gitDir, String file, byte[] message) throws IOException {
        try (Repository repo = open(gitDir); ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, message);
            TreeFormatter tree = new TreeFormatter();
            tree.append(file, FileMode.REGULAR_FILE, blob);
            return commit(repo, ins, ins.insert(tree), file.equals("d") ? "remove" : "add");
        }
    }

    /** A v1 commit adding {@code message} at {@code path}. */
    static ObjectId v1Add(Path gitDir, String path, byte[] message) throws IOException {
        try (Repository repo = open(gitDir); ObjectInserter ins = repo.newObjectInserter()) {
            ObjectId blob = ins.insert(Constants.OBJ_BLOB, message);
            DirCache index = tipIndex(repo);
            DirCacheBuilder builder = index.builder();
            for (int i = 0; i < index.getEntryCount(); i++) {
                builder.add(index.getEntry(i));
            }
            DirCacheEntry added = new DirCacheEntry(path);
            added.setFileMode(FileMode.REGULAR_FILE);
            added.setObjectId(blob);
            builder.add(added);
            builder.finish();
            return commit(repo, ins, index.writeTree(ins), "add " + path);
        }
    }

    /** A v1 commit deleting {@code path}; returns the commit. */
    static ObjectId v1Delete(Path gitDir, String path) throws IOException {
        try (Repository repo = open(gitDir); ObjectInserter ins = repo.newObjectInserter()) {
            DirCache index = tipIndex(repo);
            DirCacheBuilder builder = index.builder();
            boolean found = false;
            for (int i = 0; i < index.getEntryCount(); i++) {
                DirCacheEntry e = index.getEntry(i);
                if (e.getPathString().equals(path)) {
                    found = true;
                } else {
                    builder.add(e);
                }
            }
            if (!found) {
                throw new IOException("no such path in the tip: " + path);
            }
            builder.finish();
            return commit(repo, ins, index.writeTree(ins), "remove " + path);
        }
    }

    static ObjectId tip(Path gitDir) throws IOException {
        try (Repository repo = open(gitDir)) {
            return repo.resolve("refs/heads/master");
        }
    }

    private static DirCache tipIndex(Repository repo) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        try (ObjectReader reader = repo.newObjectReader(); RevWalk walk = new RevWalk(reader)) {
            RevCommit tip = walk.parseCommit(repo.resolve("refs/heads/master"));
            builder.addTree(new byte[0], 0, reader, tip.getTree());
        }
        builder.finish();
        return index;
    }

    private static ObjectId commit(Repository repo, ObjectInserter ins, ObjectId tree, String message)
            throws IOException {
        ObjectId parent = repo.resolve("refs/heads/master");
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(tree);
        if (parent != null) {
            commit.setParentId(parent);
        }
        commit.setAuthor(LIST);
        commit.setCommitter(LIST);
        commit.setMessage(message);
        ObjectId id = ins.insert(commit);
        ins.flush();
        RefUpdate update = repo.updateRef("refs/heads/master");
        update.setNewObjectId(id);
        update.setExpectedOldObjectId(parent == null ? ObjectId.zeroId() : parent);
        RefUpdate.Result result = update.update();
        if (result != RefUpdate.Result.FAST_FORWARD && result != RefUpdate.Result.NEW) {
            throw new IOException("cannot move refs/heads/master: " + result);
        }
        return id;
    }

    static Repository open(Path gitDir) throws IOException {
        return new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
    }
}
