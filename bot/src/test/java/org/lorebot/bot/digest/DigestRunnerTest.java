package org.lorebot.bot.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.digest.Archive.diff;
import static org.lorebot.bot.digest.Archive.message;

import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.PatchParser;
import org.lorebot.analyzers.rules.DmaChecker;
import org.lorebot.bot.state.DigestPeriod;
import org.lorebot.bot.state.StateStore;

/** Digests built from a real index and a real state file, on a clock the test sets. */
class DigestRunnerTest {

    private static final String VKOUL = """
            [subscriber "vkoul@example.org"]
                lists = dmaengine
                paths = drivers/dma/
                query = s:mempool
                hour = 8
            """;
    private static final String BAD_ALLOC = "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA | GFP_KERNEL);";

    @TempDir
    Path dir;

    private static Instant t(String s) {
        return Instant.parse(s);
    }

    private static void dmaPatch(Archive a, String id, String subject, Instant date) throws Exception {
        a.post("dmaengine", message(id, "Dev One <dev@example.net>", "dmaengine@vger.kernel.org", subject, date, null,
                diff("drivers/dma/foo.c", "\tret = 0;", BAD_ALLOC)));
    }

    @Test
    void firstDigestCoversThePeriodBeforeTheBoundaryWithFindingsSeriesAndThreads() throws Exception {
        try (Harness h = new Harness(dir, VKOUL)) {
            Archive a = h.archive;
            dmaPatch(a, "too-early@x", "[PATCH] dmaengine: bar: old news", t("2026-11-19T07:00:00Z"));
            dmaPatch(a, "v1@x", "[PATCH] dmaengine: foo: allocate descriptors", t("2026-11-19T12:00:00Z"));
            a.post("dmaengine", message("usb@x", "Dev Two <two@example.net>", "dmaengine@vger.kernel.org",
                    "[PATCH] usb: gadget: not ours", t("2026-11-19T13:00:00Z"), null,
                    diff("drivers/usb/gadget/udc.c", "\tret = 0;", BAD_ALLOC)));
            a.post("linux-mm", message("pool@x", "Mm Dev <mm@example.net>", "linux-mm@kvack.org",
                    "mempool: why does it sleep?", t("2026-11-19T15:00:00Z"), null, "Question.\n"));
            a.post("linux-mm", message("pool-re@x", "Other <o@example.net>", "linux-mm@kvack.org",
                    "Re: mempool: why does it sleep?", t("2026-11-19T16:00:00Z"), "pool@x", "Answer.\n"));

            RunReport r = h.run(t("2026-11-20T09:00:00Z"));
            assertEquals(1, r.due());
            assertEquals(1, r.queued());
            List<MimeMessage> got = h.deliveredTo("vkoul@example.org");
            assertEquals(1, got.size());
            MimeMessage m = got.get(0);
            String body = Harness.text(m);

            List<Finding> expected = DmaChecker.check(PatchParser.parse("[PATCH] x",
                    diff("drivers/dma/foo.c", "\tret = 0;", BAD_ALLOC)));
            assertFalse(expected.isEmpty(), "the test patch must give the checker something to find");
            for (Finding f : expected) {
                assertTrue(body.contains(f.ruleId() + " drivers/dma/foo.c:" + f.line()), body);
            }
            assertTrue(body.contains("https://lore.kernel.org/dmaengine/v1@x/"), body);
            assertTrue(body.contains("[PATCH] dmaengine: foo: allocate descriptors"), body);
            assertTrue(body.contains("Search: s:mempool"), body);
            assertTrue(body.contains("mempool: why does it sleep? (2 new)"), body);
            assertTrue(body.contains("https://lore.kernel.org/linux-mm/pool@x/"), body);
            assertTrue(body.contains("From 2026-11-19 08:00 to 2026-11-20 08:00 (UTC)"), body);
            assertFalse(body.contains("too-early@x"), "sent before the period: " + body);
            assertFalse(body.contains("usb@x"), "outside the subscriber's paths: " + body);
            assertTrue(body.contains("This period: 2 messages on your lists, 1 patch in your area"), body);
            for (String line : body.split("\n")) {
                assertTrue(line.length() <= 72 || !line.strip().contains(" "), "too wide: " + line);
            }

            String unsubscribe = m.getHeader("List-Unsubscribe", null);
            assertTrue(unsubscribe.startsWith("<https://lorebot.example.org/unsubscribe/lb1."), unsubscribe);
            assertTrue(unsubscribe.contains("<mailto:lorebot@example.org?subject=unsubscribe%20lb1."), unsubscribe);
            assertEquals("List-Unsubscribe=One-Click", m.getHeader("List-Unsubscribe-Post", null));
            assertEquals("auto-generated", m.getHeader("Auto-Submitted", null));
            assertEquals("[lorebot daily digest] 2026-11-20: " + expected.size()
                    + (expected.size() == 1 ? " finding" : " findings") + ", 1 new series, 1 thread", m.getSubject());
        }
    }

    @Test
    void aNewVersionShowsTheVersionsBeforeIt() throws Exception {
        try (Harness h = new Harness(dir, VKOUL)) {
            dmaPatch(h.archive, "v1@x", "[PATCH] dmaengine: foo: allocate descriptors", t("2026-11-19T12:00:00Z"));
            h.run(t("2026-11-20T09:00:00Z"));
            dmaPatch(h.archive, "v2@x", "[PATCH v2] dmaengine: foo: allocate descriptors", t("2026-11-20T10:00:00Z"));
            h.run(t("2026-11-21T09:00:00Z"));
            List<MimeMessage> got = h.deliveredTo("vkoul@example.org");
            assertEquals(2, got.size());
            String second = Harness.text(got.get(1));
            assertTrue(second.contains("[PATCH v2] dmaengine: foo: allocate descriptors"), second);
            assertTrue(second.contains("Dev One <dev@example.net>, v2, 1 patch; drivers/dma/foo.c"), second);
            assertTrue(second.contains("v1 of 2026-11-19: https://lore.kernel.org/dmaengine/v1@x/"), second);
            assertFalse(second.contains("[PATCH] dmaengine: foo"), "v1 is not new any more: " + second);
        }
    }

    @Test
    void nothingIsSentWhenNothingIsNewAndTheNextDigestStartsAfterThatPeriod() throws Exception {
        try (Harness h = new Harness(dir, VKOUL)) {
            RunReport quiet = h.run(t("2026-11-20T09:00:00Z"));
            assertEquals(1, quiet.due());
            assertEquals(1, quiet.empty());
            assertEquals(0, h.delivered().size());
            dmaPatch(h.archive, "late@x", "[PATCH] dmaengine: foo: later", t("2026-11-20T11:00:00Z"));
            assertEquals(0, h.run(t("2026-11-20T12:00:00Z")).due(), "the 08:00 period was dealt with");
            RunReport next = h.run(t("2026-11-21T08:30:00Z"));
            assertEquals(1, next.queued());
            assertTrue(Harness.text(h.deliveredTo("vkoul@example.org").get(0)).contains("late@x"));
            try (StateStore s = h.openState(t("2026-11-21T08:30:00Z"))) {
                List<DigestPeriod> periods = s.digests().periods("vkoul@example.org");
                assertEquals(t("2026-11-20T08:00:00Z"), periods.get(0).end());
                assertTrue(periods.get(0).messageId().isEmpty());
                assertEquals(periods.get(0).end(), periods.get(1).start());
                assertEquals(t("2026-11-21T08:00:00Z"), periods.get(1).end());
            }
        }
    }

    @Test
    void missedRunsAreCaughtUpByOneDigest() throws Exception {
        try (Harness h = new Harness(dir, VKOUL)) {
            dmaPatch(h.archive, "d1@x", "[PATCH] dmaengine: one", t("2026-11-19T12:00:00Z"));
            h.run(t("2026-11-20T09:00:00Z"));
            // lorebot is down for three days while mail keeps coming
            dmaPatch(h.archive, "d2@x", "[PATCH] dmaengine: two", t("2026-11-21T12:00:00Z"));
            dmaPatch(h.archive, "d3@x", "[PATCH] dmaengine: three", t("2026-11-22T12:00:00Z"));
            dmaPatch(h.archive, "d4@x", "[PATCH] dmaengine: four", t("2026-11-23T12:00:00Z"));
            RunReport back = h.run(t("2026-11-23T20:00:00Z"));
            assertEquals(1, back.queued());
            assertEquals(0, h.run(t("2026-11-23T21:00:00Z")).due());
            List<MimeMessage> got = h.deliveredTo("vkoul@example.org");
            assertEquals(2, got.size());
            String catchUp = Harness.text(got.get(1));
            assertTrue(catchUp.contains("From 2026-11-20 08:00 to 2026-11-23 08:00"), catchUp);
            assertTrue(catchUp.contains("d2@x") && catchUp.contains("d3@x"), catchUp);
            assertFalse(catchUp.contains("d1@x"), "already in the first digest");
            assertFalse(catchUp.contains("d4@x"), "arrived after the boundary: next digest");
            h.run(t("2026-11-24T08:00:00Z"));
            assertTrue(Harness.text(h.deliveredTo("vkoul@example.org").get(2)).contains("d4@x"));
        }
    }

    @Test
    void weeklyDigestsInAZoneWithDaylightSaving() throws Exception {
        String weekly = """
                [subscriber "berlin@example.org"]
                    lists = dmaengine
                    frequency = weekly
                    day = sunday
                    hour = 8
                    timezone = Europe/Berlin
                """;
        try (Harness h = new Harness(dir, weekly)) {
            // Sunday 2026-10-25 is the end of summer time: 08:00 is 07:00 UTC that day,
            // 06:00 UTC the Sunday before.
            // Just before 08:00 on the 18th the latest boundary is the 11th; just after, the 18th.
            assertEquals(1, h.run(t("2026-10-18T05:59:00Z")).empty());
            assertEquals(1, h.run(t("2026-10-18T06:01:00Z")).empty());
            assertTrue(h.delivered().isEmpty());
            dmaPatch(h.archive, "summer@x", "[PATCH] dmaengine: summer", t("2026-10-20T12:00:00Z"));
            // 07:30 in Berlin, half an hour before the boundary
            dmaPatch(h.archive, "edge@x", "[PATCH] dmaengine: just before", t("2026-10-25T06:30:00Z"));
            h.run(t("2026-10-25T07:00:00Z"));
            List<MimeMessage> got = h.deliveredTo("berlin@example.org");
            assertEquals(1, got.size());
            String body = Harness.text(got.get(0));
            assertTrue(body.contains("From 2026-10-18 08:00 to 2026-10-25 08:00 (Europe/Berlin)"), body);
            assertTrue(body.contains("summer@x") && body.contains("edge@x"), body);
            assertTrue(got.get(0).getSubject().startsWith("[lorebot weekly digest] 2026-10-25"), got.get(0).getSubject());
            dmaPatch(h.archive, "after@x", "[PATCH] dmaengine: winter", t("2026-10-25T07:30:00Z"));
            assertEquals(0, h.run(t("2026-10-31T12:00:00Z")).due(), "not before next Sunday");
            assertEquals(1, h.run(t("2026-11-01T07:00:00Z")).queued());
            assertTrue(Harness.text(h.deliveredTo("berlin@example.org").get(1)).contains("after@x"));
        }
    }

    @Test
    void aSubscriberWhoseDigestCannotBeBuiltDoesNotHoldBackTheOthers() throws Exception {
        String two = VKOUL + """
                [subscriber "broken@example.org"]
                    query = s:((unbalanced
                """;
        try (Harness h = new Harness(dir, two)) {
            dmaPatch(h.archive, "d1@x", "[PATCH] dmaengine: one", t("2026-11-19T12:00:00Z"));
            RunReport r = h.run(t("2026-11-20T09:00:00Z"));
            assertEquals(2, r.due());
            assertEquals(1, r.queued());
            assertEquals(1, h.deliveredTo("vkoul@example.org").size());
            assertTrue(h.deliveredTo("broken@example.org").isEmpty());
        }
    }

    @Test
    void aPeriodIsNeverRecordedTwice() throws Exception {
        try (Harness h = new Harness(dir, VKOUL)) {
            dmaPatch(h.archive, "d1@x", "[PATCH] dmaengine: one", t("2026-11-19T12:00:00Z"));
            h.run(t("2026-11-20T09:00:00Z"));
            h.run(t("2026-11-20T09:00:00Z").plus(Duration.ofMinutes(1)));
            h.run(t("2026-11-20T23:00:00Z"));
            assertEquals(1, h.delivered().size());
        }
    }
}
