package org.lorebot.bot.delivery;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A mail as bytes on the wire (RFC 5322, CRLF line ends) with its envelope recipients. This is
 * what the outbox keeps, so a retry sends exactly what was first composed.
 */
public record RenderedMail(String messageId, List<String> recipients, byte[] bytes) {
    public RenderedMail {
        Objects.requireNonNull(messageId, "messageId");
        recipients = List.copyOf(recipients);
        if (recipients.isEmpty()) {
            throw new IllegalArgumentException("mail " + messageId + " has no recipients");
        }
        bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RenderedMail r && r.messageId.equals(messageId)
                && r.recipients.equals(recipients) && Arrays.equals(r.bytes, bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, recipients, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return "RenderedMail[" + messageId + ", " + recipients.size() + " recipients, " + bytes.length + " bytes]";
    }
}
