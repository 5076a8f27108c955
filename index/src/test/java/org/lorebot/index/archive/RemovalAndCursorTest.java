package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** Removals and incremental reads on private copies of the public-inbox fixtures. */
class RemovalAndCursorTest {

    private static final byte[] NEW_MESSAGE = ("From: New Sender <new@example.org>\n"
            + "Message-ID: <new-1@example.org>\nSubject: a new message\n\nhello\n").getBytes(StandardCharsets.UTF_8);

    @Test
    void aV2RemovalCommitGivesTheRemovedMessage(@TempDir Path tmp) throws IOException {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch = inbox.resolve("git/0.git");
        RecordingVisitor before = read(GitArchiveSource.v2Inbox(inbox), Map.of());
        ArchiveEntry victim = before.entries.get(41);
        ObjectId tip = InboxCommits.tip(epoch);

        ObjectId removal = InboxCommits.v2(epoch, "d", victim.raw());

        RecordingVisitor after = read(GitArchiveSource.v2Inbox(inbox), Map.of("git/0.git", tip.name()));
        assertEquals(List.of(), after.problems);
        assertEquals(1, after.entries.size());
        ArchiveEntry removed = after.entries.get(0);
        assertEquals(ArchiveEntry.Kind.REMOVE, removed.kind());
        assertEquals(victim.blob(), removed.blob(), "the d blob is the removed message's own blob");
        assertArrayEquals(victim.raw(), removed.raw());
        assertEquals(removal.name(), removed.position());

        RecordingVisitor all = read(GitArchiveSource.v2Inbox(inbox), Map.of());
        assertEquals(PublicInboxFixtures.MESSAGES, all.of(ArchiveEntry.Kind.ADD).size());
        assertEquals(1, all.of(ArchiveEntry.Kind.REMOVE).size());
    }

    @Test
    void aV1DeletedPathGivesTheRemovedMessage(@TempDir Path tmp) throws IOException {
        Path v1 = PublicInboxFixtures.extractV1(tmp);
        RecordingVisitor before = read(GitArchiveSource.v1Inbox(v1), Map.of());
        assertEquals(PublicInboxFixtures.MESSAGES, before.of(ArchiveEntry.Kind.ADD).size());
        assertEquals(List.of(), before.problems);
        ArchiveEntry victim = before.entries.get(7);
        String path = pathOf(v1, victim);
        ObjectId tip = InboxCommits.tip(v1);

        InboxCommits.v1Delete(v1, path);
        ObjectId added = InboxCommits.v1Add(v1, "ab/" + "c".repeat(38), NEW_MESSAGE);

        RecordingVisitor after = read(GitArchiveSource.v1Inbox(v1), Map.of("v1", tip.name()));
        assertEquals(List.of(), after.problems);
        assertEquals(2, after.entries.size());
        assertEquals(ArchiveEntry.Kind.REMOVE, after.entries.get(0).kind());
        assertArrayEquals(victim.raw(), after.entries.get(0).raw());
        assertEquals(victim.blob(), after.entries.get(0).blob());
        assertEquals(ArchiveEntry.Kind.ADD, after.entries.get(1).kind());
        assertArrayEquals(NEW_MESSAGE, after.entries.get(1).raw());
        assertEquals(added.name(), after.entries.get(1).position());
    }

    @Test
    void anIncrementalReadDeliversOnlyNewCommits(@TempDir Path tmp) throws IOException {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch = inbox.resolve("git/0.git");
        RecordingVisitor first = read(GitArchiveSource.v2Inbox(inbox), Map.of());
        Map<String, String> cursor = Map.of("git/0.git", first.entries.get(first.entries.size() - 1).position());

        assertEquals(0, read(GitArchiveSource.v2Inbox(inbox), cursor).entries.size(), "nothing new yet");
        ObjectId added = InboxCommits.v2(epoch, "m", NEW_MESSAGE);

        RecordingVisitor second = read(GitArchiveSource.v2Inbox(inbox), cursor);
        assertEquals(1, second.entries.size());
        assertArrayEquals(NEW_MESSAGE, second.entries.get(0).raw());
        assertEquals(added.name(), second.entries.get(0).position());
    }

    @Test
    void aNewEpochIsPickedUpAndReadAfterTheOldOne(@TempDir Path tmp) throws Exception {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch1 = inbox.resolve("git/1.git");
        try (Repository repo = new FileRepositoryBuilder()
                .setGitDir(epoch1.toFile()).setBare().build()) {
            repo.create(true);
        }
        InboxCommits.v2(epoch1, "m", NEW_MESSAGE);
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            assertEquals(List.of("git/0.git", "git/1.git"), source.epochs());
            RecordingVisitor all = read(source, Map.of());
            assertEquals(PublicInboxFixtures.MESSAGES + 1, all.entries.size());
            assertEquals("git/1.git", all.entries.get(all.entries.size() - 1).epoch());
        }
    }

    @Test
    void aCursorOffTheHistoryIsReportedAndTheEpochReadAgain() throws IOException {
        Path inbox = PublicInboxFixtures.v2();
        RecordingVisitor foreign = read(GitArchiveSource.v2Inbox(inbox),
                Map.of("git/0.git", "0123456789abcdef0123456789abcdef01234567"));
        assertEquals(PublicInboxFixtures.MESSAGES, foreign.entries.size());
        assertEquals(1, foreign.problems.size());
        assertTrue(foreign.problems.get(0).reason().contains("not on the first-parent history"),
                foreign.problems.get(0).reason());

        RecordingVisitor garbage = read(GitArchiveSource.v2Inbox(inbox), Map.of("git/0.git", "not-a-commit"));
        assertEquals(PublicInboxFixtures.MESSAGES, garbage.entries.size());
        assertTrue(garbage.problems.get(0).reason().contains("not a commit id"), garbage.problems.toString());
    }

    @Test
    void aReadAfterTheCountSeesCommitsThatLandedBetween(@TempDir Path tmp) throws IOException {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch = inbox.resolve("git/0.git");
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            assertEquals(PublicInboxFixtures.MESSAGES, source.estimate(Map.of()));
            // the count's walk is kept for the read; the tip has moved since
            ObjectId added = InboxCommits.v2(epoch, "m", NEW_MESSAGE);
            RecordingVisitor all = new RecordingVisitor();
            source.read(Map.of(), all);
            assertEquals(PublicInboxFixtures.MESSAGES + 1, all.entries.size());
            assertEquals(added.name(), all.entries.get(all.entries.size() - 1).position());
        }
    }

    @Test
    void aCountedReadDeliversWhatAPlainReadDoesAndEachProblemOnce() throws IOException {
        Path inbox = PublicInboxFixtures.v2();
        Map<String, String> cursor = Map.of("git/0.git", "not-a-commit");
        RecordingVisitor plain = read(GitArchiveSource.v2Inbox(inbox), cursor);
        RecordingVisitor counted = new RecordingVisitor();
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            assertEquals(plain.entries.size(), source.estimate(cursor));
            source.read(cursor, counted);
        }
        assertEquals(plain.problems, counted.problems);
        assertEquals(1, counted.problems.size());
        assertEquals(plain.entries.stream().map(e -> e.position() + " " + e.blob() + " " + e.time()).toList(),
                counted.entries.stream().map(e -> e.position() + " " + e.blob() + " " + e.time()).toList());
    }

    private static String pathOf(Path v1, ArchiveEntry entry) throws IOException {
        try (Repository repo = InboxCommits.open(v1); TreeWalk walk = new TreeWalk(repo)) {
            walk.addTree(repo.parseCommit(repo.resolve("refs/heads/master")).getTree());
            walk.setRecursive(true);
            while (walk.next()) {
                if (walk.getObjectId(0).name().equals(entry.blob())) {
                    return walk.getPathString();
                }
            }
        }
        throw new AssertionError("blob not in the tip: " + entry.blob());
    }

    private static RecordingVisitor read(ArchiveSource source, Map<String, String> cursor) throws IOException {
        RecordingVisitor visitor = new RecordingVisitor();
        try (source) {
            source.read(cursor, visitor);
        }
        return visitor;
    }
}
