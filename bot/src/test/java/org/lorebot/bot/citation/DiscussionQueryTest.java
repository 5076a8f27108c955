package org.lorebot.bot.citation;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        assertEquals(Optional.of("(dfb:dma_alloc_coherent AND dfb:GFP_DMA) OR (dfa:dma_alloc_coherent AND dfa:GFP_DMA)"),
                DiscussionQuery.of(finding("\tpriv->buf = dma_alloc_coherent(&pdev->dev, ALIGN(size, 4),",
                        "\t\t\t\t&priv->dma, GFP_KERNEL | GFP_DMA);")));
    }

    @Test
    void prefersAllocatorsOverOtherCallsAndContextFlagsLast() {
        assertEquals(Optional.of("(dfb:kzalloc AND dfb:GFP_DMA32) OR (dfa:kzalloc AND dfa:GFP_DMA32)"),
                DiscussionQuery.of(finding("\tdev->fb = kzalloc(PAGE_ALIGN(size), GFP_KERNEL | GFP_DMA32);")));
        assertEquals(Optional.of("(dfb:kmalloc AND dfb:GFP_KERNEL) OR (dfa:kmalloc AND dfa:GFP_KERNEL)"),
                DiscussionQuery.of(finding("\tp = kmalloc(sizeof(*p), GFP_KERNEL);")));
    }

    @Test
    void nothingToSearchWithoutACallAndAFlag() {
        assertEquals(Optional.empty(), DiscussionQuery.of(finding("\tflags |= GFP_DMA;")));
        assertEquals(Optional.empty(), DiscussionQuery.of(finding("\tp = kmalloc(n, flags);")));
    }
}
