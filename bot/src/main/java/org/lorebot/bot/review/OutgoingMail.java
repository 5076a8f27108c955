package org.lorebot.bot.review;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lorebot.index.mail.Address;

/**
 * A reply ready to render: headers and the plain-text body (LF line ends, already wrapped).
 * Message-IDs are kept without angle brackets, as everywhere in lorebot.
 *
 * @param messageId  this mail's Message-ID, derived from what it answers and says
 * @param from       the bot
 * @param to         To mailboxes
 * @param cc         Cc mailboxes
 * @param subject    the Subject
 * @param inReplyTo  the Message-ID answered
 * @param references the References chain, oldest first, ending with {@code inReplyTo}
 * @param date       the Date
 * @param mailer     the X-Mailer value
 * @param body       the text
 */
public record OutgoingMail(String messageId, Address from, List<Address> to, List<Address> cc,
                           String subject, String inReplyTo, List<String> references, Instant date,
                           String mailer, String body) {

    /** The value of the Auto-Submitted header every bot mail carries (RFC 3834). */
    public static final String AUTO_SUBMITTED = "auto-generated";

    public OutgoingMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(from, "from");
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        Objects.requireNonNull(subject, "subject");
        references = List.copyOf(references);
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(mailer, "mailer");
        Objects.requireNonNull(body, "body");
        if (to.isEmpty()) {
            throw new IllegalArgumentException("a mail needs at least one To address");
        }
    }

    /** Everyone who gets the mail: To then Cc. */
    public List<Address> recipients() {
        List<Address> all = new ArrayList<>(to);
        all.addAll(cc);
        return List.copyOf(all);
    }
}
