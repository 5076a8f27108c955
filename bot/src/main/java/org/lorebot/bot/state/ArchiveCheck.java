package org.lorebot.bot.state;

/**
 * Tells whether a mail with a given Message-ID has already reached its destination: the list
 * archive when sending (backed by the index), the outbox Maildir in a dry run. Consulted before
 * an item interrupted mid-delivery is tried again, so a crash never posts twice.
 */
@FunctionalInterface
public interface ArchiveCheck {

    boolean holds(String messageId);
}
