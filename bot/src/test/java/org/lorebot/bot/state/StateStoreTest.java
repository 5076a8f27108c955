package org.lorebot.bot.state;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.bot.delivery.RenderedMail;

class StateStoreTest {

    static final Instant T0 = Instant.parse("2026-11-21T18:00:00Z");

    @TempDir
    Path dir;

    static Clock at(Instant t) {
        return Clock.fixed(t, ZoneOffset.UTC);
    }

    static RenderedMail mail(String id) {
        return new RenderedMail(id, List.of("author@example.net", "list@example.org"),
                ("Message-ID: <" + id + ">\r\nSubject: Re: x\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII));
    }

    static ReplyRecord reply(String patch, String series, int version, String replyId, String list, Instant at) {
        return new ReplyRecord(patch, series, version, series + "#v" + version + "#1/2", replyId, list,
                List.of("DMA001|drivers/a.c|dma_alloc_coherent(dev, n, &h, GFP_DMA)"), at);
    }

    private String pragma(Path file, String name) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery("PRAGMA " + name)) {
            r.next();
            return r.getString(1);
        }
    }

    @Test
    void newFileIsVersionedInWalModeAndRemembersItsFirstRun() throws Exception {
        Path file = dir.resolve("sub/state.sqlite");
        try (StateStore s = StateStore.open(file, at(T0))) {
            assertEquals(4, s.schemaVersion());
            assertEquals(T0, s.firstRun());
        }
        assertEquals("wal", pragma(file, "journal_mode"));
        assertEquals("4", pragma(file, "user_version"));
        try (StateStore s = StateStore.open(file, at(T0.plus(Duration.ofDays(3))))) {
            assertEquals(T0, s.firstRun());
        }
    }

    @Test
    void upgradesAVersion1FileKeepingItsData() throws Exception {
        Path file = dir.resolve("state.sqlite");
        try (StateStore s = StateStore.open(file, at(T0))) {
            s.recordReply(reply("p1@x", "s", 1, "r1@b", "linux-mm", T0), mail("r1@b"));
        }
        // what lorebot with schema version 1 left behind
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String table : List.of("decisions", "subscriptions", "digest_periods",
                    "digest_arrivals", "digest_series", "digest_commands", "review_queue")) {
                s.execute("DROP TABLE " + table);
            }
            s.execute("PRAGMA user_version = 1");
        }
        try (StateStore s = StateStore.open(file, at(T0))) {
            assertEquals(4, s.schemaVersion());
            assertTrue(s.replyTo("p1@x").isPresent());
            assertEquals(Optional.empty(), s.decision("p1@x"));
            s.recordDecision("p1@x", "linux-mm", "review", "1 finding(s)", T0);
            s.recordDecision("p1@x", "linux-mm", "skip", "later", T0);
            assertEquals(Optional.of("review"), s.decision("p1@x"));
        }
    }

    @Test
    void refusesAFileFromANewerLorebot() throws Exception {
        Path file = dir.resolve("state.sqlite");
        StateStore.open(file, at(T0)).close();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 7");
        }
        StateException e = assertThrows(StateException.class, () -> StateStore.open(file, at(T0)));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("schema version 7"), e.getMessage());
    }

    @Test
    void recordingAReplyQueuesItsMailAndCountsItOnce() {
        try (StateStore s = StateStore.open(dir.resolve("state.sqlite"), at(T0))) {
            ReplyRecord r = reply("p1@x", "series-a", 1, "lorebot.1@example.org", "linux-mm", T0);
            assertTrue(s.recordReply(r, mail("lorebot.1@example.org")));
            assertFalse(s.recordReply(r, mail("lorebot.1@example.org")));

            assertEquals(Optional.of(r), s.replyTo("p1@x"));
            assertTrue(s.versionAnswered("series-a#v1#1/2"));
            assertFalse(s.versionAnswered("series-a#v2#1/2"));
            assertTrue(s.isOwnReply("lorebot.1@example.org"));
            assertEquals(1, s.postsSince(T0.minusSeconds(1)));
            OutboxEntry e = s.outbox().entry("lorebot.1@example.org").orElseThrow();
            assertEquals(OutboxStatus.PENDING, e.status());
            assertEquals(mail("lorebot.1@example.org"), e.mail());
            assertEquals("p1@x", e.patchMessageId());
            assertEquals(1, s.outbox().counts().get(OutboxStatus.PENDING));
        }
    }

    @Test
    void mismatchedReplyAndMailChangeNothing() {
        try (StateStore s = StateStore.open(dir.resolve("state.sqlite"), at(T0))) {
            assertThrows(IllegalArgumentException.class, () -> s.recordReply(
                    reply("p1@x", "s", 1, "lorebot.1@example.org", "l", T0), mail("lorebot.2@example.org")));
            assertEquals(Optional.empty(), s.replyTo("p1@x"));
            assertEquals(0, s.postsSince(Instant.EPOCH));
        }
    }

    @Test
    void countsPostsPerWindowAndList() {
        try (StateStore s = StateStore.open(dir.resolve("state.sqlite"), at(T0))) {
            s.recordReply(reply("a@x", "s1", 1, "r1@b", "linux-mm", T0.minus(Duration.ofHours(25))), mail("r1@b"));
            s.recordReply(reply("b@x", "s2", 1, "r2@b", "linux-mm", T0.minus(Duration.ofMinutes(30))), mail("r2@b"));
            s.recordReply(reply("c@x", "s3", 1, "r3@b", "netdev", T0.minus(Duration.ofMinutes(10))), mail("r3@b"));
            assertEquals(2, s.postsSince(T0.minus(Duration.ofHours(1))));
            assertEquals(1, s.postsToListSince("linux-mm", T0.minus(Duration.ofDays(1))));
            assertEquals(2, s.postsToListSince("linux-mm", T0.minus(Duration.ofDays(2))));
            assertEquals(0, s.postsToListSince("linux-mtd", Instant.EPOCH));
        }
    }

    @Test
    void silencesCursorsAndRepliesSurviveReopening() {
        Path file = dir.resolve("state.sqlite");
        try (StateStore s = StateStore.open(file, at(T0))) {
            assertTrue(s.silence(new Silence("series-a", "DMA001", "dev@x.org", "cmd@x", T0)));
            assertFalse(s.silence(new Silence("series-a", "DMA001", "maint@x.org", "cmd2@x", T0)));
            s.silence(new Silence("series-a", "DMA009", "dev@x.org", "cmd3@x", T0));
            s.saveCursor("linux-mm", "epoch0:abc123", T0);
            s.saveCursor("linux-mm", "epoch0:def456", T0.plusSeconds(5));
            s.recordReply(reply("p1@x", "series-a", 1, "r1@b", "linux-mm", T0), mail("r1@b"));
            s.recordReply(reply("p2@x", "series-a", 2, "r2@b", "linux-mm", T0.plusSeconds(1)), mail("r2@b"));
        }
        try (StateStore s = StateStore.open(file, at(T0))) {
            assertEquals(Set.of("DMA001", "DMA009"), s.silencedRules("series-a"));
            assertEquals(Set.of(), s.silencedRules("series-b"));
            assertEquals(Optional.of("epoch0:def456"), s.cursor("linux-mm"));
            assertEquals(Optional.empty(), s.cursor("netdev"));
            assertEquals(List.of("p1@x", "p2@x"), s.seriesReplies("series-a").stream().map(ReplyRecord::patchMessageId).toList());
            assertEquals(List.of("DMA001|drivers/a.c|dma_alloc_coherent(dev, n, &h, GFP_DMA)"),
                    s.seriesReplies("series-a").get(1).findingKeys());
        }
    }

    @Test
    void retryScheduleDoublesUpToTheLongestDelay() {
        RetrySchedule r = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(10), 5, Duration.ofHours(1));
        assertEquals(T0.plus(Duration.ofMinutes(1)), r.next(T0, 1));
        assertEquals(T0.plus(Duration.ofMinutes(2)), r.next(T0, 2));
        assertEquals(T0.plus(Duration.ofMinutes(8)), r.next(T0, 4));
        assertEquals(T0.plus(Duration.ofMinutes(10)), r.next(T0, 5));
        assertEquals(T0.plus(Duration.ofMinutes(10)), r.next(T0, 60));
    }

    @Test
    void oneTransactionCommitsTogetherAndAFailedChangeRollsBackAlone() throws Exception {
        Path file = dir.resolve("state.sqlite");
        try (StateStore s = StateStore.open(file, at(T0))) {
            s.inOneTransaction("pass", () -> {
                s.recordDecision("a@x", "linux-mm", "skip", "reply", T0);
                // a change that writes, then fails: only this change is rolled back
                assertThrows(StateException.class, () -> s.update("failing change", c -> {
                    try (Statement st = c.createStatement()) {
                        st.execute("INSERT INTO decisions (message_id, list, outcome, detail, at)"
                                + " VALUES ('b@x', 'linux-mm', 'skip', 'x', 0)");
                    }
                    throw new java.sql.SQLException("disk I/O error");
                }));
                s.recordDecision("c@x", "linux-mm", "skip", "cover letter", T0);
                // another connection sees nothing before the pass commits
                assertEquals("0", count(file, "decisions"));
            });
            assertEquals(Optional.of("skip"), s.decision("a@x"));
            assertEquals(Optional.of("skip"), s.decision("c@x"));
            assertEquals(Optional.empty(), s.decision("b@x"));
            assertEquals("2", count(file, "decisions"));

            assertThrows(IllegalStateException.class, () -> s.inOneTransaction("broken pass", () -> {
                s.recordDecision("d@x", "linux-mm", "skip", "x", T0);
                throw new IllegalStateException("crash in the middle of a pass");
            }));
            assertEquals(Optional.empty(), s.decision("d@x"), "a pass that fails keeps nothing");
        }
    }

    /** Rows in a table as another connection sees them (committed data only). */
    private static String count(Path file, String table) {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement();
             java.sql.ResultSet r = s.executeQuery("SELECT count(*) FROM " + table)) {
            r.next();
            return r.getString(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void firstRunStartsWhenTheReviewerFirstAsksNotWhenTheFileIsOpened() throws Exception {
        Path file = dir.resolve("state.sqlite");
        // "lorebot serve" or "lorebot digest" open the state long before the first review
        StateStore.open(file, at(T0)).close();
        Instant firstReview = T0.plus(Duration.ofDays(30));
        try (StateStore s = StateStore.open(file, at(firstReview))) {
            assertEquals(firstReview, s.firstRun());
        }
        try (StateStore s = StateStore.open(file, at(firstReview.plus(Duration.ofDays(1))))) {
            assertEquals(firstReview, s.firstRun(), "kept once recorded");
        }
    }
}
