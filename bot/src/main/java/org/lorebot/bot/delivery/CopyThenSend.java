package org.lorebot.bot.delivery;

import java.util.Objects;

/**
 * {@code mode = send}: every mail is kept in the outbox Maildir, then sent. The copy is written
 * once even when sending is retried, so the Maildir stays a faithful record of what went out.
 */
public final class CopyThenSend implements MailDelivery {

    private final MaildirOutbox copies;
    private final MailDelivery sender;

    public CopyThenSend(MaildirOutbox copies, MailDelivery sender) {
        this.copies = Objects.requireNonNull(copies, "copies");
        this.sender = Objects.requireNonNull(sender, "sender");
    }

    @Override
    public void deliver(RenderedMail mail) throws DeliveryException {
        if (!copies.contains(mail.messageId())) {
            copies.write(mail);
        }
        sender.deliver(mail);
    }
}
