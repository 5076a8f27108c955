package org.lorebot.bot.review;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
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

    /**
     * The identity configured as {@code [delivery] from}, {@code Name <address>} or a bare address.
     *
     * @throws IllegalArgumentException when {@code from} is not one mailbox
     */
    public static BotIdentity parse(String from, String mailer, String contact) {
        try {
            InternetAddress[] parsed = InternetAddress.parse(from, true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("bot address '" + from + "' is not exactly one mailbox");
            }
            String name = parsed[0].getPersonal();
            return new BotIdentity(new Address(name, parsed[0].getAddress()), mailer, contact);
        } catch (AddressException e) {
            throw new IllegalArgumentException("bot address '" + from + "' is not valid: " + e.getMessage(), e);
        }
    }

    /** The domain of the bot's address, used for its Message-IDs. */
    public String domain() {
        String a = address.address();
        return a.substring(a.lastIndexOf('@') + 1);
    }
}
