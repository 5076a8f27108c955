package org.lorebot.index.thread;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lorebot.index.mail.Address;
import org.lorebot.index.mail.MailMessage;

/**
 * The Message-IDs a message threads under, chosen as public-inbox does: its References then its
 * In-Reply-To, each once, leaving out its own id, ids longer than 244 characters, and the
 * addresses of its From, To and Cc together with {@code y} and {@code n} (old git send-email
 * asked for an In-Reply-To and people typed those into it).
 */
public final class MessageReferences {

    /** public-inbox's limit on the length of a Message-ID it will follow. */
    static final int MAX_ID_LENGTH = 244;

    private MessageReferences() {
    }

    public static List<String> of(MailMessage message) {
        Set<String> ids = new LinkedHashSet<>(message.references());
        if (message.inReplyTo() != null && !message.inReplyTo().isEmpty()) {
            ids.add(message.inReplyTo());
        }
        Set<String> excluded = new HashSet<>(List.of("y", "n"));
        excluded.add(message.messageId());
        addAddress(excluded, message.from());
        message.to().forEach(a -> addAddress(excluded, a));
        message.cc().forEach(a -> addAddress(excluded, a));
        List<String> kept = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (!id.isEmpty() && id.length() <= MAX_ID_LENGTH
                    && !excluded.contains(id)) {
                kept.add(id);
            }
        }
        return kept;
    }

    private static void addAddress(Set<String> excluded, Address address) {
        if (address != null && !address.address().isEmpty()) {
            excluded.add(address.address());
        }
    }
}
