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
        assertEquals(Optional.of("(dfb:GFP_DMA AND (dfb:dma_alloc_coherent OR dfctx:dma_alloc_coherent))"
                + " OR (dfa:GFP_DMA AND (dfa:dma_alloc_coherent OR dfctx:dma_alloc_coherent))"),
                DiscussionQuery.of(finding("\tpriv->buf = dma_alloc_coherent(&pdev->dev, ALIGN(size, 4),",
                        "\t\t\t\t&priv->dma, GFP_KERNEL | GFP_DMA);")));
    }

    @Test
    void prefersAllocatorsOverOtherCallsAndContextFlagsLast() {
        assertEquals(Optional.of("(dfb:GFP_DMA32 AND (dfb:kzalloc OR dfctx:kzalloc)) OR (dfa:GFP_DMA32 AND (dfa:kzalloc OR dfctx:kzalloc))"),
                DiscussionQuery.of(finding("\tdev->fb = kzalloc(PAGE_ALIGN(size), GFP_KERNEL | GFP_DMA32);")));
        assertEquals(Optional.of("(dfb:GFP_KERNEL AND (dfb:kmalloc OR dfctx:kmalloc)) OR (dfa:GFP_KERNEL AND (dfa:kmalloc OR dfctx:kmalloc))"),
                DiscussionQuery.of(finding("\tp = kmalloc(sizeof(*p), GFP_KERNEL);")));
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
}
