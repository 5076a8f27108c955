package org.lorebot.index.search;

import java.util.List;

/**
 * One page of search results.
 *
 * @param total how many messages match in all
 * @param hits  the requested page, newest first
 */
public record SearchResults(long total, List<SearchHit> hits) {
    public SearchResults {
        hits = List.copyOf(hits);
    }
}
