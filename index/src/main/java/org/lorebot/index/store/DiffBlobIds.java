package org.lorebot.index.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The blob ids a patch names in its {@code index A..B} lines, the pre-image ({@code dfpre:}) and
 * the post-image ({@code dfpost:}). As in public-inbox, an id is findable by any abbreviation of
 * at least 7 hex digits, so each id yields its prefixes from its full length down to 7.
 *
 * @param preImageTerms  the terms of the ids before the change
 * @param postImageTerms the terms of the ids after it
 */
public record DiffBlobIds(List<String> preImageTerms, List<String> postImageTerms) {

    /** Shortest abbreviation a blob id is found by. */
    public static final int MIN_ABBREVIATION = 7;
    /** Longest id read (SHA-256); a longer pre-image run is no id, a longer post-image run is cut. */
    private static final int MAX_ID = 64;
    private static final String INDEX = "index ";

    /**
     * The ids of every line that starts {@code index <7-64 hex>..<7+ hex>}. Lines start after any
     * of Java's line terminators, as a multi-line regex's {@code ^} would: the body is scanned
     * with {@code indexOf}, not matched line by line, because most bodies have no such line.
     */
    public static DiffBlobIds of(String body) {
        int at = body.indexOf(INDEX);
        if (at < 0) {
            return new DiffBlobIds(List.of(), List.of());
        }
        Set<String> pre = new LinkedHashSet<>();
        Set<String> post = new LinkedHashSet<>();
        for (; at >= 0; at = body.indexOf(INDEX, at + INDEX.length())) {
            if (at > 0 && !isLineTerminator(body.charAt(at - 1))) {
                continue;
            }
            int preStart = at + INDEX.length();
            int preEnd = hexRun(body, preStart);
            if (preEnd - preStart < MIN_ABBREVIATION || preEnd - preStart > MAX_ID
                    || !body.startsWith("..", preEnd)) {
                continue;
            }
            int postStart = preEnd + 2;
            int postEnd = Math.min(hexRun(body, postStart), postStart + MAX_ID);
            if (postEnd - postStart < MIN_ABBREVIATION) {
                continue;
            }
            abbreviations(body.substring(preStart, preEnd), pre);
            abbreviations(body.substring(postStart, postEnd), post);
        }
        return new DiffBlobIds(new ArrayList<>(pre), new ArrayList<>(post));
    }

    /** The end of the run of ASCII hex digits at {@code from}. */
    private static int hexRun(String s, int from) {
        int i = from;
        while (i < s.length() && isHex(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    private static void abbreviations(String id, Set<String> terms) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (int length = lower.length(); length >= MIN_ABBREVIATION; length--) {
            terms.add(lower.substring(0, length));
        }
    }
}
