package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.search.SearchHit;

/**
 * An ingest killed with SIGKILL part-way (a real child JVM, several times, at different commit
 * counts, while it is writing) and started again ends with exactly the index of an uninterrupted
 * run: no message lost, none twice, same threads.
 */
class CrashRecoveryTest {

    private static final int COMMIT_EVERY = 15;

    @Test
    void killedRunsResumeToExactlyTheUninterruptedIndex(@TempDir Path tmp) throws Exception {
        Path inbox = PublicInboxFixtures.v2();
        Path data = tmp.resolve("killed");
        int committedBefore = 0;
        for (int killAfterCommits : new int[] {1, 2, 3}) {
            Process child = IngestUntilKilled.start(data.toString(), inbox.toString(),
                    Integer.toString(COMMIT_EVERY));
            int seen = IngestUntilKilled.waitForCommits(child, killAfterCommits);
            assertEquals(killAfterCommits, seen, "the child ran long enough to commit");
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertTrue(child.exitValue() != 0, "killed, not finished");
            try (MailIndex index = MailIndex.open(data)) {
                int size = index.size();
                assertTrue(size > committedBefore && size < PublicInboxFixtures.MESSAGES,
                        "a partial index after the kill: " + size);
                assertEquals(size, index.search("l:lkml", 0, 0).total(), "no duplicate documents");
                committedBefore = size;
            }
        }
        IngestSummary rest;
        try (MailIndex index = MailIndex.open(data);
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            rest = index.ingest("lkml", source, IngestListener.NONE);
        }
        assertEquals(PublicInboxFixtures.MESSAGES - committedBefore, rest.read(),
                "the last run reads exactly what was not committed");
        assertEquals(0, rest.duplicates());

        try (MailIndex resumed = MailIndex.open(data);
             MailIndex straight = MailIndex.open(tmp.resolve("straight"));
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            straight.ingest("lkml", source, IngestListener.NONE);
            assertEquals(snapshot(straight), snapshot(resumed));
            assertEquals(PublicInboxFixtures.MESSAGES, resumed.search("l:lkml", 0, 0).total());
            assertEquals(straight.cursor("lkml"), resumed.cursor("lkml"));
        }
    }

    /** Every message with its thread, and a few searches. */
    private static Map<String, Object> snapshot(MailIndex index) throws Exception {
        Map<String, Object> snapshot = new TreeMap<>();
        for (SearchHit hit : index.search("l:lkml", 0, 0).hits()) {
            snapshot.put(hit.messageId(), hit.thread() + " " + hit.subject() + " " + hit.date());
        }
        for (String query : List.of("dfb:GFP_DMA", "dfa:GFP_DMA", "s:PATCH", "b:dma")) {
            snapshot.put("query " + query, index.search(query, 0, 0).hits().stream()
                    .map(SearchHit::messageId).toList());
        }
        return snapshot;
    }
}
