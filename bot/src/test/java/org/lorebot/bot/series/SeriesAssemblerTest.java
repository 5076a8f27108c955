package org.lorebot.bot.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lorebot.bot.series.Mails.T0;
import static org.lorebot.bot.series.Mails.cover;
import static org.lorebot.bot.series.Mails.diff;
import static org.lorebot.bot.series.Mails.mail;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesAssemblerTest {

    private static final String D = diff("drivers/foo.c", "\tbuf = kmalloc(64, GFP_KERNEL);", "\tbuf = kmalloc(64, GFP_DMA);");

    @Test
    void groupsPartsUnderTheirCoverLetterAndLeavesRepliesOut() {
        List<PatchMail> mails = List.of(
                mail("p3@x", "dev@example.net", "[PATCH v2 3/3] foo: three", 3, "c@x", D),
                cover("c@x", "dev@example.net", "[PATCH v2 0/3] foo: cleanups", 0, ""),
                mail("p1@x", "dev@example.net", "[PATCH v2 1/3] foo: one", 1, "c@x", D),
                mail("lone@x", "other@example.org", "[PATCH] bar: fix", 2, null, D),
                mail("re@x", "hch@lst.de", "Re: [PATCH v2 1/3] foo: one", 4, "p1@x", "> +x\nNo.\n"),
                mail("p2@x", "dev@example.net", "[PATCH v2 2/3] foo: two", 2, "c@x", D));
        List<Series> all = SeriesAssembler.assemble(mails);
        assertEquals(2, all.size());
        Series foo = all.get(0);
        assertEquals("c@x", foo.cover().orElseThrow().messageId());
        assertEquals(List.of("p1@x", "p2@x", "p3@x"), foo.parts().stream().map(PatchMail::messageId).toList());
        assertEquals(2, foo.version());
        assertEquals(3, foo.total());
        assertTrue(foo.isComplete());
        Series bar = all.get(1);
        assertEquals(List.of("lone@x"), bar.parts().stream().map(PatchMail::messageId).toList());
        assertTrue(bar.isComplete());
    }

    @Test
    void sendEmailWithoutCoverThreadsUnderPartOne() {
        List<Series> all = SeriesAssembler.assemble(List.of(
                mail("p1@x", "dev@example.net", "[PATCH 1/2] foo: one", 0, null, D),
                mail("p2@x", "dev@example.net", "[PATCH 2/2] foo: two", 1, "p1@x", D)));
        assertEquals(1, all.size());
        assertEquals(2, all.get(0).parts().size());
        assertTrue(all.get(0).cover().isEmpty());
    }

    @Test
    void unthreadedPartsJoinBySenderVersionAndCount() {
        List<Series> all = SeriesAssembler.assemble(List.of(
                mail("a1@x", "dev@example.net", "[PATCH 1/3] n64: one", 0, null, D),
                mail("a2@x", "dev@example.net", "[PATCH 2/3] n64: two", 1, null, D),
                mail("b1@x", "dev@example.net", "[PATCH 1/2] other: one", 2, null, D),
                mail("a3@x", "dev@example.net", "[PATCH 3/3] n64: three", 3, null, D),
                mail("late@x", "dev@example.net", "[PATCH 2/3] n64: again", 60 * 24, null, D)));
        assertEquals(List.of(List.of("a1@x", "a2@x", "a3@x"), List.of("b1@x"), List.of("late@x")),
                all.stream().map(s -> s.parts().stream().map(PatchMail::messageId).toList()).toList());
    }

    @Test
    void incompleteSeriesWaitsUntilTheGraceTimeHasPassed() {
        Series s = SeriesAssembler.assemble(List.of(
                cover("c@x", "dev@example.net", "[PATCH 0/3] foo", 0, ""),
                mail("p1@x", "dev@example.net", "[PATCH 1/3] foo: one", 1, "c@x", D),
                mail("p3@x", "dev@example.net", "[PATCH 3/3] foo: three", 2, "c@x", D))).get(0);
        assertFalse(s.isComplete());
        Duration grace = Duration.ofMinutes(30);
        assertEquals(Readiness.WAITING, Readiness.of(s, T0.plus(Duration.ofMinutes(29)), grace));
        assertEquals(Readiness.GRACE_EXPIRED, Readiness.of(s, T0.plus(Duration.ofMinutes(30)), grace));
        Series done = SeriesAssembler.assemble(List.of(
                mail("q1@x", "dev@example.net", "[PATCH 1/2] foo: one", 0, null, D),
                mail("q2@x", "dev@example.net", "[PATCH 2/2] foo: two", 0, "q1@x", D))).get(0);
        assertEquals(Readiness.COMPLETE, Readiness.of(done, T0, grace));
    }

    @Test
    void coverLetterAloneIsNotReady() {
        Series s = SeriesAssembler.assemble(List.of(cover("c@x", "dev@example.net", "[PATCH 0/2] foo", 0, ""))).get(0);
        assertEquals(Readiness.WAITING, Readiness.of(s, T0.plus(Duration.ofDays(9)), Duration.ofMinutes(30)));
    }
}
