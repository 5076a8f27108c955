package org.lorebot.bot.series;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.lorebot.bot.series.Mails.diff;
import static org.lorebot.bot.series.Mails.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.finding.Severity;
import org.lorebot.analyzers.patch.DiffLine;

class FindingFiltersTest {

    static Finding finding(String rule, String path, String... added) {
        List<DiffLine> lines = new ArrayList<>();
        for (int i = 0; i < added.length; i++) {
            lines.add(new DiffLine(DiffLine.Kind.ADDED, added[i], 0, 11 + i));
        }
        return new Finding(rule, Severity.WARNING, path, 11, lines, "m", "e", "f", List.of());
    }

    private final Series series = SeriesAssembler.assemble(List.of(
            mail("p1@x", "dev@example.net", "[PATCH 1/2] foo: add buffer", 0, null,
                    diff("drivers/foo.c", "\tret = 0;", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA | GFP_KERNEL);")),
            mail("p2@x", "dev@example.net", "[PATCH 2/2] foo: drop GFP_DMA", 1, "p1@x",
                    diff("drivers/foo.c", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA | GFP_KERNEL);",
                            "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_KERNEL);")))).get(0);

    @Test
    void aFindingALaterPartFixesIsDropped() {
        Finding fixedLater = finding("DMA001", "drivers/foo.c", "\tbuf = dma_alloc_coherent(dev, 64, &h,",
                "\t\t\t GFP_DMA | GFP_KERNEL);"); // re-wrapped: whitespace must not matter
        Finding otherFile = finding("DMA001", "drivers/bar.c", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA | GFP_KERNEL);");
        Finding otherCall = finding("DMA002", "drivers/foo.c", "\tp = kmalloc(8, GFP_DMA);");
        assertEquals(List.of(otherFile, otherCall), LaterFixFilter.keep(series, 1, List.of(fixedLater, otherFile, otherCall)));
    }

    @Test
    void anEarlierPartNeverExcusesALaterOne() {
        Finding inLast = finding("DMA001", "drivers/foo.c", "\tret = 0;");
        assertEquals(List.of(inLast), LaterFixFilter.keep(series, 2, List.of(inLast)));
    }

    @Test
    void findingsAnEarlierReviewMadeBecomeRepeats() {
        Finding old = finding("DMA001", "drivers/foo.c", "\tbuf = dma_alloc_coherent(dev, 64, &h, GFP_DMA);");
        Finding moved = finding("DMA001", "drivers/foo.c", "\tbuf = dma_alloc_coherent(dev, 64,", "\t\t&h, GFP_DMA);");
        Finding fresh = finding("DMA009", "drivers/foo.c", "\tx = kmalloc(4, GFP_DMA32);");
        List<EarlierReply> earlier = List.of(
                new EarlierReply("https://lore.kernel.org/linux-mm/r1@example.org/", Set.of(FindingKey.of(old))),
                new EarlierReply("https://lore.kernel.org/linux-mm/r2@example.org/", Set.of(FindingKey.of(old))));
        RepeatFilter.Split split = RepeatFilter.split(List.of(moved, fresh), earlier);
        assertEquals(List.of(fresh), split.fresh());
        assertEquals(List.of(new Repeat(moved, "https://lore.kernel.org/linux-mm/r1@example.org/")), split.repeats());
        assertEquals("DMA001|drivers/foo.c|buf=dma_alloc_coherent(", FindingKey.of(moved));
    }

    @Test
    void findingKeyIgnoresArgumentsButNotWhereTheResultGoes() {
        Finding v1 = finding("DMA001", "drivers/foo.c", "\tif (!(priv->tx = dma_alloc_coherent(dev, n, &h, GFP_KERNEL | GFP_DMA)))");
        Finding v2 = finding("DMA001", "drivers/foo.c", "\tif (!(priv->tx = dma_alloc_coherent(dev, n, &h,", "\t\tGFP_DMA | GFP_KERNEL)))");
        Finding rx = finding("DMA001", "drivers/foo.c", "\tif (!(priv->rx = dma_alloc_coherent(dev, n, &h, GFP_KERNEL | GFP_DMA)))");
        assertEquals("DMA001|drivers/foo.c|if(!(priv->tx=dma_alloc_coherent(", FindingKey.of(v1));
        assertEquals(FindingKey.of(v1), FindingKey.of(v2));
        assertNotEquals(FindingKey.of(v1), FindingKey.of(rx));
    }
}
