package org.lorebot.bot.commands;

import java.util.Objects;

/**
 * A mail found in the command mailbox.
 *
 * @param messageId     its Message-ID (without angle brackets)
 * @param sender        the From address, lower case
 * @param subject       the decoded subject
 * @param body          the text
 * @param automatic     true for mail no person wrote: {@code Auto-Submitted} other than
 *                      {@code no}, {@code Precedence: bulk/junk/list}, bounces (RFC 3834)
 */
public record CommandMail(String messageId, String sender, String subject, String body, boolean automatic) {
    public CommandMail {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(sender, "sender");
        subject = subject == null ? "" : subject;
        body = body == null ? "" : body;
    }
}
