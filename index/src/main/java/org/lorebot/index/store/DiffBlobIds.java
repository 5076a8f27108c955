package org.lorebot.index.store;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final Pattern INDEX_LINE =
            Pattern.compile("(?m)^index ([0-9a-fA-F]{7,64})\\.\\.([0-9a-fA-F]{7,64})");

    public static DiffBlobIds of(String body) {
        if (body.indexOf("index ") < 0) {
            return new DiffBlobIds(List.of(), List.of());
        }
        Set<String> pre = new LinkedHashSet<>();
        Set<String> post = new LinkedHashSet<>();
        Matcher m = INDEX_LINE.matcher(body);
        while (m.find()) {
            abbreviations(m.group(1), pre);
            abbreviations(m.group(2), post);
        }
        return new DiffBlobIds(new ArrayList<>(pre), new ArrayList<>(post));
    }

    private static void abbreviations(String id, Set<String> terms) {
        String lower = id.toLowerCase(Locale.ROOT);
        for (int length = lower.length(); length >= MIN_ABBREVIATION; length--) {
            terms.add(lower.substring(0, length));
        }
    }
}
