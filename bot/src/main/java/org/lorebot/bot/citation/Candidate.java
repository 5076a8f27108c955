package org.lorebot.bot.citation;

import java.util.Objects;
import org.lorebot.index.mail.MailMessage;

/**
 * A message a search for prior discussion returned, with the URL of the inbox it was found in.
 */
public record Candidate(MailMessage message, String inboxUrl) {
    public Candidate {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(inboxUrl, "inboxUrl");
    }

    /** The first message of the candidate's thread, as far as its References tell. */
    String threadRoot() {
        return message.references().isEmpty() ? message.messageId() : message.references().get(0);
    }

    Citation toCitation(String why) {
        return new Citation(ArchiveLink.of(inboxUrl, message.messageId()), message.subject(),
                message.from().toString(), message.date(), why);
    }
}
