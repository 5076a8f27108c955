package org.lorebot.bot.review;

import java.util.Objects;
import org.lorebot.analyzers.finding.Finding;

/**
 * A finding an earlier version's review already reported: the reply mentions it in one line
 * pointing to that review instead of repeating it.
 */
public record RepeatNote(Finding finding, String earlierReplyUrl) {
    public RepeatNote {
        Objects.requireNonNull(finding, "finding");
        Objects.requireNonNull(earlierReplyUrl, "earlierReplyUrl");
    }
}
