package org.lorebot.index.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.archive.MboxFormat;
import org.lorebot.index.archive.MboxSource;
import org.lorebot.index.ingest.IngestListener;
import org.lorebot.index.ingest.IngestSummary;

/**
 * Threads are read from the index itself, one at a time: what a freshly opened index answers, and
 * what later ingest runs add to threads an earlier run wrote.
 */
class StoredThreadsTest {

    @Test
    void anIdWithACommaAndALineBreakInsideItsBracketsStaysOneGhost(@TempDir Path tmp)
            throws Exception {
        // As in linux-mtd: "<patch@x,\n other@x>" is one (never received) id, not two.
        Path mbox = write(tmp, "list.mbox",
                mail("patch@x", null, null, "08:00"),
                mail("other@x", null, null, "09:00"),
                mail("reply@x", "missing@x", "<patch@x,\n other@x>\n <missing@x>", "10:00"));
        Path data = tmp.resolve("data");
        try (MailIndex index = MailIndex.open(data)) {
            index.ingest("test", new MboxSource(mbox, MboxFormat.MBOXRD), IngestListener.NONE);
        }
        try (MailIndex reopened = MailIndex.open(data)) {
            assertEquals(Set.of("reply@x"), messages(reopened, "reply@x"));
            assertEquals(Set.of("patch@x"), messages(reopened, "patch@x"));
            assertEquals(Set.of("other@x"), messages(reopened, "other@x"));
        }
    }

    @Test
    void aLateParentInALaterRunJoinsRepliesTheFirstRunWrote(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        Path first = write(tmp, "first.mbox",
                mail("reply1@x", "parent@x", "<parent@x>", "10:00"),
                mail("reply2@x", "parent@x", "<parent@x>", "11:00"),
                mail("alone@x", null, null, "12:00"));
        try (MailIndex index = MailIndex.open(data)) {
            index.ingest("test", new MboxSource(first, MboxFormat.MBOXRD), IngestListener.NONE);
            // two replies to a missing parent: one thread, named after the ghost
            assertEquals(Set.of("reply1@x", "reply2@x"), messages(index, "parent@x"));
            assertEquals("parent@x", index.search("s:reply2", 0, 10).hits().get(0).thread());
        }
        Path second = write(tmp, "second.mbox",
                mail("grandparent@x", null, null, "08:00"),
                mail("parent@x", "grandparent@x", "<grandparent@x>", "09:00"),
                mail("reply1@x", "parent@x", "<parent@x>", "10:00"));
        try (MailIndex index = MailIndex.open(data)) {
            IngestSummary summary = index.ingest("test",
                    new MboxSource(second, MboxFormat.MBOXRD), IngestListener.NONE);
            assertEquals(2, summary.added());
            assertEquals(1, summary.duplicates(), "reply1 was indexed by the first run");
        }
        try (MailIndex reopened = MailIndex.open(data)) {
            Set<String> thread = Set.of("grandparent@x", "parent@x", "reply1@x", "reply2@x");
            assertEquals(thread, messages(reopened, "reply2@x"));
            MessageThread t = reopened.thread("reply1@x").orElseThrow();
            assertEquals("grandparent@x", t.root());
            assertEquals(List.of(0, 1, 2, 2), t.entries().stream().map(ThreadEntry::depth).toList());
            assertEquals("grandparent@x", reopened.search("s:reply2", 0, 10).hits().get(0).thread());
            assertEquals(Set.of("alone@x"), messages(reopened, "alone@x"));
            assertEquals(5, reopened.size());
        }
    }

    @Test
    void aThreadReadBeforeAnIngestIsReadAgainAfterIt(@TempDir Path tmp) throws Exception {
        // Threads are kept built between searches; a message arriving later re-roots them.
        Path first = write(tmp, "first.mbox",
                mail("reply1@x", "parent@x", "<parent@x>", "10:00"),
                mail("reply2@x", "parent@x", "<parent@x>", "11:00"));
        Path second = write(tmp, "second.mbox",
                mail("grandparent@x", null, null, "08:00"),
                mail("parent@x", "grandparent@x", "<grandparent@x>", "09:00"));
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            index.ingest("test", new MboxSource(first, MboxFormat.MBOXRD), IngestListener.NONE);
            for (int asked = 0; asked < 2; asked++) {
                assertEquals("parent@x", index.search("s:reply2", 0, 10).hits().get(0).thread());
                assertEquals("parent@x", index.thread("reply1@x").orElseThrow().root());
                assertEquals("parent@x", index.message("reply1@x").orElseThrow().thread());
            }
            index.ingest("test", new MboxSource(second, MboxFormat.MBOXRD), IngestListener.NONE);
            assertEquals("grandparent@x", index.search("s:reply2", 0, 10).hits().get(0).thread());
            assertEquals("grandparent@x", index.thread("reply1@x").orElseThrow().root());
            assertEquals("grandparent@x", index.message("reply1@x").orElseThrow().thread());
            assertEquals(Set.of("grandparent@x", "parent@x", "reply1@x", "reply2@x"),
                    messages(index, "reply2@x"));
        }
    }

    private static Set<String> messages(MailIndex index, String id) throws IOException {
        Set<String> ids = new TreeSet<>();
        index.thread(id).orElseThrow().entries().stream().filter(e -> !e.ghost())
                .forEach(e -> ids.add(e.messageId()));
        return ids;
    }

    private static String mail(String id, String inReplyTo, String references, String time) {
        String name = id.substring(0, id.indexOf('@'));
        return "From a@example.org Mon Jan  2 " + time + ":00 2023\n"
                + "From: A <a@example.org>\nMessage-ID: <" + id + ">\n"
                + (inReplyTo == null ? "" : "In-Reply-To: <" + inReplyTo + ">\n")
                + (references == null ? "" : "References: " + references + "\n")
                + "Date: Mon, 2 Jan 2023 " + time + ":00 +0000\nSubject: " + name + "\n\n"
                + name + "\n\n";
    }

    private static Path write(Path dir, String name, String... mails) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, String.join("", mails), StandardCharsets.UTF_8);
        return file;
    }
}
