package org.lorebot.bot.delivery;

/** Where composed mail goes: the outbox Maildir (dry run) or an SMTP server. */
public interface MailDelivery {

    /** Delivers the mail once; throws when it did not get through. */
    void deliver(RenderedMail mail) throws DeliveryException;
}
