package org.lorebot.bot.series;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.analyzers.patch.DiffLine;

/**
 * What makes two findings the same across versions of a series: the rule, the file and the call
 * concerned, that is the added code up to the call's opening parenthesis with whitespace
 * ignored ({@code priv->ring=dma_alloc_coherent(}). Line numbers, re-wrapping and re-ordered
 * flags change between versions; the call and where its result goes rarely do.
 */
public final class FindingKey {

    private static final Pattern CALL = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\(");
    private static final Set<String> NOT_CALLS = Set.of("if", "while", "for", "switch", "return", "sizeof");

    private FindingKey() {
    }

    /** {@code DMA001|drivers/a.c|priv->ring=dma_alloc_coherent(} */
    public static String of(Finding f) {
        return f.ruleId() + "|" + f.path() + "|" + callHead(addedCode(f));
    }

    /** The code up to and including the first call's parenthesis, or all of it without a call. */
    static String callHead(String code) {
        Matcher m = CALL.matcher(code);
        while (m.find()) {
            if (!NOT_CALLS.contains(m.group(1))) {
                return code.substring(0, m.end());
            }
        }
        return code;
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
