package org.lorebot.bot.series;

import java.util.stream.Collectors;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * What makes two findings the same across versions of a series: the rule, the file and the
 * code added, with whitespace ignored (line numbers and re-wrapping change between versions).
 */
public final class FindingKey {

    private FindingKey() {
    }

    /** {@code DMA001|drivers/a.c|dma_alloc_coherent(dev,n,&h,GFP_DMA|GFP_KERNEL);} */
    public static String of(Finding f) {
        return f.ruleId() + "|" + f.path() + "|" + addedCode(f);
    }

    /** The finding's added lines joined, without any whitespace. */
    static String addedCode(Finding f) {
        return squeeze(f.lines().stream().filter(l -> l.kind() == DiffLine.Kind.ADDED)
                .map(DiffLine::text).collect(Collectors.joining()));
    }

    static String squeeze(String s) {
        return s.replaceAll("\\s+", "");
    }
}
