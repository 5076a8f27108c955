package org.lorebot.index.store;

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
 */
public record IndexedMessage(String list, MailMessage message, List<String> references,
                             String patchId, byte[] raw, String epoch, String blob) {
    public IndexedMessage {
        references = List.copyOf(references);
    }
}
