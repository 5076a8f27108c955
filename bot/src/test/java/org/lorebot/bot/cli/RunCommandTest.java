package org.lorebot.bot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.store.StoredMessage;

/**
 * {@code lorebot run} without a configuration: the daemon on the built-in sample. The history is
 * indexed and never reviewed; the sample's new mail (real patches from the labelled corpus) is
 * reviewed, and the replies in the outbox cite messages that exist in the sample archive.
 */
class RunCommandTest {

    /** The sample's new patches with findings (labelled corpus 019, 022, 074). */
    private static final Set<String> REVIEWED = Set.of(
            "<20201225190048.776de55443fd4c953e797d8e@gmx.com>",
            "<20210104195611.61997e86092b3559c95f36fc@gmx.com>",
            "<1393324385-44355-3-git-send-email-hverkuil@xs4all.nl>");
    private static final Pattern CITATION = Pattern.compile("https://lore\\.kernel\\.org/([a-z0-9.-]+)/([^/\\s]+@[^/\\s]+)/");

    @TempDir
    Path dir;

    @Test
    void withoutConfigRunReviewsTheSamplesNewMailCitingItsHistory() throws Exception {
        Path data = dir.resolve("lorebot-data");
        CommandRun run = CommandRun.lorebot("run", "--data", data.toString());
        assertEquals(0, run.exit(), run.toString());
        List<String> lines = run.outLines();
        assertEquals("lorebot: no config given; using the built-in sample archive (dry-run, data in " + data + ")",
                lines.get(0));

        // the first pass indexes the whole history and answers none of it
        for (SampleArchive.SampleList list : SampleArchive.lists()) {
            assertTrue(run.out().contains("\n" + list.name() + ": added " + list.messages() + ", removed 0,"),
                    list + "\n" + run);
        }
        int firstRun = indexOf(lines, "lorebot: first run: the archives' history is indexed, not reviewed");
        int newMail = indexOf(lines, "== New mail: 4 real messages");
        assertTrue(firstRun < newMail, run.toString());
        assertTrue(lines.subList(firstRun, newMail).contains("outbox: 0 written to " + data.resolve("outbox")
                + " (dry-run: nothing is sent)"), run.toString());

        // the new mail: a review for each patch with findings, none for the reply among it
        List<MimeMessage> replies = outbox(data);
        assertEquals(3, replies.size(), run.toString());
        Set<String> answered = new TreeSet<>();
        for (MimeMessage m : replies) {
            answered.add(m.getHeader("In-Reply-To", null));
            assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
            assertTrue(m.getSubject().startsWith("Re: "), m.getSubject());
        }
        // the review reply among the new mail (020) is left alone
        assertEquals(REVIEWED, answered);

        // the reply shown in full is the first in the outbox, headers included
        int shown = indexOf(lines, "$ cat " + data.resolve("outbox") + "/new/");
        String mail = String.join("\n", lines.subList(shown + 1, lines.size()));
        assertTrue(mail.startsWith("Date: "), mail);
        assertTrue(mail.contains("\nAuto-Submitted: auto-generated\n"), mail);
        assertTrue(mail.contains("\n> +"), mail);

        // every citation in every reply points at a message of the sample archive, on its list
        List<String> cited = new ArrayList<>();
        try (MailIndex index = MailIndex.open(data)) {
            for (MimeMessage m : replies) {
                String body = ((String) m.getContent()).replace("\r\n", "\n");
                int earlier = body.indexOf("Earlier discussion:");
                if (earlier < 0) {
                    continue;
                }
                Matcher c = CITATION.matcher(body.substring(earlier, body.indexOf("\nReferences:", earlier)));
                while (c.find()) {
                    StoredMessage cite = index.message(c.group(2)).orElseThrow(
                            () -> new AssertionError("cited message not in the archive: " + c.group()));
                    assertEquals(c.group(1), cite.list(), c.group());
                    cited.add(c.group(2));
                }
            }
        }
        // the Feb-2022 "Don't use kmalloc() with GFP_DMA" discussion: Christoph Hellwig's answer
        assertTrue(cited.contains("20220222084422.GA6139@lst.de"), cited.toString());
    }

    @Test
    void runningTheSampleAgainReviewsNothingTwice() throws Exception {
        Path data = dir.resolve("lorebot-data");
        assertEquals(0, CommandRun.lorebot("run", "--data", data.toString()).exit());
        List<String> before = messageIds(outbox(data));

        CommandRun second = CommandRun.lorebot("run", "--data", data.toString());
        assertEquals(0, second.exit(), second.toString());
        assertTrue(second.out().contains("\n== Pass 1: fetch, ingest, review\nnothing new on any list\n"), second.toString());
        assertTrue(second.out().contains("\n== New mail: none; the sample's new mail arrived on an earlier run.\n"),
                second.toString());
        assertTrue(second.out().contains("\nNothing new since the last run: nothing reviewed, nothing written.\n"),
                second.toString());
        assertFalse(second.out().contains("== Pass 2"), second.toString());
        assertTrue(second.out().contains("\n$ cat " + data.resolve("outbox") + "/new/"), second.toString());
        assertEquals(before, messageIds(outbox(data)));
    }

    private static int indexOf(List<String> lines, String prefix) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(prefix)) {
                return i;
            }
        }
        throw new AssertionError("no line starting with '" + prefix + "' in\n" + String.join("\n", lines));
    }

    private static List<MimeMessage> outbox(Path data) throws Exception {
        List<MimeMessage> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(data.resolve("outbox/new"))) {
            for (Path f : files.sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    out.add(new MimeMessage(Session.getInstance(new Properties()), in));
                }
            }
        }
        return out;
    }

    private static List<String> messageIds(List<MimeMessage> mails) throws Exception {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : mails) {
            ids.add(m.getHeader("Message-ID", null));
        }
        return ids;
    }
}
