package org.lorebot.index.mail;

import java.time.Instant;
import java.util.List;

/**
 * A message as lorebot understands it after MIME decoding. Message-IDs here and everywhere in
 * lorebot are kept without angle brackets.
 *
 * @param messageId  the Message-ID
 * @param subject    decoded Subject (RFC 2047), empty when absent
 * @param from       the first From mailbox
 * @param to         To mailboxes
 * @param cc         Cc mailboxes
 * @param date       the Date header, or the archive's time when Date is missing or broken
 * @param inReplyTo  the first Message-ID of In-Reply-To, or null
 * @param references the References chain, oldest first, without duplicates
 * @param listId     the List-Id header's id, or null
 * @param body       the readable text: text/plain parts and text attachments in order (HTML-only
 *                   mail turned into text), decoded to Unicode with CRLF turned into LF
 */
public record MailMessage(String messageId, String subject, Address from, List<Address> to,
                          List<Address> cc, Instant date, String inReplyTo,
                          List<String> references, String listId, String body) {
    public MailMessage {
        subject = subject == null ? "" : subject;
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        body = body == null ? "" : body;
    }
}
