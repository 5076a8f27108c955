package org.lorebot.bot.delivery;

import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code mode = send}: every mail is sent, then kept in the outbox Maildir. The copy is the
 * record that the mail left: after an interruption, {@link #delivered} finds it there even for
 * mail no list archive will show (a reply to the author alone).
 */
public final class SendThenCopy implements MailDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(SendThenCopy.class);

    private final MailDelivery sender;
    private final MaildirOutbox copies;

    public SendThenCopy(MailDelivery sender, MaildirOutbox copies) {
        this.sender = Objects.requireNonNull(sender, "sender");
        this.copies = Objects.requireNonNull(copies, "copies");
    }

    @Override
    public void deliver(RenderedMail mail) throws DeliveryException {
        sender.deliver(mail);
        if (copies.contains(mail.messageId())) {
            return;
        }
        try {
            copies.write(mail);
        } catch (DeliveryException e) {
            // The mail is out; failing here would make the outbox send it again.
            LOG.error("{} was sent but its copy could not be kept: {}", mail.messageId(), e.getMessage());
        }
    }

    @Override
    public boolean delivered(String messageId) {
        return copies.contains(messageId);
    }
}
