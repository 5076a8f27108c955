package org.lorebot.bot.state;

/**
 * Tells whether a mail with a given Message-ID has already reached its destination: the list
 * archive when sending (backed by the index) and the outbox Maildir. Consulted before every
 * delivery, so neither a crash nor a lost state file posts a mail twice.
 */
@FunctionalInterface
public interface ArchiveCheck {

    boolean holds(String messageId);
}
