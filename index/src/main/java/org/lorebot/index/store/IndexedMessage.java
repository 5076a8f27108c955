package org.lorebot.index.store;

import java.time.Instant;
import java.util.List;
import org.lorebot.index.mail.MailMessage;

/**
 * Everything the index keeps of one message, ready to be turned into a document.
 *
 * @param list       the inbox name it was ingested from
 * @param message    the parsed message
 * @param references the ids it threads under (see {@code thread.MessageReferences})
 * @param patchId    git's stable patch-id of its diff, or null when it carries none
 * @param raw        the message as delivered
 * @param epoch      the archive stream it came from
 * @param blob       its git blob id, or null
 * @param received   when the archive received it (commit time), or null when unknown
 */
public record IndexedMessage(String list, MailMessage message, List<String> references,
                             String patchId, byte[] raw, String epoch, String blob,
                             Instant received) {
    public IndexedMessage {
        references = List.copyOf(references);
    }

    /** A message whose arrival in the archive is unknown. */
    public IndexedMessage(String list, MailMessage message, List<String> references,
                          String patchId, byte[] raw, String epoch, String blob) {
        this(list, message, references, patchId, raw, epoch, blob, null);
    }

    /** The same, keyed under another of its ids (see {@link MailMessage#withMessageId}). */
    public IndexedMessage withMessageId(String id) {
        return new IndexedMessage(list, message.withMessageId(id), references, patchId, raw,
                epoch, blob, received);
    }
}
