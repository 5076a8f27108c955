package org.lorebot.index.archive;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.fixture.PublicInboxFixtures;

class MboxSourceTest {

    @Test
    void readsTheMboxPublicInboxWasFedWithTheSameMessagesAsItsArchive() throws IOException {
        Path mbox = PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2());
        RecordingVisitor fromMbox = read(ArchiveSources.open(mbox), Map.of());
        RecordingVisitor fromGit = read(ArchiveSources.open(PublicInboxFixtures.v2()), Map.of());

        assertEquals(List.of(), fromMbox.problems);
        assertEquals(PublicInboxFixtures.MESSAGES, fromMbox.entries.size());
        assertEquals(mbox.getFileName().toString(), fromMbox.entries.get(0).epoch());
        assertNull(fromMbox.entries.get(0).time(), "lore's placeholder From line carries no time");
        assertEquals(messageIds(fromGit), messageIds(fromMbox));
        assertEquals(Long.toString(Files.size(mbox)), fromMbox.entries.get(199).position());
    }

    @Test
    void unescapesFromLinesPerFormatAndKeepsCrlf(@TempDir Path tmp) throws IOException {
        String body = "Message-ID: <a@x>\r\n\r\n>From here\r\n>>From there\r\nFrom-less line\r\n";
        Path file = tmp.resolve("crlf.mbox");
        Files.writeString(file, "From a@x Mon Jan  2 08:14:25 2023\r\n" + body + "\r\n"
                + "From b@x Tue Jan  3 10:00:00 2023\r\nMessage-ID: <b@x>\r\n\r\nsecond\r\n", StandardCharsets.ISO_8859_1);

        RecordingVisitor rd = read(new MboxSource(file, MboxFormat.MBOXRD), Map.of());
        assertEquals(2, rd.entries.size());
        assertEquals("Message-ID: <a@x>\r\n\r\nFrom here\r\n>From there\r\nFrom-less line\r\n", text(rd.entries.get(0)));
        assertEquals(Instant.parse("2023-01-02T08:14:25Z"), rd.entries.get(0).time());
        assertEquals("Message-ID: <b@x>\r\n\r\nsecond\r\n", text(rd.entries.get(1)));

        RecordingVisitor o = read(new MboxSource(file, MboxFormat.MBOXO), Map.of());
        assertEquals("Message-ID: <a@x>\r\n\r\nFrom here\r\n>>From there\r\nFrom-less line\r\n", text(o.entries.get(0)));
    }

    @Test
    void resumesFromTheOffsetAfterAMessagePlainAndCompressed(@TempDir Path tmp) throws IOException {
        Path mbox = PublicInboxFixtures.sourceMbox(PublicInboxFixtures.v2());
        Path gz = tmp.resolve("lkml.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(mbox, out);
        }
        for (Path file : List.of(mbox, gz)) {
            try (ArchiveSource source = ArchiveSources.open(file)) {
                RecordingVisitor all = read(source, Map.of());
                String epoch = file.getFileName().toString();
                Map<String, String> cursor = Map.of(epoch, all.entries.get(119).position());
                RecordingVisitor rest = read(source, cursor);
                assertEquals(80, rest.entries.size(), file.toString());
                assertEquals(80, source.estimateWhileReading(), "exact once read");
                for (int i = 0; i < 80; i++) {
                    assertArrayEquals(all.entries.get(120 + i).raw(), rest.entries.get(i).raw());
                    assertEquals(all.entries.get(120 + i).position(), rest.entries.get(i).position());
                }
                RecordingVisitor none = read(source, Map.of(epoch, all.entries.get(199).position()));
                assertEquals(List.of(), none.entries);
                assertEquals(List.of(), none.problems);
            }
        }
    }

    @Test
    void reportsABadCursorAndStrayBytesThenReadsOn(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("stray.mbox");
        Files.writeString(file, "From x@y Mon Jan  2 08:14:25 2023\nMessage-ID: <a@x>\n\none\n");
        RecordingVisitor badCursor = read(new MboxSource(file, MboxFormat.MBOXRD), Map.of("stray.mbox", "7"));
        assertEquals(1, badCursor.entries.size());
        assertTrue(badCursor.problems.get(0).reason().contains("reading from the start"), badCursor.problems.toString());

        Path stray = tmp.resolve("junk-first.mbox");
        Files.writeString(stray, "junk line\nFrom x@y Mon Jan  2 08:14:25 2023\nMessage-ID: <a@x>\n\none\n");
        RecordingVisitor junk = read(new MboxSource(stray, MboxFormat.MBOXRD), Map.of());
        assertEquals(1, junk.entries.size());
        assertTrue(junk.problems.get(0).reason().contains("10 bytes before the first"), junk.problems.toString());
    }

    @Test
    void knowsTheCountExactlyOnceReadWithoutAPassBefore(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("tricky.mbox");
        Files.writeString(file, "\n\n"
                + "From a@x Mon Jan  2 08:14:25 2023\nMessage-ID: <a@x>\n\nbody\n"
                + "From the maintainer's point of view this is body text\n"
                + "\n"
                + "From b@x Mon Jan  2 08:14:26 2023\nMessage-ID: <b@x>\n\nno blank line before\n"
                + "From c@x Mon Jan  2 08:14:27 2023\nMessage-ID: <c@x>\n\n"
                + ">From an escaped line\n");
        MboxSource source = new MboxSource(file, MboxFormat.MBOXRD);
        assertEquals(-1, source.estimate(Map.of()), "not counted before reading");

        RecordingVisitor visitor = read(source, Map.of());

        assertEquals(Set.of("a@x", "b@x", "c@x"), messageIds(visitor));
        assertEquals(3, source.estimateWhileReading());
        String afterFirst = visitor.entries.get(0).position();
        read(source, Map.of("tricky.mbox", afterFirst));
        assertEquals(2, source.estimateWhileReading());
    }

    @Test
    void estimatesTheTotalFromTheShareOfTheFileReadPlainAndCompressed(@TempDir Path tmp)
            throws IOException {
        // Bodies of random letters, so that gzip cannot shrink the file to nothing: the share
        // of a compressed file read is that of its compressed bytes.
        java.util.Random random = new java.util.Random(13);
        StringBuilder mbox = new StringBuilder();
        int messages = 3000;
        for (int i = 0; i < messages; i++) {
            mbox.append("From m").append(i).append("@x Mon Jan  2 08:14:25 2023\nMessage-ID: <m")
                    .append(i).append("@x>\n\n");
            int lines = 20 + random.nextInt(40);
            for (int l = 0; l < lines; l++) {
                for (int c = 0; c < 60; c++) {
                    mbox.append((char) ('a' + random.nextInt(26)));
                }
                mbox.append('\n');
            }
            mbox.append('\n');
        }
        Path plain = tmp.resolve("big.mbox");
        Files.writeString(plain, mbox);
        Path gz = tmp.resolve("big.mbox.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }
        for (Path file : List.of(plain, gz)) {
            try (ArchiveSource source = ArchiveSources.open(file)) {
                List<Long> estimates = new java.util.ArrayList<>();
                source.read(Map.of(), new ArchiveVisitor() {
                    @Override
                    public void entry(ArchiveEntry entry) {
                        estimates.add(source.estimateWhileReading());
                    }

                    @Override
                    public void problem(ArchiveProblem problem) {
                    }
                });
                assertEquals(messages, estimates.size());
                for (int at : new int[] {messages / 4, messages / 2, messages * 3 / 4}) {
                    long estimate = estimates.get(at);
                    assertTrue(Math.abs(estimate - messages) < messages / 10,
                            file + ": " + estimate + " expected after " + at + " of " + messages);
                }
                assertEquals(messages, source.estimateWhileReading(), file + ", once read");
            }
        }
    }

    private static Set<String> messageIds(RecordingVisitor visitor) {
        Set<String> ids = new HashSet<>();
        for (ArchiveEntry e : visitor.entries) {
            String text = text(e);
            int start = text.indexOf("\nMessage-ID: <") + "\nMessage-ID: <".length();
            ids.add(text.substring(start, text.indexOf('>', start)));
        }
        return ids;
    }

    private static String text(ArchiveEntry e) {
        return new String(e.raw(), StandardCharsets.ISO_8859_1);
    }

    private static RecordingVisitor read(ArchiveSource source, Map<String, String> cursor) throws IOException {
        RecordingVisitor visitor = new RecordingVisitor();
        source.read(cursor, visitor);
        return visitor;
    }
}
