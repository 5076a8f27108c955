package org.lorebot.index.archive;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** What JGit's own RevWalk says about a repository, to check the readers against. */
final class GitHistory {

    private GitHistory() {
    }

    /** Commits of refs/heads/master along first parents, oldest first. */
    static List<RevCommit> firstParentsOldestFirst(Path gitDir) throws IOException {
        try (Repository repo = new FileRepositoryBuilder().setGitDir(gitDir.toFile()).setMustExist(true).build();
             RevWalk walk = new RevWalk(repo)) {
            walk.setFirstParent(true);
            walk.sort(RevSort.REVERSE);
            walk.markStart(walk.parseCommit(repo.resolve("refs/heads/master")));
            List<RevCommit> commits = new ArrayList<>();
            walk.forEach(commits::add);
            return commits;
        }
    }
}
