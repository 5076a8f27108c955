package org.lorebot.bot.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;
import org.lorebot.bot.citation.Citation;
import org.lorebot.config.InboxConfig.ReplyTo;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

class ReplyComposerTest {

    static final BotIdentity BOT = new BotIdentity(new Address("lorebot", "lorebot@example.org"),
            "lorebot 0.1.0", "lorebot-admin@example.org");
    static final ListContext MM = new ListContext("linux-mm", "linux-mm@kvack.org",
            "https://lore.kernel.org/linux-mm", ReplyTo.ALL);
    static final Instant NOW = Instant.parse("2026-11-21T18:00:00Z");

    /** Headers of a real posting (the moxa patch of the Feb-2022 GFP_DMA series). */
    static MailMessage moxaPatch() {
        return new MailMessage("20220219005221.634-3-bhe@redhat.com",
                "[PATCH 02/22] net: moxa: Don't use GFP_DMA when calling dma_alloc_coherent()",
                new Address("Baoquan He", "bhe@redhat.com"),
                List.of(new Address("", "linux-kernel@vger.kernel.org")),
                List.of(new Address("", "linux-mm@kvack.org"), new Address("", "akpm@linux-foundation.org"),
                        new Address("", "hch@lst.de"), new Address("", "David.Laight@ACULAB.COM"),
                        new Address("", "BHE@redhat.com"), new Address("", "david.laight@aculab.com"),
                        new Address("", "LoreBot@Example.org"), new Address("", "netdev@vger.kernel.org")),
                Instant.parse("2022-02-19T00:52:01Z"), "20220219005221.634-1-bhe@redhat.com",
                List.of("20220219005221.634-1-bhe@redhat.com"), "linux-kernel.vger.kernel.org",
                "diff --git a/drivers/net/ethernet/moxa/moxart_ether.c b/...\n");
    }

    static Finding dma001(String path, int line) {
        return new Finding("DMA001", Severity.WARNING, path, line,
                List.of(new DiffLine(DiffLine.Kind.ADDED,
                                "\tpriv->tx_desc_base = dma_alloc_coherent(&pdev->dev, TX_REG_DESC_SIZE * TX_DESC_NUM,", 0, line),
                        new DiffLine(DiffLine.Kind.ADDED,
                                "\t\t\t\t\t\t&priv->tx_base, GFP_DMA | GFP_KERNEL);", 0, line + 1)),
                "Zone modifier passed to a coherent DMA allocator is stripped and ignored",
                "dma_alloc_coherent() picks the zone from the device's coherent DMA mask and clears"
                        + " GFP_DMA, GFP_DMA32 and __GFP_HIGHMEM from the mask before allocating, so the"
                        + " flag has no effect here and only misleads the reader about the device's"
                        + " addressing limits.",
                "Drop GFP_DMA; express the limit with dma_set_coherent_mask() or"
                        + " dma_set_mask_and_coherent() at probe time.",
                List.of("kernel/dma/mapping.c:dma_alloc_attrs()",
                        "57bf5a8963f8 (v4.16, lore 20180110080027.13879-21-hch@lst.de)"));
    }

    static List<ReviewItem> oneItem() {
        return List.of(new ReviewItem(dma001("drivers/net/ethernet/moxa/moxart_ether.c", 484), List.of(
                new Citation("https://lore.kernel.org/linux-mm/20220219005221.634-1-bhe@redhat.com/",
                        "[PATCH 00/22] Don't use kmalloc() with GFP_DMA", "Baoquan He <bhe@redhat.com>",
                        Instant.parse("2022-02-19T00:52:00Z")))));
    }

    private final ReplyComposer composer = new ReplyComposer(BOT);

    @Test
    void threadsTheReplyAndAnswersEveryoneOnce() {
        OutgoingMail mail = composer.compose(moxaPatch(), MM, oneItem(), List.of(), NOW).orElseThrow();
        assertEquals("Re: [PATCH 02/22] net: moxa: Don't use GFP_DMA when calling dma_alloc_coherent()", mail.subject());
        assertEquals("20220219005221.634-3-bhe@redhat.com", mail.inReplyTo());
        assertEquals(List.of("20220219005221.634-1-bhe@redhat.com", "20220219005221.634-3-bhe@redhat.com"),
                mail.references());
        assertEquals(List.of(new Address("Baoquan He", "bhe@redhat.com")), mail.to());
        // original To and Cc, case-insensitively once each, without the author and the bot
        assertEquals(List.of("linux-kernel@vger.kernel.org", "linux-mm@kvack.org", "akpm@linux-foundation.org",
                        "hch@lst.de", "David.Laight@ACULAB.COM", "netdev@vger.kernel.org"),
                mail.cc().stream().map(Address::address).toList());
        assertEquals(BOT.address(), mail.from());
        assertEquals("lorebot 0.1.0", mail.mailer());
        assertEquals(NOW, mail.date());
        assertTrue(mail.messageId().matches("lorebot\\.[0-9a-f]{32}@example\\.org"), mail.messageId());
    }

    @Test
    void addsTheListWhenTheOriginalDidNotNameItAndAnswersOnlyTheAuthorWhenAsked() {
        ListContext mtd = new ListContext("linux-mtd", "linux-mtd@lists.infradead.org",
                "https://lore.kernel.org/linux-mtd", ReplyTo.ALL);
        OutgoingMail all = composer.compose(moxaPatch(), mtd, oneItem(), List.of(), NOW).orElseThrow();
        assertEquals("linux-mtd@lists.infradead.org", all.cc().get(all.cc().size() - 1).address());

        ListContext authorOnly = new ListContext("linux-mm", "linux-mm@kvack.org",
                "https://lore.kernel.org/linux-mm", ReplyTo.AUTHOR);
        OutgoingMail one = composer.compose(moxaPatch(), authorOnly, oneItem(), List.of(), NOW).orElseThrow();
        assertEquals(List.of(new Address("Baoquan He", "bhe@redhat.com")), one.recipients());
    }

    @Test
    void neverCopiesListsTheBotMayNotPostTo() {
        ReplyComposer careful = new ReplyComposer(BOT, Set.of("NetDev@vger.kernel.org"));
        OutgoingMail mail = careful.compose(moxaPatch(), MM, oneItem(), List.of(), NOW).orElseThrow();
        assertEquals(List.of("linux-kernel@vger.kernel.org", "linux-mm@kvack.org", "akpm@linux-foundation.org",
                        "hch@lst.de", "David.Laight@ACULAB.COM"),
                mail.cc().stream().map(Address::address).toList());
    }

    @Test
    void neverPrefixesReTwice() {
        assertEquals("Re: [PATCH] x", ReplyComposer.subject("[PATCH] x"));
        assertEquals("RE: [PATCH] x", ReplyComposer.subject("RE: [PATCH] x"));
        assertEquals("Re: [PATCH v2 1/3] mm: a folded subject",
                ReplyComposer.subject("[PATCH v2 1/3] mm: a\n folded   subject"));
    }

    @Test
    void bodyIsWrappedAt72ExceptQuotedDiffLines() {
        String body = composer.compose(moxaPatch(), MM, oneItem(), List.of(), NOW).orElseThrow().body();
        boolean sawLongQuote = false;
        for (String line : body.split("\n", -1)) {
            if (line.startsWith("> ")) {
                sawLongQuote |= line.length() > 72;
                continue;
            }
            // the one exception: a long link alone on its indented line
            assertTrue(line.length() <= 72 || line.matches("    https://\\S+"), "over 72 columns: " + line);
            assertTrue(!line.endsWith(" ") || line.equals("-- "), "trailing space: '" + line + "'");
        }
        assertTrue(sawLongQuote, "the long quoted line must stay whole");
        assertTrue(body.endsWith("\n"));
        assertTrue(!body.contains("\r") && !body.contains("<html"), body);
    }

    @Test
    void quotesOnlyTheLinesConcernedWithTheAnswerBelow() {
        String body = composer.compose(moxaPatch(), MM, oneItem(), List.of(), NOW).orElseThrow().body();
        String verdict = "DMA001 (warning): Zone modifier passed to a coherent DMA allocator is\n"
                + "stripped and ignored.\n";
        String expectedBlock = "In drivers/net/ethernet/moxa/moxart_ether.c, line 484:\n"
                + "> +\tpriv->tx_desc_base = dma_alloc_coherent(&pdev->dev, TX_REG_DESC_SIZE * TX_DESC_NUM,\n"
                + "> +\t\t\t\t\t\t&priv->tx_base, GFP_DMA | GFP_KERNEL);\n";
        assertTrue(body.contains(expectedBlock), body);
        assertEquals(2, body.lines().filter(l -> l.startsWith(">")).count());
        // the rule's verdict, explanation and fix, then the place it applies to, then what it cites
        int quote = body.indexOf("> +");
        assertTrue(body.indexOf(verdict) < body.indexOf("Fix: Drop GFP_DMA;"), body);
        assertTrue(body.indexOf("Fix: Drop GFP_DMA;") < quote, body);
        assertEquals(1, count(body, verdict), body);
        assertTrue(body.indexOf("Earlier discussion:\n  - [PATCH 00/22] Don't use kmalloc() with GFP_DMA (Baoquan He\n"
                + "    <bhe@redhat.com>, 2022-02-19)\n"
                + "    https://lore.kernel.org/linux-mm/20220219005221.634-1-bhe@redhat.com/\n") > quote, body);
        assertTrue(body.contains("  - 57bf5a8963f8 (v4.16, lore 20180110080027.13879-21-hch@lst.de)\n"
                + "    https://lore.kernel.org/all/20180110080027.13879-21-hch@lst.de/\n"), body);
        String footer = body.substring(body.indexOf("\n-- \n"));
        assertTrue(footer.contains("automated"), footer);
        assertTrue(footer.contains("\"#lorebot ignore DMA001\""), footer);
        assertTrue(footer.contains("To stop lorebot on linux-mm, write to lorebot-admin@example.org.\n"), footer);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void threeFindingsOfOneRuleExplainTheRuleOnceAndQuoteEachPlace() {
        String path = "drivers/net/ethernet/moxa/moxart_ether.c";
        List<ReviewItem> three = List.of(new ReviewItem(dma001(path, 484), oneItem().get(0).citations()),
                new ReviewItem(dma001(path, 490), oneItem().get(0).citations()),
                new ReviewItem(dma001("drivers/net/ethernet/moxa/moxart_main.c", 77), List.of()));
        String body = composer.compose(moxaPatch(), MM, three, List.of(), NOW).orElseThrow().body();
        assertTrue(body.startsWith("lorebot checked the allocation flags this patch adds or changes and\n"
                + "found 3 problems of one kind.\n"), body);
        Finding f = dma001(path, 484);
        assertEquals(1, count(body, "DMA001 (warning)"), body);
        assertEquals(1, count(body, "Fix: Drop GFP_DMA;"), body);
        assertEquals(1, count(body, "dma_alloc_coherent() picks the zone"), body);
        assertEquals(1, count(body, "Earlier discussion:"), body);
        assertEquals(1, count(body, "https://lore.kernel.org/linux-mm/20220219005221.634-1-bhe@redhat.com/"), body);
        assertEquals(1, count(body, "References:"), body);
        for (String place : List.of("In " + path + ", line 484:\n> +", "In " + path + ", line 490:\n> +",
                "In drivers/net/ethernet/moxa/moxart_main.c, line 77:\n> +")) {
            assertEquals(1, count(body, place), place + "\n" + body);
        }
        assertEquals(3 * f.lines().size(), body.lines().filter(l -> l.startsWith(">")).count(), body);
    }

    @Test
    void severalRulesOnOneLineAreOneQuotedBlockWithEachVerdictBelowIt() {
        String path = "drivers/net/ethernet/moxa/moxart_ether.c";
        Finding zone = dma001(path, 484);
        Finding other = new Finding("DMA024", Severity.INFO, path, 484, zone.lines(),
                "GFP_DMA expresses an addressing limit, but no DMA mask is set in the code this patch shows",
                "The portable way to tell the kernel that a device cannot reach all memory is its DMA mask.",
                "Call dma_set_mask_and_coherent() at probe.", List.of());
        String body = composer.compose(moxaPatch(), MM,
                List.of(new ReviewItem(zone, List.of()), new ReviewItem(other, List.of())), List.of(), NOW)
                .orElseThrow().body();
        assertEquals(zone.lines().size(), body.lines().filter(l -> l.startsWith(">")).count(), body);
        int block = body.indexOf("In " + path + ", line 484:\n");
        assertTrue(block > 0, body);
        String below = body.substring(block);
        assertTrue(below.contains("GFP_KERNEL);\n\nDMA001 (warning): Zone modifier passed to a coherent DMA allocator is\n"
                + "  stripped and ignored.\nDMA024 (info): GFP_DMA expresses an addressing limit, but no DMA mask is\n"
                + "  set in the code this patch shows.\n"), body);
        // each rule is still explained once; the second points at the block quoted above
        assertEquals(1, count(body, "Call dma_set_mask_and_coherent() at probe."), body);
        assertTrue(body.contains("It also applies to the lines quoted above:\n" + path + ", line 484."), body);
    }

    @Test
    void messageIdDependsOnPatchAndFindingsOnly() {
        MailMessage patch = moxaPatch();
        String a = composer.compose(patch, MM, oneItem(), List.of(), NOW).orElseThrow().messageId();
        String b = composer.compose(patch, MM, oneItem(), List.of(), NOW.plusSeconds(3600)).orElseThrow().messageId();
        assertEquals(a, b);
        String other = composer.compose(patch, MM,
                List.of(new ReviewItem(dma001("drivers/net/ethernet/moxa/moxart_ether.c", 485), List.of())),
                List.of(), NOW).orElseThrow().messageId();
        assertNotEquals(a, other);
        MailMessage v2 = new MailMessage("v2-" + patch.messageId(), patch.subject(), patch.from(), patch.to(),
                patch.cc(), patch.date(), null, List.of(), null, patch.body());
        assertNotEquals(a, composer.compose(v2, MM, oneItem(), List.of(), NOW).orElseThrow().messageId());
    }

    @Test
    void nothingFoundMeansNoReply() {
        assertEquals(Optional.empty(), composer.compose(moxaPatch(), MM, List.of(), List.of(), NOW));
    }

    @Test
    void repeatsBecomeOneLinePointers() {
        RepeatNote note = new RepeatNote(dma001("drivers/a.c", 10),
                "https://lore.kernel.org/linux-mm/lorebot.0123@example.org/");
        String body = composer.compose(moxaPatch(), MM, List.of(), List.of(note), NOW).orElseThrow().body();
        assertTrue(body.contains("  - DMA001 in drivers/a.c: Zone modifier passed to a coherent DMA"), body);
        assertTrue(body.contains("https://lore.kernel.org/linux-mm/lorebot.0123@example.org/"), body);
        assertTrue(body.lines().noneMatch(l -> l.startsWith(">")), body);
    }

    @Test
    void aMessageIdLongerThanTheArchiveKeepsIsQuotedWhole() throws Exception {
        String longId = "x".repeat(280) + "@example.net";
        String longParent = "cover-" + "y".repeat(300) + "@example.net";
        byte[] raw = ("From: Dev <dev@example.net>\r\nSubject: [PATCH 1/1] foo\r\n"
                + "Message-ID:\r\n <" + longId + ">\r\nIn-Reply-To: <" + longParent + ">\r\n"
                + "References: <" + longParent + ">\r\n\r\nbody\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        MailMessage p = moxaPatch();
        // what the archive kept: 244 characters of each id
        MailMessage stored = new MailMessage(longId.substring(0, 244), p.subject(), p.from(), p.to(), p.cc(), p.date(),
                longParent.substring(0, 244), List.of(longParent.substring(0, 244)), null, p.body());
        OutgoingMail mail = composer.compose(stored, MM, oneItem(), List.of(), NOW, FullMessageIds.of(raw)).orElseThrow();
        assertEquals(longId, mail.inReplyTo());
        assertEquals(List.of(longParent, longId), mail.references());
        byte[] rendered = new org.lorebot.bot.delivery.MailRenderer().render(mail).bytes();
        String headers = new String(rendered, java.nio.charset.StandardCharsets.US_ASCII).split("\r\n\r\n")[0];
        assertTrue(headers.contains("In-Reply-To: <" + longId + ">\r\n"), headers);
        assertTrue(headers.replace("\r\n ", " ").contains("References: <" + longParent + "> <" + longId + ">"), headers);
    }
}
