package org.lorebot.index.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.InboxCommits;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.ArchiveSource;
import org.lorebot.index.archive.GitArchiveSource;
import org.lorebot.index.fixture.PublicInboxFixtures;
import org.lorebot.index.search.MessageThread;
import org.lorebot.index.search.SearchHit;
import org.lorebot.index.search.ThreadEntry;
import org.lorebot.index.store.StoredMessage;

/** The two inboxes made by the real public-inbox 1.9.0, ingested and checked against it. */
class PublicInboxIngestTest {

    /** public-inbox's own threads: thread id to the Message-IDs in it, from over.sqlite3. */
    private static Map<Long, Set<String>> publicInboxThreads(Path scratch) throws Exception {
        // A private copy: the fixture's database comes with its journal, which SQLite replays.
        Path over = Files.createTempDirectory(scratch, "over-");
        for (String name : List.of("over.sqlite3", "over.sqlite3-journal")) {
            Path file = PublicInboxFixtures.v2().resolve("xap15").resolve(name);
            if (Files.exists(file)) {
                Files.copy(file, over.resolve(name));
            }
        }
        Map<Long, Set<String>> threads = new HashMap<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + over.resolve("over.sqlite3"));
             Statement st = db.createStatement();
             ResultSet rs = st.executeQuery("SELECT m.mid, o.tid, o.num FROM msgid m"
                     + " JOIN id2num i ON i.id = m.id JOIN over o ON o.num = i.num")) {
            while (rs.next()) {
                assertTrue(rs.getLong(3) > 0, "public-inbox has a ghost: " + rs.getString(1));
                threads.computeIfAbsent(rs.getLong(2), k -> new TreeSet<>()).add(rs.getString(1));
            }
        }
        return threads;
    }

    private static void assertSameAsPublicInbox(MailIndex index, Path scratch) throws Exception {
        Map<Long, Set<String>> expected = publicInboxThreads(scratch);
        assertEquals(PublicInboxFixtures.THREADS, expected.size());
        Set<String> roots = new HashSet<>();
        int messages = 0;
        for (Set<String> thread : expected.values()) {
            for (String id : thread) {
                messages++;
                StoredMessage stored = index.message(id).orElseThrow(() -> new AssertionError(id));
                assertEquals(id, stored.messageId());
                MessageThread t = index.thread(id).orElseThrow();
                Set<String> actual = new TreeSet<>();
                for (ThreadEntry e : t.entries()) {
                    assertFalse(e.ghost(), "no ghosts in this inbox: " + e.messageId());
                    actual.add(e.messageId());
                }
                assertEquals(thread, actual, "thread of " + id);
                assertEquals(t.root(), stored.thread());
                roots.add(t.root());
            }
        }
        assertEquals(PublicInboxFixtures.MESSAGES, messages);
        assertEquals(PublicInboxFixtures.THREADS, roots.size());
        assertEquals(PublicInboxFixtures.MESSAGES, index.size());
        // public-inbox's own search answers for this inbox
        assertEquals(5, index.search("dfb:GFP_DMA", 0, 0).total());
        assertEquals(12, index.search("dfa:GFP_DMA", 0, 0).total());
        assertEquals(1, index.search("dfn:mm/dmapool.c", 0, 0).total());
    }

    @Test
    void aV2InboxIngestsLikePublicInboxThreadsAndSearchesIt(@TempDir Path data) throws Exception {
        try (MailIndex index = MailIndex.open(data);
             ArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            IngestSummary summary = index.ingest("lkml", source, IngestListener.NONE);
            assertEquals(PublicInboxFixtures.MESSAGES, summary.read());
            assertEquals(PublicInboxFixtures.MESSAGES, summary.added());
            assertEquals(0, summary.duplicates() + summary.malformed() + summary.unreadable());
            assertSameAsPublicInbox(index, data);
            StoredMessage first = index.message("<" + PublicInboxFixtures.FIRST_MESSAGE_ID + ">")
                    .orElseThrow();
            assertEquals("lkml", first.list());
            assertEquals("git/0.git", first.epoch());
            assertTrue(new String(first.raw(), StandardCharsets.UTF_8)
                    .contains(PublicInboxFixtures.FIRST_MESSAGE_ID));
            assertFalse(first.message().body().isEmpty());
        }
    }

    @Test
    void aV1InboxGivesTheSameIndex(@TempDir Path data) throws Exception {
        try (MailIndex index = MailIndex.open(data);
             ArchiveSource source = GitArchiveSource.v1Inbox(PublicInboxFixtures.v1())) {
            IngestSummary summary = index.ingest("lkml", source, IngestListener.NONE);
            assertEquals(PublicInboxFixtures.MESSAGES, summary.added());
            assertSameAsPublicInbox(index, data);
        }
    }

    @Test
    void searchResultsComeNewestFirstInPages(@TempDir Path data) throws Exception {
        try (MailIndex index = MailIndex.open(data);
             ArchiveSource source = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
            index.ingest("lkml", source, IngestListener.NONE);
            var all = index.search("dfa:GFP_DMA", 0, 0);
            assertEquals(12, all.hits().size());
            for (int i = 1; i < all.hits().size(); i++) {
                assertFalse(all.hits().get(i).date().isAfter(all.hits().get(i - 1).date()));
            }
            var page = index.search("dfa:GFP_DMA", 5, 4);
            assertEquals(12, page.total());
            assertEquals(all.hits().subList(5, 9), page.hits());
            assertEquals(0, index.search("dfa:GFP_DMA", 12, 5).hits().size());
            SearchHit hit = all.hits().get(0);
            assertEquals("lkml", hit.list());
            assertEquals(index.thread(hit.messageId()).orElseThrow().root(), hit.thread());
            assertEquals(PublicInboxFixtures.MESSAGES, index.search("l:lkml", 0, 0).total());
        }
    }

    @Test
    void aRemovedMessageLeavesTheIndexAndANewOneIsReadAlone(@TempDir Path tmp) throws Exception {
        Path inbox = PublicInboxFixtures.extractV2(tmp.resolve("inbox"));
        Path epoch = inbox.resolve("git/0.git");
        String victim = "20230102081425.70187-1-jana.eklund@kernel.example.org";
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            try (ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
                index.ingest("lkml", source, IngestListener.NONE);
            }
            byte[] raw = index.message(victim).orElseThrow().raw();
            assertArrayEquals(raw, index.raw(victim).orElseThrow(), "the same bytes, unparsed");
            assertTrue(index.raw("no-such-message@example.org").isEmpty());
            Map<String, byte[]> batch = index.raw(List.of("<" + victim + ">", "no-such-message@example.org"));
            assertEquals(Set.of(victim), batch.keySet(), "only the messages held, by bare id");
            assertArrayEquals(raw, batch.get(victim));
            assertEquals(Map.of(victim, index.search("m:" + victim, 0, 1).hits().get(0)),
                    index.hits(List.of("<" + victim + ">", "no-such-message@example.org")),
                    "found by id, the same summary a search gives");
            int threadSize = index.thread(victim).orElseThrow().messageCount();
            assertEquals(1, index.search("m:" + victim, 0, 0).total());

            InboxCommits.v2(epoch, "d", raw);
            byte[] fresh = ("From: New Sender <new@example.org>\nTo: lkml@example.org\n"
                    + "Message-ID: <fresh-1@example.org>\nIn-Reply-To: <" + victim + ">\n"
                    + "Date: Tue, 3 Jan 2023 10:00:00 +0000\nSubject: Re: a late reply\n\n"
                    + "Thanks, applied.\n").getBytes(StandardCharsets.UTF_8);
            InboxCommits.v2(epoch, "m", fresh);

            IngestSummary second;
            try (ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
                second = index.ingest("lkml", source, IngestListener.NONE);
            }
            assertEquals(2, second.read(), "only the two new commits are read");
            assertEquals(1, second.removed());
            assertEquals(1, second.added());
            assertTrue(index.message(victim).isEmpty());
            assertTrue(index.raw(List.of(victim)).isEmpty(), "a removed message is not downloaded");
            assertTrue(index.hits(List.of(victim)).isEmpty());
            assertEquals(0, index.search("m:" + victim, 0, 0).total());
            assertEquals(PublicInboxFixtures.MESSAGES, index.size());
            MessageThread thread = index.thread("fresh-1@example.org").orElseThrow();
            assertEquals(threadSize, thread.messageCount(), "one message left, one joined");
            assertTrue(thread.entries().stream().anyMatch(e -> e.ghost()
                    && e.messageId().equals(victim)), "the removed message is now a ghost");
        }
        // The state survives reopening: cursor, documents and threads.
        try (MailIndex index = MailIndex.open(tmp.resolve("data"));
             ArchiveSource source = GitArchiveSource.v2Inbox(inbox)) {
            assertEquals(0, index.ingest("lkml", source, IngestListener.NONE).read());
            assertTrue(index.message(victim).isEmpty());
            assertTrue(index.raw(List.of(victim)).isEmpty(), "a removed message is not downloaded");
            assertTrue(index.hits(List.of(victim)).isEmpty());
            assertEquals(PublicInboxFixtures.MESSAGES, index.size());
            assertTrue(index.thread("fresh-1@example.org").orElseThrow().entries().stream()
                    .anyMatch(ThreadEntry::ghost));
        }
    }

    @Test
    void reingestingTheSameArchiveElsewhereCountsDuplicatesAndAddsNothing(@TempDir Path data)
            throws Exception {
        try (MailIndex index = MailIndex.open(data)) {
            try (ArchiveSource v2 = GitArchiveSource.v2Inbox(PublicInboxFixtures.v2())) {
                index.ingest("lkml", v2, IngestListener.NONE);
            }
            // The v1 inbox holds the same 200 messages under another list name: same ids.
            try (ArchiveSource v1 = GitArchiveSource.v1Inbox(PublicInboxFixtures.v1())) {
                IngestSummary again = index.ingest("lkml-v1", v1, IngestListener.NONE);
                assertEquals(PublicInboxFixtures.MESSAGES, again.duplicates());
                assertEquals(0, again.added());
            }
            assertEquals(PublicInboxFixtures.MESSAGES, index.search("l:lkml", 0, 0).total());
            assertEquals(PublicInboxFixtures.MESSAGES, index.size());
        }
    }
}
