package org.lorebot.bot.citation;

import java.util.List;
import org.lorebot.analyzers.finding.Finding;
import org.lorebot.index.mail.MailMessage;

/**
 * Finds earlier list discussion of the mistake a finding reports: threads where the same API
 * and flag were questioned, reviewed or removed. The daemon backs this with the archive index.
 */
@FunctionalInterface
public interface PriorDiscussion {

    /** The citations worth linking for {@code finding} in {@code patch}, best first. */
    List<Citation> find(Finding finding, MailMessage patch);

    /** No earlier discussion: for use without an index. */
    static PriorDiscussion none() {
        return (finding, patch) -> List.of();
    }
}
