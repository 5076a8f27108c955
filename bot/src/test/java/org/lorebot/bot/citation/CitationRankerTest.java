package org.lorebot.bot.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

class CitationRankerTest {

    private static final String INBOX = "https://lore.kernel.org/linux-mm";
    private static final Instant NOW = Instant.parse("2026-11-01T00:00:00Z");

    private static MailMessage mail(String id, String from, String subject, Instant date,
                                    String inReplyTo, List<String> refs, String body) {
        return new MailMessage(id, subject, new Address("", from), List.of(), List.of(), date,
                inReplyTo, refs, null, body);
    }

    private final MailMessage patch = mail("new-1@x.org", "dev@x.org", "[PATCH] foo: use GFP_DMA",
            NOW, "cover@x.org", List.of("cover@x.org"), "diff --git a/f b/f\n");
    private final CitationRanker ranker = new CitationRanker(Set.of("HCH@lst.de"), Set.of("lorebot@example.org"), 3);

    @Test
    void maintainerReplyOutranksNewerPlainMail() {
        Candidate plain = new Candidate(mail("plain@x", "someone@x.org", "[PATCH] bar: GFP_DMA",
                NOW.minusSeconds(86_400), null, List.of(), "patch"), INBOX);
        Candidate review = new Candidate(mail("review@x", "hch@lst.de", "Re: [PATCH] baz: GFP_DMA",
                Instant.parse("2022-02-19T00:00:00Z"), "p@x", List.of("p@x"), "> +GFP_DMA\nNo."), INBOX);
        List<Citation> out = ranker.rank(patch, List.of(plain, review));
        assertEquals(List.of("https://lore.kernel.org/linux-mm/review@x/", "https://lore.kernel.org/linux-mm/plain@x/"),
                out.stream().map(Citation::url).toList());
    }

    @Test
    void appliedNoticeOutranksOrdinaryReplyOfTheSameAge() {
        Instant when = Instant.parse("2025-01-01T00:00:00Z");
        Candidate chat = new Candidate(mail("chat@x", "a@x.org", "Re: [PATCH] q", when, "q1@x", List.of("q1@x"), "hmm"), INBOX);
        Candidate applied = new Candidate(mail("applied@x", "b@x.org", "Re: [PATCH] r", when, "r1@x", List.of("r1@x"),
                "> quoted\n\nApplied to mm-unstable, thanks.\n"), INBOX);
        assertEquals("https://lore.kernel.org/linux-mm/applied@x/", ranker.rank(patch, List.of(chat, applied)).get(0).url());
    }

    @Test
    void leavesOutCurrentThreadLaterMailAndBots() {
        List<Candidate> cands = List.of(
                new Candidate(mail("cover@x.org", "dev@x.org", "[PATCH 0/2] foo", NOW.minusSeconds(60), null, List.of(), ""), INBOX),
                new Candidate(mail("sibling@x", "dev@x.org", "[PATCH 2/2] foo", NOW.minusSeconds(30), "cover@x.org",
                        List.of("cover@x.org"), ""), INBOX),
                new Candidate(mail("later@x", "hch@lst.de", "Re: old", NOW.plusSeconds(60), "o@x", List.of("o@x"), ""), INBOX),
                new Candidate(new MailMessage("lkp@x", "Re: old", new Address("kernel test robot", "lkp@intel.com"),
                        List.of(), List.of(), NOW.minusSeconds(600), "o@x", List.of("o@x"), null, ""), INBOX),
                new Candidate(mail("pw@x", "patchwork-bot+netdevbpf@kernel.org", "Re: old", NOW.minusSeconds(600), "o@x",
                        List.of("o@x"), ""), INBOX),
                new Candidate(mail("self@x", "lorebot@example.org", "Re: old", NOW.minusSeconds(600), "o@x",
                        List.of("o@x"), ""), INBOX));
        assertEquals(List.of(), ranker.rank(patch, cands));
    }

    @Test
    void keepsOneCitationPerThreadAndHonoursTheLimit() {
        Instant t = Instant.parse("2024-01-01T00:00:00Z");
        List<Candidate> cands = new ArrayList<>();
        cands.add(new Candidate(mail("t1a@x", "hch@lst.de", "Re: a", t, "t1@x", List.of("t1@x"), ""), INBOX));
        cands.add(new Candidate(mail("t1b@x", "hch@lst.de", "Re: a", t.plusSeconds(5), "t1@x", List.of("t1@x"), ""), INBOX));
        for (int i = 2; i <= 5; i++) {
            cands.add(new Candidate(mail("t" + i + "@x", "u@x.org", "s", t.minusSeconds(i), null, List.of(), ""), INBOX));
        }
        List<Citation> out = ranker.rank(patch, cands);
        assertEquals(3, out.size());
        assertEquals("https://lore.kernel.org/linux-mm/t1b@x/", out.get(0).url());
        assertEquals(1, out.stream().filter(c -> c.url().contains("/t1")).count());
    }

    @Test
    void citationCarriesSubjectAuthorAndDate() {
        Instant t = Instant.parse("2022-02-19T00:53:00Z");
        MailMessage m = new MailMessage("x@y.z", "Re: [PATCH] drop GFP_DMA", new Address("Christoph Hellwig", "hch@lst.de"),
                List.of(), List.of(), t, "p@y.z", List.of("p@y.z"), null, "");
        Citation c = ranker.rank(patch, List.of(new Candidate(m, "https://lore.kernel.org/all/"))).get(0);
        assertEquals(new Citation("https://lore.kernel.org/all/x@y.z/", "Re: [PATCH] drop GFP_DMA",
                "Christoph Hellwig <hch@lst.de>", t), c);
    }

    @Test
    void neverCitesTheOwnSeriesOrMailArrivingWithThePatch() {
        Instant earlier = NOW.minus(java.time.Duration.ofDays(2));
        // the author's own other patch of the series, sent unthreaded (as the n64 series was)
        Candidate ownSeries = new Candidate(mail("own-3@x", "DEV@x.org", "[PATCH 3/6] bar: GFP_DMA", earlier, null,
                List.of(), "diff"), INBOX);
        // a review that reached the archive in the same pass, though dated before the patch
        Candidate sameBatch = new Candidate(mail("late@x", "hch@lst.de", "Re: [PATCH] baz", earlier, "b@x",
                List.of("b@x"), "No GFP_DMA."), INBOX);
        Candidate older = new Candidate(mail("old@x", "hch@lst.de", "Re: [PATCH] qux", earlier.minusSeconds(60), "q@x",
                List.of("q@x"), "No GFP_DMA."), INBOX);
        List<Citation> out = ranker.rank(patch, List.of(ownSeries, sameBatch, older), "GFP_DMA with kmalloc()",
                Set.of("late@x", patch.messageId()));
        assertEquals(List.of("https://lore.kernel.org/linux-mm/old@x/"), out.stream().map(Citation::url).toList());
    }

    @Test
    void eachCitationSaysWhyInAFewWords() {
        Instant t = Instant.parse("2022-02-22T08:44:22Z");
        Candidate review = new Candidate(mail("r@x", "hch@lst.de", "Re: [PATCH 00/22] Don't use kmalloc() with GFP_DMA",
                t, "c@x", List.of("c@x"), "kmalloc with GFP_DMA is what we want to get rid of"), INBOX);
        Candidate applied = new Candidate(mail("a@x", "maint@x.org", "Re: [PATCH] foo", t.minusSeconds(9), "f@x",
                List.of("f@x"), "Applied, thanks."), INBOX);
        Candidate removal = new Candidate(mail("p@x", "other@x.org", "[PATCH] bar: drop GFP_DMA", t.minusSeconds(99),
                null, List.of(), "diff"), INBOX);
        List<String> why = ranker.rank(patch, List.of(review, applied, removal), "GFP_DMA with kmalloc()", Set.of())
                .stream().map(Citation::why).toList();
        assertEquals(List.of("hch on GFP_DMA with kmalloc()", "applied: GFP_DMA with kmalloc()",
                "a patch removing GFP_DMA with kmalloc()"), why);
    }
}
