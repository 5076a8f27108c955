package org.lorebot.index.peer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.index.peer.PeerArchive.ids;
import static org.lorebot.index.peer.PeerArchive.ingest;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.index.MailIndex;
import org.lorebot.index.fixture.PeerCorpus;
import org.lorebot.index.query.MailQueryParser;
import org.lorebot.index.query.QuerySyntaxException;

/** Issue 11, points 10 to 13: the rest of lore's query language, and where lorebot differs. */
class LoreQueryLanguageTest {

    private static final DateTimeFormatter RFC_5322 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ASCTIME =
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT).withZone(ZoneOffset.UTC);

    private static String mail(String id, Instant sent, Instant received, String headers, String body) {
        return "From lorebot@example.org " + ASCTIME.format(received) + "\n"
                + "From: Dev <dev@example.org>\nMessage-ID: <" + id + ">\n"
                + "Date: " + RFC_5322.format(sent) + "\n" + headers + "\n" + body + "\n";
    }

    /**
     * Relative dates as public-inbox's approxidate reads them ({@code d:2.weeks.ago..},
     * {@code d:yesterday..}, {@code d:last.month..}), {@code dt:} to the second and {@code rt:}
     * over the time the archive received a mail (an mbox's From_ line).
     */
    @Test
    void relativeDatesDateTimesAndReceivedTimes(@TempDir Path tmp) throws Exception {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Instant threeDaysAgo = now.minus(3, ChronoUnit.DAYS);
        Instant fiveWeeksAgo = now.minus(35, ChronoUnit.DAYS);
        Instant hourAgo = now.minus(1, ChronoUnit.HOURS);
        Path mbox = tmp.resolve("dates.mbox");
        Files.writeString(mbox, mail("recent@x", threeDaysAgo, threeDaysAgo, "Subject: recent\n", "a")
                + mail("old@x", fiveWeeksAgo, hourAgo, "Subject: old but late\n", "b")
                + mail("fresh@x", hourAgo, hourAgo, "Subject: fresh\n", "c"), StandardCharsets.UTF_8);
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "dates", mbox);
            assertEquals(List.of("fresh@x", "recent@x"), ids(index, "d:2.weeks.ago.."));
            assertEquals(List.of("fresh@x"), ids(index, "d:yesterday.."));
            assertEquals(List.of("fresh@x", "recent@x"), ids(index, "d:last.month.."));
            assertEquals(List.of("old@x"), ids(index, "d:..last.month"));
            DateTimeFormatter compact = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").withZone(ZoneOffset.UTC);
            assertEquals(List.of("recent@x"), ids(index, "dt:" + compact.format(threeDaysAgo)
                    + ".." + compact.format(threeDaysAgo.plusSeconds(1))));
            assertEquals(List.of("fresh@x", "old@x"), ids(index, "rt:yesterday.."),
                    "rt: is when the archive got it, not the Date header");
        }
    }

    /**
     * {@code dfpre:}/{@code dfpost:} find a patch by the blob ids of its {@code index} line, any
     * abbreviation of 7 digits or more ({@code format-patch/messages/M_0001...}: 337cc86..49ff920);
     * {@code n:} by an attachment's file name ({@code public-inbox/t/psgi_attach.eml}).
     */
    @Test
    void blobIdsAndAttachmentNames(@TempDir Path tmp) throws Exception {
        Path mbox = PeerArchive.mbox(tmp, "fp.mbox",
                "format-patch/messages/M_0001-tricky-lines-that-look-like-headers.patch",
                "format-patch/messages/M_0004-binary-change.patch", "public-inbox/t/psgi_attach.eml");
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "fp", mbox);
            assertEquals(1, ids(index, "dfpre:337cc86").size());
            assertEquals(1, ids(index, "dfpost:49ff920").size());
            assertEquals(List.of(), ids(index, "dfpost:337cc86"), "the pre-image is not the post-image");
            assertEquals(1, ids(index, "dfpre:784d15b8d44f").size(), "a longer abbreviation of a full id");
            assertEquals(1, ids(index, "dfpost:113744aa810afb248c7bb34f126ad7fc269a9564").size());
            String attach = new String(PeerCorpus.bytes("public-inbox/t/psgi_attach.eml"), StandardCharsets.ISO_8859_1);
            java.util.regex.Matcher name = java.util.regex.Pattern.compile("filename=\"?([^\"\\s;]+)").matcher(attach);
            assertTrue(name.find(), "psgi_attach.eml names its attachment");
            assertEquals(1, ids(index, "n:\"" + name.group(1) + "\"").size(), name.group(1));
        }
    }

    /** 5,000 nested parentheses: a one-line error naming the bound, not a StackOverflowError. */
    @Test
    void deepNestingIsRefusedInOneLine() {
        String query = "(".repeat(5_000) + "nand" + ")".repeat(5_000);
        QuerySyntaxException e = assertThrows(QuerySyntaxException.class, () -> MailQueryParser.parse(query));
        assertTrue(e.getMessage().contains("nested more than " + MailQueryParser.MAX_NESTING), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().length() < 300, e.getMessage());
        String fine = "(".repeat(MailQueryParser.MAX_NESTING) + "nand" + ")".repeat(MailQueryParser.MAX_NESTING);
        assertTrue(assertDoesNotThrow(fine));
    }

    /**
     * Bad dates get lorebot's own words; like public-inbox's search box, an empty phrase is
     * ignored and a quote never closed runs to the end.
     */
    @Test
    void dateErrorsAreOwnWordsAndQuotesAreLenient(@TempDir Path tmp) throws Exception {
        QuerySyntaxException bad = assertThrows(QuerySyntaxException.class, () -> MailQueryParser.parse("d:2024-13-45"));
        assertTrue(bad.getMessage().startsWith("bad date in 'd:2024-13-45': '2024-13-45' is not a calendar date"
                + " (there is no month 13)"), bad.getMessage());
        assertFalse(bad.getMessage().contains("MonthOfYear"), "no java.time text");
        QuerySyntaxException feb = assertThrows(QuerySyntaxException.class, () -> MailQueryParser.parse("d:20230230"));
        assertTrue(feb.getMessage().contains("February 2023 has no day 30"), feb.getMessage());

        Path mbox = tmp.resolve("q.mbox");
        Instant t = Instant.parse("2023-01-02T10:00:00Z");
        Files.writeString(mbox, mail("spi@x", t, t, "Subject: spi nor fixes\n", "body")
                + mail("nand@x", t, t, "Subject: nand fixes\n", "body"), StandardCharsets.UTF_8);
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "q", mbox);
            assertEquals(List.of("spi@x"), ids(index, "s:\"\" s:spi"), "the empty phrase is ignored");
            assertEquals(List.of("spi@x"), ids(index, "s:\"spi nor"), "the phrase runs to the end");
        }
    }

    /**
     * The two deliberate differences from public-inbox (README, query section): HTML-only mail
     * is searchable (public-inbox indexes none of its text), and d:YYYYMMDD is that one day
     * (public-inbox's approxidate also matches the next day).
     */
    @Test
    void deliberateDifferencesFromPublicInbox(@TempDir Path tmp) throws Exception {
        Path mbox = tmp.resolve("diff.mbox");
        Instant day = Instant.parse("2023-01-02T10:00:00Z");
        Instant nextDay = Instant.parse("2023-01-03T10:00:00Z");
        Files.writeString(mbox, mail("html@x", day, day,
                "Subject: html only\nMIME-Version: 1.0\nContent-Type: text/html; charset=utf-8\n",
                "<html><body><p>the <b>ubifs</b> superblock is corrupt</p></body></html>")
                + mail("next@x", nextDay, nextDay, "Subject: next day\n", "later"), StandardCharsets.UTF_8);
        try (MailIndex index = MailIndex.open(tmp.resolve("data"))) {
            ingest(index, "diff", mbox);
            assertEquals(List.of("html@x"), ids(index, "b:superblock"), "public-inbox finds nothing here");
            assertEquals(List.of("html@x"), ids(index, "d:20230102"), "public-inbox would add next@x");
        }
    }

    private static boolean assertDoesNotThrow(String query) {
        try {
            return MailQueryParser.parse(query) != null;
        } catch (QuerySyntaxException e) {
            throw new AssertionError(query.length() + " chars: " + e.getMessage(), e);
        }
    }
}
