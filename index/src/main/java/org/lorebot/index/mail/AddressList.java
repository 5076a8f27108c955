package org.lorebot.index.mail;

import java.util.ArrayList;
import java.util.List;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * Mailboxes of an address header (From, To, Cc), parsed leniently. Group syntax is flattened to
 * its members. When a header cannot be parsed at all its decoded text is kept as one name-only
 * {@link Address}, so searches over recipients still find the words in it.
 */
final class AddressList {

    private AddressList() {
    }

    static List<Address> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return List.of();
        }
        String value = HeaderText.recover8bit(HeaderText.unfold(raw));
        try {
            List<Address> result = new ArrayList<>(2);
            for (InternetAddress address : InternetAddress.parseHeader(value, false)) {
                add(address, result);
            }
            if (result.size() == 1 && value.indexOf('<') >= 0 && DisplayName.hasComment(value)) {
                // one mailbox with comments: they are part of how it names its sender
                String name = EncodedWords.decode(DisplayName.withComments(value));
                return List.of(new Address(name, result.get(0).address()));
            }
            return result;
        } catch (AddressException | RuntimeException e) {
            return List.of(new Address(EncodedWords.decode(value).strip(), ""));
        }
    }

    private static void add(InternetAddress address, List<Address> result) throws AddressException {
        if (address.isGroup()) {
            InternetAddress[] members = address.getGroup(false);
            if (members != null) {
                for (InternetAddress member : members) {
                    add(member, result);
                }
            }
            return;
        }
        String personal = address.getPersonal();
        if (personal != null && personal.contains("=?")) {
            // Jakarta Mail leaves words in charsets it does not know encoded
            personal = EncodedWords.decode(personal);
        }
        String mailbox = address.getAddress();
        result.add(new Address(personal == null ? "" : DisplayName.collapse(personal),
                mailbox == null ? "" : mailbox.strip()));
    }
}
