package org.lorebot.bot.review;

import java.util.List;
import java.util.Objects;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.bot.citation.Citation;

/** A finding the reply reports, with the earlier discussion it cites. */
public record ReviewItem(Finding finding, List<Citation> citations) {
    public ReviewItem {
        Objects.requireNonNull(finding, "finding");
        citations = List.copyOf(citations);
    }
}
