package org.lorebot.index.search;

import java.time.Instant;

/**
 * One search result: what {@code lorebot search --json} and {@code /api/search} print per message.
 *
 * @param messageId the Message-ID, without angle brackets
 * @param subject   the decoded subject
 * @param from      the sender as {@code Name <address>}
 * @param date      the message's date
 * @param thread    the Message-ID of the thread's root (a ghost's id when the root was never seen)
 * @param list      the inbox name the message was ingested from
 */
public record SearchHit(String messageId, String subject, String from, Instant date,
                        String thread, String list) {
}
