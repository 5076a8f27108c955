package org.lorebot.index.store;

import org.lorebot.index.mail.MailMessage;

/**
 * A message as the index holds it, for display and replies.
 *
 * @param message the parsed message: headers, addresses, date, references, body text
 * @param list    the inbox name it was ingested from
 * @param thread  its thread's id (the root's Message-ID, possibly a ghost's)
 * @param raw     the message exactly as delivered
 * @param epoch   the archive stream it came from
 * @param blob    its git blob id, or null when the archive has none
 */
public record StoredMessage(MailMessage message, String list, String thread, byte[] raw,
                            String epoch, String blob) {

    /** The Message-ID, without angle brackets. */
    public String messageId() {
        return message.messageId();
    }
}
