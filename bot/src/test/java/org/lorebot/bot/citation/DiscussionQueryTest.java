package org.lorebot.bot.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;

class DiscussionQueryTest {

    private static Finding finding(String... added) {
        List<DiffLine> lines = new ArrayList<>();
        for (String a : added) {
            lines.add(new DiffLine(DiffLine.Kind.ADDED, a, 0, 1));
        }
        lines.add(new DiffLine(DiffLine.Kind.REMOVED, "\told = kmalloc(n, GFP_ATOMIC);", 1, 0));
        return new Finding("DMA001", Severity.WARNING, "drivers/x.c", 1, lines, "m", "e", "f", List.of());
    }

    @Test
    void looksForTheAllocatorAndTheZoneFlagAcrossWrappedLines() {
        assertEquals(Optional.of("(dfb:GFP_DMA AND (dfb:dma_alloc_coherent OR dfctx:dma_alloc_coherent"
                + " OR dfb:dma_alloc_attrs OR dfctx:dma_alloc_attrs OR dfb:dma_alloc_wc OR dfctx:dma_alloc_wc))"
                + " OR (dfa:GFP_DMA AND (dfa:dma_alloc_coherent OR dfctx:dma_alloc_coherent"
                + " OR dfa:dma_alloc_attrs OR dfctx:dma_alloc_attrs OR dfa:dma_alloc_wc OR dfctx:dma_alloc_wc))"),
                DiscussionQuery.of(finding("\tpriv->buf = dma_alloc_coherent(&pdev->dev, ALIGN(size, 4),",
                        "\t\t\t\t&priv->dma, GFP_KERNEL | GFP_DMA);")));
    }

    @Test
    void onlyAPatchTakingTheFlagOutIsARemoval() {
        Finding f = finding("\tbuf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);");
        String header = "--- a/drivers/x.c\n+++ b/drivers/x.c\n@@ -1,3 +1,3 @@\n int a;\n";
        assertTrue(DiscussionQuery.removedBy(f).test(header
                + "-\tbuf = kmalloc(SZ, GFP_KERNEL | GFP_DMA);\n+\tbuf = kmalloc(SZ, GFP_KERNEL);\n"));
        assertFalse(DiscussionQuery.removedBy(f).test(header + "+\tbuf = kmalloc(SZ, GFP_DMA);\n"),
                "adding the flag is the same mistake, not its discussion");
        assertFalse(DiscussionQuery.removedBy(f).test(header
                + "-\tbuf = kmalloc(SZ, GFP_DMA);\n+\tbuf = kzalloc(SZ, GFP_DMA);\n"), "moved, not removed");
        assertFalse(DiscussionQuery.removedBy(f).test(header
                + "-\tbuf = kmalloc(SZ, GFP_DMA32);\n+\tbuf = kmalloc(SZ, GFP_KERNEL);\n"), "another flag");
    }

    @Test
    void prefersAllocatorsOverOtherCallsAndContextFlagsLast() {
        String kzalloc = DiscussionQuery.of(finding("\tdev->fb = kzalloc(PAGE_ALIGN(size), GFP_KERNEL | GFP_DMA32);"))
                .orElseThrow();
        assertTrue(kzalloc.startsWith("(dfb:GFP_DMA32 AND (dfb:kzalloc OR dfctx:kzalloc OR "), kzalloc);
        String kmalloc = DiscussionQuery.of(finding("\tp = kmalloc(sizeof(*p), GFP_KERNEL);")).orElseThrow();
        assertTrue(kmalloc.startsWith("(dfb:GFP_KERNEL AND (dfb:kmalloc OR dfctx:kmalloc OR "), kmalloc);
    }

    @Test
    void nothingToSearchWithoutACallAndAFlag() {
        assertEquals(Optional.empty(), DiscussionQuery.of(finding("\tflags |= GFP_DMA;")));
        assertEquals(Optional.empty(), DiscussionQuery.of(finding("\tp = kmalloc(n, flags);")));
    }

    @Test
    void aReplyDiscussesTheFindingWhenItNamesItsFlag() {
        Finding f = finding("\tpriv->buf = dma_alloc_coherent(dev, SZ, &priv->dma, GFP_KERNEL | GFP_DMA);");
        assertTrue(DiscussionQuery.discusses(f, "> +\tbuf = kmalloc(SZ, GFP_DMA);\n\nGFP_DMA is not needed here."));
        assertFalse(DiscussionQuery.discusses(f, "Please describe the controller's clocks in the binding."));
        assertFalse(DiscussionQuery.discusses(f, "GFP_DMA32 is a different zone"), "GFP_DMA32 is not GFP_DMA");
    }

    @Test
    void theSameMistakeWithASiblingAllocatorIsTheSameDiscussion() {
        List<String> family = DiscussionQuery.family("kzalloc");
        assertEquals("kzalloc", family.get(0), "the allocator itself first");
        assertTrue(family.containsAll(List.of("kmalloc", "kcalloc", "kmalloc_array")), family.toString());
        assertFalse(family.contains("devm_kzalloc"), "devres allocators are another family");
        assertEquals(List.of("not_an_allocator"), DiscussionQuery.family("not_an_allocator"));
    }
}
