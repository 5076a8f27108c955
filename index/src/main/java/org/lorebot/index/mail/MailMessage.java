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
 * @param messageIds every id of every Message-ID header, in order, without repeats; a message
 *                   public-inbox stored again under a new id carries both (the first is usually
 *                   {@code messageId}, which is always among them)
 * @param attachmentNames the file names of its attachments ({@code n:}), in order
 * @param unflowedBody the body with its format=flowed parts un-flowed as git am does, or null
 *                   when it has none ({@link #patchText()} is what patches are read from)
 */
public record MailMessage(String messageId, String subject, Address from, List<Address> to,
                          List<Address> cc, Instant date, String inReplyTo,
                          List<String> references, String listId, String body,
                          List<String> messageIds, List<String> attachmentNames, String unflowedBody) {
    public MailMessage {
        subject = subject == null ? "" : subject;
        to = List.copyOf(to);
        cc = List.copyOf(cc);
        references = List.copyOf(references);
        body = body == null ? "" : body;
        if (messageIds == null || messageIds.isEmpty()) {
            messageIds = List.of(messageId);
        } else if (!messageIds.contains(messageId)) {
            List<String> all = new java.util.ArrayList<>(messageIds.size() + 1);
            all.add(messageId);
            all.addAll(messageIds);
            messageIds = List.copyOf(all);
        } else {
            messageIds = List.copyOf(messageIds);
        }
        attachmentNames = attachmentNames == null ? List.of() : List.copyOf(attachmentNames);
    }

    /** A message none of whose parts is format=flowed. */
    public MailMessage(String messageId, String subject, Address from, List<Address> to,
                       List<Address> cc, Instant date, String inReplyTo, List<String> references,
                       String listId, String body, List<String> messageIds, List<String> attachmentNames) {
        this(messageId, subject, from, to, cc, date, inReplyTo, references, listId, body, messageIds,
                attachmentNames, null);
    }

    /** A message with one Message-ID and no attachments. */
    public MailMessage(String messageId, String subject, Address from, List<Address> to,
                       List<Address> cc, Instant date, String inReplyTo, List<String> references,
                       String listId, String body) {
        this(messageId, subject, from, to, cc, date, inReplyTo, references, listId, body,
                List.of(messageId), List.of());
    }

    /** The same message known under {@code id}, one of its other ids or one derived for it. */
    public MailMessage withMessageId(String id) {
        return new MailMessage(id, subject, from, to, cc, date, inReplyTo, references, listId,
                body, messageIds, attachmentNames, unflowedBody);
    }

    /** The text a patch is read from: the body as {@code git am} sees it (format=flowed undone). */
    public String patchText() {
        return unflowedBody == null ? body : unflowedBody;
    }
}
