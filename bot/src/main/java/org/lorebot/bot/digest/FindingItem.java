package org.lorebot.bot.digest;

import java.util.Objects;
import org.lorebot.analyzers.finding.Finding;

/**
 * A finding in a patch of the subscriber's area.
 *
 * @param messageId the patch mail
 * @param list      the inbox it was posted to
 * @param subject   its subject
 * @param finding   what the rule found
 */
public record FindingItem(String messageId, String list, String subject, Finding finding) {
    public FindingItem {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(finding, "finding");
    }
}
