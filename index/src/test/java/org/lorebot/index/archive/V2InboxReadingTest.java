package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.lorebot.index.fixture.PublicInboxFixtures;

class V2InboxReadingTest {

    @Test
    void readsEveryMessageOfTheV2InboxOldestFirst() throws IOException {
        RecordingVisitor seen = new RecordingVisitor();
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            assertEquals(List.of("git/0.git"), source.epochs());
            assertEquals(PublicInboxFixtures.MESSAGES, source.estimate(Map.of()));
            source.read(Map.of(), seen);
        }
        assertEquals(List.of(), seen.problems);
        assertEquals(PublicInboxFixtures.MESSAGES, seen.of(ArchiveEntry.Kind.ADD).size());
        ArchiveEntry first = seen.entries.get(0);
        assertTrue(new String(first.raw(), StandardCharsets.UTF_8)
                .contains("Message-ID: <" + PublicInboxFixtures.FIRST_MESSAGE_ID + ">"), "first message");
        Set<String> commits = new HashSet<>();
        for (ArchiveEntry e : seen.entries) {
            assertEquals("git/0.git", e.epoch());
            assertTrue(commits.add(e.position()), "each commit once");
        }
        List<RevCommit> history = GitHistory.firstParentsOldestFirst(PublicInboxFixtures.v2Epoch());
        assertEquals(history.stream().map(RevCommit::name).toList(),
                seen.entries.stream().map(ArchiveEntry::position).toList(), "commit order");
        assertEquals(history.stream().map(c -> Instant.ofEpochSecond(c.getCommitTime())).toList(),
                seen.entries.stream().map(ArchiveEntry::time).toList(), "commit times");
    }

    @Test
    void readsOnlyWhatCameAfterTheCursor() throws IOException {
        RecordingVisitor all = new RecordingVisitor();
        RecordingVisitor tail = new RecordingVisitor();
        try (GitArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            source.read(Map.of(), all);
            Map<String, String> cursor = Map.of("git/0.git", all.entries.get(149).position());
            assertEquals(50, source.estimate(cursor));
            source.read(cursor, tail);
        }
        assertEquals(List.of(), tail.problems);
        assertEquals(all.entries.subList(150, 200).stream().map(ArchiveEntry::blob).toList(),
                tail.entries.stream().map(ArchiveEntry::blob).toList());
    }
}
