package org.lorebot.bot.delivery;

/** Where composed mail goes: the outbox Maildir (dry run) or an SMTP server. */
public interface MailDelivery {

    /** Delivers the mail once; throws when it did not get through. */
    void deliver(RenderedMail mail) throws DeliveryException;

    /**
     * Whether this delivery can tell that a mail with this Message-ID already went out (its
     * own record, such as the outbox Maildir). False when it keeps no record.
     */
    default boolean delivered(String messageId) {
        return false;
    }
}
