package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.PublicInboxFixtures;

/** Objects deleted from a copy of the v2 fixture (whose objects are loose): reported, reading goes on. */
class DamagedRepositoryTest {

    @Test
    void aMissingBlobOrTreeIsReportedAndTheRestIsRead(@TempDir Path tmp) throws IOException {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch = inbox.resolve("git/0.git");
        List<RevCommit> history = GitHistory.firstParentsOldestFirst(epoch);
        RecordingVisitor intact = read(inbox);
        String blob = intact.entries.get(50).blob();
        RevCommit treeless = history.get(120);
        deleteLoose(epoch, blob);
        deleteLoose(epoch, treeless.getTree().name());

        RecordingVisitor damaged = read(inbox);

        assertEquals(PublicInboxFixtures.MESSAGES - 2, damaged.entries.size());
        assertEquals(2, damaged.problems.size(), damaged.problems.toString());
        assertEquals(history.get(50).name(), damaged.problems.get(0).position());
        assertTrue(damaged.problems.get(0).reason().startsWith("missing blob " + blob), damaged.problems.toString());
        assertEquals(treeless.name(), damaged.problems.get(1).position());
        assertTrue(damaged.problems.get(1).reason().startsWith("cannot read commit"), damaged.problems.toString());
    }

    @Test
    void aMissingCommitCutsTheHistoryAndWhatFollowsIsStillRead(@TempDir Path tmp) throws IOException {
        Path inbox = PublicInboxFixtures.extractV2(tmp);
        Path epoch = inbox.resolve("git/0.git");
        List<RevCommit> history = GitHistory.firstParentsOldestFirst(epoch);
        deleteLoose(epoch, history.get(9).name());

        RecordingVisitor damaged = read(inbox);

        assertEquals(PublicInboxFixtures.MESSAGES - 10, damaged.entries.size());
        assertEquals(history.get(10).name(), damaged.entries.get(0).position());
        assertEquals(1, damaged.problems.size());
        assertTrue(damaged.problems.get(0).reason().contains("history before it cannot be read"),
                damaged.problems.toString());
    }

    private static void deleteLoose(Path gitDir, String id) throws IOException {
        Files.delete(gitDir.resolve("objects").resolve(id.substring(0, 2)).resolve(id.substring(2)));
    }

    private static RecordingVisitor read(Path inbox) throws IOException {
        RecordingVisitor visitor = new RecordingVisitor();
        try (ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            source.read(Map.of(), visitor);
        }
        return visitor;
    }
}
