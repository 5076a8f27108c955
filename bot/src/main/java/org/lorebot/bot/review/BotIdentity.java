package org.lorebot.bot.review;

import java.util.Objects;
import org.lorebot.index.mail.Address;

/**
 * Who the bot is in its mail.
 *
 * @param address the From mailbox
 * @param mailer  the X-Mailer value, e.g. {@code lorebot 0.1.0}
 * @param contact where to ask for a list to be opted out (the operator's address)
 */
public record BotIdentity(Address address, String mailer, String contact) {
    public BotIdentity {
        Objects.requireNonNull(address, "address");
        if (address.address().isBlank() || address.address().indexOf('@') < 1) {
            throw new IllegalArgumentException("bot address is not an e-mail address: '" + address + "'");
        }
        mailer = mailer == null || mailer.isBlank() ? "lorebot" : mailer.strip();
        contact = contact == null || contact.isBlank() ? address.address() : contact.strip();
    }

    /** The domain of the bot's address, used for its Message-IDs. */
    public String domain() {
        String a = address.address();
        return a.substring(a.lastIndexOf('@') + 1);
    }
}
