package org.lorebot.bot.digest;

import java.util.Objects;

/**
 * A thread with new messages matching one of the subscriber's saved searches.
 *
 * @param query       the saved search
 * @param rootId      the thread's root Message-ID (where the link points)
 * @param firstId     the first new matching message
 * @param list        the inbox of that message
 * @param subject     its subject
 * @param newMessages how many new messages of the thread matched
 */
public record ThreadItem(String query, String rootId, String firstId, String list, String subject,
                         int newMessages) {
    public ThreadItem {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(rootId, "rootId");
    }
}
