package org.lorebot.bot.series;

import org.lorebot.analyzers.finding.Finding;

/** A finding an earlier version's review already made, and the link to that review. */
public record Repeat(Finding finding, String earlierReplyUrl) {
}
