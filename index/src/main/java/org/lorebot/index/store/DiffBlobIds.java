package org.lorebot.index.store;

import java.util.List;
import java.util.Set;

/**
 * The blob ids a patch names in its {@code index A..B} lines, the pre-image ({@code dfpre:}) and
 * the post-image ({@code dfpost:}). As in public-inbox, an id is findable by any abbreviation of
 * at least 7 hex digits, so each id yields its prefixes from its full length down to 7. The lines
 * are those {@link BodySections} meets in its diff walk, where public-inbox's indexer takes them:
 * an {@code index} line in plain text or in a quote names no blob.
 *
 * @param preImageTerms  the terms of the ids before the change
 * @param postImageTerms the terms of the ids after it
 */
public record DiffBlobIds(List<String> preImageTerms, List<String> postImageTerms) {

    /** Shortest abbreviation a blob id is found by. */
    public static final int MIN_ABBREVIATION = 7;

    /** Adds the terms of {@code id} (lower-case hex): itself and its prefixes down to 7 digits. */
    static void abbreviations(String id, Set<String> terms) {
        for (int length = id.length(); length >= MIN_ABBREVIATION; length--) {
            terms.add(id.substring(0, length));
        }
    }
}
